import { describe, expect, it, vi } from 'vitest'
import { beep, scanFeedback, vibrate, TONES } from '@/shared/ui/scanner/feedback'
import { classifyCameraError } from '@/shared/ui/scanner/cameraError'

function fakeAudio(state: AudioContextState = 'running') {
  const osc = { type: '', frequency: { value: 0 }, connect: vi.fn(), start: vi.fn(), stop: vi.fn() }
  const gain = { gain: { setValueAtTime: vi.fn(), exponentialRampToValueAtTime: vi.fn() }, connect: vi.fn() }
  const ctx = { state, currentTime: 1, destination: {}, resume: vi.fn(() => Promise.resolve()), createOscillator: () => osc, createGain: () => gain }
  return { ctx: ctx as unknown as AudioContext, osc, resume: ctx.resume }
}

describe('scan feedback', () => {
  it('beeps a short success tone with an oscillator (no audio file)', () => {
    const a = fakeAudio()
    expect(beep('success', { createAudioContext: () => a.ctx })).toBe(true)
    expect(a.osc.frequency.value).toBe(TONES.success.frequency)
    expect(a.osc.start).toHaveBeenCalledWith(1)
    expect(a.osc.stop).toHaveBeenCalledWith(1 + TONES.success.durationMs / 1000)
  })

  it('resumes a suspended context and survives a missing or broken one', () => {
    const a = fakeAudio('suspended')
    beep('success', { createAudioContext: () => a.ctx })
    expect(a.resume).toHaveBeenCalled()
    expect(beep('success', { createAudioContext: () => null })).toBe(false)
    expect(beep('success', { createAudioContext: () => { throw new Error('blocked') } })).toBe(false)
  })

  it('vibrates once for success, a double buzz for a repeat; no vibration API is fine', () => {
    const v = vi.fn(() => true)
    vibrate('success', { vibrate: v })
    vibrate('repeat', { vibrate: v })
    expect(v.mock.calls).toEqual([[60], [[30, 40, 30]]])
    expect(vibrate('success', { vibrate: () => { throw new Error('no') } })).toBe(false)
    const a = fakeAudio()
    scanFeedback('success', { createAudioContext: () => a.ctx, vibrate: v })
    expect(v).toHaveBeenCalledTimes(3)
  })
})

describe('camera errors', () => {
  it('reads html5-qrcode strings and DOMExceptions', () => {
    expect(classifyCameraError('Error getting userMedia, error = NotAllowedError: Permission denied')).toBe('denied')
    expect(classifyCameraError(new DOMException('Permission denied', 'NotAllowedError'))).toBe('denied')
    expect(classifyCameraError('Error getting userMedia, error = NotFoundError: Requested device not found')).toBe('no_camera')
    expect(classifyCameraError('NotReadableError: Could not start video source')).toBe('in_use')
    expect(classifyCameraError('Camera streaming not supported by the browser.')).toBe('unsupported')
    expect(classifyCameraError(new Error('weird'))).toBe('unknown')
    expect(classifyCameraError('anything', false)).toBe('insecure')
  })
})
