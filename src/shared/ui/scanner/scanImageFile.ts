/** The image-file fallback: a photo of a label, decoded without the camera stream. */
import { createQrReader, type QrReader } from './loadLibrary'
import { downscaleImageFile } from './downscale'
import { RETRY_TURNS, turnImageFile } from './turn'

export type FileScanResult = { ok: true; text: string } | { ok: false; reason: 'no_code' | 'not_image' }

/** `elementId`: a hidden element html5-qrcode draws its work canvas into. */
export async function scanImageFile(file: File, elementId: string): Promise<FileScanResult> {
  if (file.type && !file.type.startsWith('image/')) return { ok: false, reason: 'not_image' }
  let small: File
  try {
    small = await downscaleImageFile(file)
  } catch {
    // createImageBitmap refuses files that are not images (or a HEIC the browser cannot read).
    return { ok: false, reason: 'not_image' }
  }
  const reader = await createQrReader(elementId)
  try {
    let text = await read(reader, small)
    // Upright first (nearly every photo); turned only when that found nothing (turn.ts says why).
    for (const turns of RETRY_TURNS) {
      if (text !== null) break
      text = await read(reader, () => turnImageFile(small, turns))
    }
    return text === null ? { ok: false, reason: 'no_code' } : { ok: true, text }
  } finally {
    reader.clear()
  }
}

/** The decoded text, or null when the image holds no readable QR code. */
async function read(reader: QrReader, image: File | (() => Promise<File>)): Promise<string | null> {
  try {
    return await reader.scanFile(typeof image === 'function' ? await image() : image, false)
  } catch {
    return null
  }
}
