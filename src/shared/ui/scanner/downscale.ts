/**
 * Phone photos are 12+ MP: decoding them is slow and can run out of memory on
 * old phones. The image-file fallback draws them onto a canvas no larger than
 * MAX_SCAN_SIDE first; a label QR stays readable at that size.
 */
export const MAX_SCAN_SIDE = 1600

export interface Size {
  width: number
  height: number
}

/** The size to draw at: long side ≤ maxSide, aspect kept, never scaled up. */
export function scanSize(width: number, height: number, maxSide: number = MAX_SCAN_SIDE): Size {
  const long = Math.max(width, height)
  if (long <= maxSide || long <= 0) return { width, height }
  const scale = maxSide / long
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

export function needsDownscale(width: number, height: number, maxSide: number = MAX_SCAN_SIDE): boolean {
  return Math.max(width, height) > maxSide
}

/** Returns the file itself when small enough, else a PNG redrawn at scanSize (browser only). */
export async function downscaleImageFile(file: File, maxSide: number = MAX_SCAN_SIDE): Promise<File> {
  const bitmap = await createImageBitmap(file)
  try {
    if (!needsDownscale(bitmap.width, bitmap.height, maxSide)) return file
    const { width, height } = scanSize(bitmap.width, bitmap.height, maxSide)
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const ctx = canvas.getContext('2d')
    if (!ctx) return file
    ctx.drawImage(bitmap, 0, 0, width, height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    return blob ? new File([blob], 'scan.png', { type: 'image/png' }) : file
  } finally {
    bitmap.close()
  }
}
