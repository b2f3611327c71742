/**
 * Success feedback a keeper notices without looking: a short beep made with
 * WebAudio (no audio file to download or cache) and a vibration where supported.
 * Both are best effort: a muted phone or a blocked AudioContext must not break a scan.
 */
export interface FeedbackEnv {
  createAudioContext?: () => AudioContext | null
  vibrate?: (pattern: number | number[]) => boolean
}

let shared: AudioContext | null = null

function defaultAudioContext(): AudioContext | null {
  if (shared) return shared
  const Ctor = typeof window === 'undefined' ? undefined : (window.AudioContext ?? (window as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext)
  shared = Ctor ? new Ctor() : null
  return shared
}

function defaultVibrate(pattern: number | number[]): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.vibrate === 'function' ? navigator.vibrate(pattern) : false
}

/** Beep settings: a higher tone for success, a low double buzz for a repeat in batch mode. */
export const TONES = {
  success: { frequency: 1760, durationMs: 90 },
  repeat: { frequency: 440, durationMs: 60 },
} as const
export type Tone = keyof typeof TONES

export function beep(tone: Tone = 'success', env: FeedbackEnv = {}): boolean {
  try {
    const ctx = (env.createAudioContext ?? defaultAudioContext)()
    if (!ctx) return false
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined)
    const { frequency, durationMs } = TONES[tone]
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    osc.type = 'sine'
    osc.frequency.value = frequency
    const t0 = ctx.currentTime
    // A quick fade out avoids the click of a hard stop.
    gain.gain.setValueAtTime(0.2, t0)
    gain.gain.exponentialRampToValueAtTime(0.001, t0 + durationMs / 1000)
    osc.connect(gain)
    gain.connect(ctx.destination)
    osc.start(t0)
    osc.stop(t0 + durationMs / 1000)
    return true
  } catch {
    return false
  }
}

export function vibrate(tone: Tone = 'success', env: FeedbackEnv = {}): boolean {
  try {
    return (env.vibrate ?? defaultVibrate)(tone === 'success' ? 60 : [30, 40, 30])
  } catch {
    return false
  }
}

/** Beep + vibrate; call on every emitted scan. */
export function scanFeedback(tone: Tone = 'success', env: FeedbackEnv = {}): void {
  beep(tone, env)
  vibrate(tone, env)
}

/**
 * Browsers start an AudioContext suspended until a user gesture: call this from a
 * tap (the start button, the file picker) so the first beep is heard.
 */
export function unlockAudio(env: FeedbackEnv = {}): void {
  try {
    const ctx = (env.createAudioContext ?? defaultAudioContext)()
    if (ctx?.state === 'suspended') void ctx.resume().catch(() => undefined)
  } catch {
    // No audio: vibration still works.
  }
}
