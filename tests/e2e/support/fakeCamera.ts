/**
 * A fake camera that shows a label: the app's own label URL (labelUrl) rendered with the
 * `qrcode` package into one 640×480 4:2:0 Y4M frame, which Chromium loops
 * (--use-file-for-fake-video-capture). Only 4:2:0 works; see TESTING.md.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import QRCode from 'qrcode'

const WHITE = 235 // Y of white in video range
const BLACK = 16

export interface QrFrameOptions {
  width?: number
  height?: number
  /** Approximate QR side in pixels, quiet zone included. */
  qrPixels?: number
  margin?: number
}

/** The Y plane of a frame with the QR centred on white. */
export function qrLumaPlane(text: string, options: QrFrameOptions = {}): { y: Uint8Array; width: number; height: number } {
  const width = options.width ?? 640
  const height = options.height ?? 480
  const margin = options.margin ?? 4
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  const scale = Math.max(1, Math.floor((options.qrPixels ?? 280) / (n + 2 * margin)))
  const side = (n + 2 * margin) * scale
  const left = Math.floor((width - side) / 2)
  const top = Math.floor((height - side) / 2)
  const y = new Uint8Array(width * height).fill(WHITE)
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (!qr.modules.get(row, col)) continue
      const x0 = left + (col + margin) * scale
      const y0 = top + (row + margin) * scale
      for (let dy = 0; dy < scale; dy++) y.fill(BLACK, (y0 + dy) * width + x0, (y0 + dy) * width + x0 + scale)
    }
  }
  return { y, width, height }
}

/** Writes the Y4M file and returns its absolute path (Chromium needs an absolute path). */
export function writeQrY4m(text: string, options: QrFrameOptions = {}): string {
  const { y, width, height } = qrLumaPlane(text, options)
  const chroma = new Uint8Array((width / 2) * (height / 2)).fill(128)
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`, 'ascii')
  const path = join(mkdtempSync(join(tmpdir(), 'adminfield-cam-')), 'label.y4m')
  writeFileSync(path, Buffer.concat([header, y, chroma, chroma]))
  return path
}

/** A PNG photo of a label, for the image-file fallback (page.setInputFiles). */
export async function writeQrPng(text: string, width = 600): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'adminfield-png-')), 'label.png')
  await QRCode.toFile(path, text, { type: 'png', width, margin: 4, errorCorrectionLevel: 'M' })
  return path
}

/** A plain picture for photo inputs (a "stamped page"): a QR is as good as any image. */
export const writeStampedPagePng = (text = 'stamped page') => writeQrPng(text, 800)
