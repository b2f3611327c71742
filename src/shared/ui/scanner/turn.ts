/**
 * zxing-js cannot read some QR codes the right way up, however clean the picture and whatever its
 * size (about 1 label URL in 30), yet reads each of them turned a quarter or a half. The image-file
 * fallback tries the photo turned before it says "no code" (scanImageFile.ts), and the camera tries
 * its frames turned while the upright decodes find nothing (useTurnedFrames.ts).
 */
import { scanSize, type Size } from './downscale'

/** Clockwise quarter turns, in the order tried: the fewest misses first (measured on 500 label URLs). */
export const RETRY_TURNS = [3, 2, 1] as const

/** A rectangle of a picture, in its own pixels. */
export interface Region {
  x: number
  y: number
  width: number
  height: number
}

/** The size of an image turned clockwise by `quarterTurns` × 90°. */
export function turnedSize(width: number, height: number, quarterTurns: number): Size {
  return quarterTurns % 2 === 0 ? { width, height } : { width: height, height: width }
}

/** `region` of `source` turned clockwise by `quarterTurns` × 90°, long side ≤ `maxSide`, as a PNG (browser only). */
export async function turnImage(source: CanvasImageSource, region: Region, quarterTurns: number, maxSide = Infinity): Promise<File> {
  const drawn = scanSize(region.width, region.height, maxSide)
  const { width, height } = turnedSize(drawn.width, drawn.height, quarterTurns)
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2d canvas')
  ctx.translate(width / 2, height / 2)
  ctx.rotate((quarterTurns * Math.PI) / 2)
  ctx.drawImage(source, region.x, region.y, region.width, region.height, -drawn.width / 2, -drawn.height / 2, drawn.width, drawn.height)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (!blob) throw new Error('canvas gave no image')
  return new File([blob], 'scan-turned.png', { type: 'image/png' })
}

/** The image file turned clockwise by `quarterTurns` × 90°, as a PNG (browser only). */
export async function turnImageFile(file: File, quarterTurns: number): Promise<File> {
  const bitmap = await createImageBitmap(file)
  try {
    return await turnImage(bitmap, { x: 0, y: 0, width: bitmap.width, height: bitmap.height }, quarterTurns)
  } finally {
    bitmap.close()
  }
}
