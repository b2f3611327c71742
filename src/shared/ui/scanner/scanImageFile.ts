/** The image-file fallback: a photo of a label, decoded without the camera stream. */
import { createQrReader } from './loadLibrary'
import { downscaleImageFile } from './downscale'

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
    const text = await reader.scanFile(small, false)
    return { ok: true, text }
  } catch {
    return { ok: false, reason: 'no_code' }
  } finally {
    reader.clear()
  }
}
