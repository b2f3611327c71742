/**
 * The camera's answer to the labels zxing-js misses the right way up (turn.ts): while the upright
 * decodes find nothing, a frame's centre (where the user aims) is read turned, a quarter turn at a
 * time, about once a second. A still, level label (a phone on a desk, a fake camera) is read too.
 * One read at a time, on a reader of its own, so it never meets the image-file fallback's.
 */
import { onBeforeUnmount, watch } from 'vue'
import { createQrReader, type QrReader } from './loadLibrary'
import { QRBOX_RATIO } from './qrbox'
import { RETRY_TURNS, turnImage, type Region } from './turn'

/** Time between turned reads: the upright decodes run at 10 fps meanwhile. */
export const TURNED_READ_MS = 1000
/** A turned frame is read at this long side at most: a label's QR stays readable, the read stays short. */
export const TURNED_READ_SIDE = 640

/** The centre square of a video frame: what the scan box frames (qrbox.ts), in the frame's pixels. */
export function aimedRegion(videoWidth: number, videoHeight: number): Region {
  const side = Math.round(Math.min(videoWidth, videoHeight) * QRBOX_RATIO)
  return { x: Math.round((videoWidth - side) / 2), y: Math.round((videoHeight - side) / 2), width: side, height: side }
}

/**
 * Reads turned frames of the video inside `viewId` while `active()` is true, into `turnId`'s own
 * reader; a text read is handed to `onText` (the scanner's dedupe and hold apply as for any decode).
 */
export function useTurnedFrames(viewId: string, turnId: string, active: () => boolean, onText: (text: string) => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let reader: QrReader | null = null
  let next = 0
  let reading = false
  let unmounted = false
  const wanted = () => active() && !unmounted

  // A read in flight schedules the next one when it ends: a change of `active` meanwhile (held,
  // resumed) must not start a second read on the same reader.
  function schedule(): void {
    clearTimeout(timer)
    timer = undefined
    if (reading || !wanted()) return
    timer = setTimeout(() => {
      reading = true
      void readOnce().finally(() => {
        reading = false
        schedule()
      })
    }, TURNED_READ_MS)
  }

  async function readOnce(): Promise<void> {
    const video = document.getElementById(viewId)?.querySelector('video')
    if (!wanted() || document.visibilityState === 'hidden' || !video || video.videoWidth === 0) return
    const turns = RETRY_TURNS[next] ?? RETRY_TURNS[0]
    next = (next + 1) % RETRY_TURNS.length
    try {
      const file = await turnImage(video, aimedRegion(video.videoWidth, video.videoHeight), turns, TURNED_READ_SIDE)
      reader ??= await createQrReader(turnId)
      const text = await reader.scanFile(file, false)
      if (wanted()) onText(text)
    } catch {
      // Nothing readable in this frame (the usual answer): the next one is tried in a moment.
    }
  }

  watch(active, schedule, { immediate: true })
  onBeforeUnmount(() => {
    unmounted = true
    clearTimeout(timer)
    reader?.clear()
  })
}
