/**
 * The camera side of the scanner: start (back camera preferred), stop cleanly on
 * unmount and while the page is hidden, torch where the track supports it.
 * The camera light must go off whenever the user cannot see the scanner.
 */
import { onBeforeUnmount, onMounted, ref } from 'vue'
import type { QrReader } from './loadLibrary'
import { createQrReader } from './loadLibrary'
import { classifyCameraError, type CameraProblem } from './cameraError'
import { qrboxFor } from './qrbox'
import { cameraMissing } from './cameraPresence'

export type CameraState = 'idle' | 'starting' | 'scanning' | 'error'

// html5-qrcode's Html5QrcodeScannerState: SCANNING = 2, PAUSED = 3.
const RUNNING_STATES = new Set([2, 3])

export function useQrCamera(elementId: string, onText: (text: string) => void) {
  const state = ref<CameraState>('idle')
  const problem = ref<CameraProblem | null>(null)
  const torchSupported = ref(false)
  const torchOn = ref(false)
  let reader: QrReader | null = null
  /** What the user wants; a slow start that finishes after a stop() is stopped at once. */
  let wanted = false
  let resumeWhenVisible = false

  async function release(): Promise<void> {
    const r = reader
    torchSupported.value = false
    torchOn.value = false
    if (!r) return
    try {
      if (RUNNING_STATES.has(r.getState())) await r.stop()
      r.clear()
    } catch {
      // Already stopped: nothing to release.
    }
  }

  async function start(): Promise<void> {
    wanted = true
    if (state.value === 'starting' || state.value === 'scanning') return
    state.value = 'starting'
    problem.value = null
    try {
      // The browser's own error for a missing camera, so it is explained like any other.
      if (!reader && (await cameraMissing())) throw new DOMException('Requested device not found', 'NotFoundError')
      reader ??= await createQrReader(elementId)
      if (!wanted) {
        state.value = 'idle'
        return
      }
      await reader.start({ facingMode: 'environment' }, { fps: 10, qrbox: qrboxFor }, (text) => onText(text), () => undefined)
      if (!wanted) {
        await release()
        state.value = 'idle'
        return
      }
      state.value = 'scanning'
      detectTorch()
    } catch (e) {
      state.value = 'error'
      problem.value = classifyCameraError(e, typeof window === 'undefined' || window.isSecureContext !== false)
    }
  }

  async function stop(): Promise<void> {
    wanted = false
    if (state.value === 'starting') return // start() sees `wanted` and releases.
    await release()
    if (state.value === 'scanning') state.value = 'idle'
  }

  function detectTorch(): void {
    try {
      torchSupported.value = reader?.getRunningTrackCameraCapabilities().torchFeature().isSupported() ?? false
    } catch {
      torchSupported.value = false
    }
  }

  async function toggleTorch(): Promise<void> {
    if (!reader || !torchSupported.value) return
    const next = !torchOn.value
    try {
      await reader.getRunningTrackCameraCapabilities().torchFeature().apply(next)
      torchOn.value = next
    } catch {
      torchSupported.value = false
    }
  }

  function onVisibility(): void {
    if (document.visibilityState === 'hidden') {
      resumeWhenVisible = wanted
      if (wanted) void stop()
    } else if (resumeWhenVisible) {
      resumeWhenVisible = false
      void start()
    }
  }

  onMounted(() => document.addEventListener('visibilitychange', onVisibility))
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibility)
    void stop()
  })

  return { state, problem, torchSupported, torchOn, start, stop, toggleTorch }
}
