/**
 * Photo processing in the browser: decode (EXIF orientation applied), resize with pica
 * (its worker is an inline blob, so nothing is fetched: the app is offline), measure
 * darkness/blur, stamp the watermark, encode JPEG to a size target, make a thumbnail.
 * Heavy (pica ≈ 20 kB gzip): import this module dynamically from the capture UI.
 */
import pica, { type Pica } from 'pica'
import { fitWithin, measureQuality, nextJpegQuality, qualityWarnings, JPEG_QUALITY_STEPS, type QualityThresholds } from './math'
import { drawWatermark } from './watermark'
import type { ProcessedPhoto, WatermarkText } from './types'

export interface ProcessOptions {
  watermark: WatermarkText
  /** When the photo was attached; the caller stamped this time in `watermark`. Default: now. */
  takenAt?: Date
  maxSide?: number
  targetBytes?: number
  thumbSide?: number
  thresholds?: QualityThresholds
}

export const MAX_SIDE = 1600
export const TARGET_BYTES = 300 * 1024
export const THUMB_SIDE = 256
const ANALYSIS_SIDE = 256

/** The file is not a picture this browser can decode (e.g. HEIC outside Safari). */
export class PhotoDecodeError extends Error {
  constructor(cause: unknown) {
    super(`cannot decode image: ${cause instanceof Error ? cause.message : String(cause)}`)
    this.name = 'PhotoDecodeError'
  }
}

type AnyCanvas = HTMLCanvasElement | OffscreenCanvas

let resizer: Pica | null = null
function getPica(): Pica {
  // One instance: it owns the worker pool.
  resizer ??= pica({ features: ['js', 'wasm', 'ww'] })
  return resizer
}

function makeCanvas(width: number, height: number): AnyCanvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height)
  const c = document.createElement('canvas')
  c.width = width
  c.height = height
  return c
}

function context(canvas: AnyCanvas) {
  const ctx = canvas.getContext('2d', { willReadFrequently: false }) as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null
  if (!ctx) throw new Error('2D canvas unavailable')
  return ctx
}

async function decode(file: Blob): Promise<ImageBitmap> {
  try {
    // 'from-image': a portrait phone photo stored landscape + EXIF rotation comes out upright.
    return await createImageBitmap(file, { imageOrientation: 'from-image' })
  } catch (error) {
    throw new PhotoDecodeError(error)
  }
}

async function resizeTo(from: ImageBitmap | AnyCanvas, maxSide: number): Promise<AnyCanvas> {
  const { width, height } = fitWithin(from.width, from.height, maxSide)
  const to = makeCanvas(width, height)
  if (width === from.width && height === from.height) {
    context(to).drawImage(from, 0, 0)
    return to
  }
  return getPica().resize(from, to, { filter: 'mks2013' })
}

/** JPEG at the highest step quality that fits `targetBytes` (or the lowest step if none does). */
async function encodeToTarget(canvas: AnyCanvas, targetBytes: number): Promise<Blob> {
  let quality: number | null = JPEG_QUALITY_STEPS[0]
  let best: Blob | null = null
  while (quality !== null) {
    const blob = await getPica().toBlob(canvas, 'image/jpeg', quality)
    if (!best || blob.size < best.size) best = blob
    quality = nextJpegQuality(quality, blob.size, targetBytes)
  }
  return best as Blob
}

export async function processPhoto(file: Blob, opts: ProcessOptions): Promise<ProcessedPhoto> {
  const takenAt = opts.takenAt ?? new Date()
  const bitmap = await decode(file)
  let main: AnyCanvas
  try {
    main = await resizeTo(bitmap, opts.maxSide ?? MAX_SIDE)
  } finally {
    bitmap.close()
  }

  // Measured before the stamp: the watermark's sharp text would hide a blurred picture.
  const small = await resizeTo(main, ANALYSIS_SIDE)
  const pixels = context(small).getImageData(0, 0, small.width, small.height).data
  const quality = measureQuality(pixels, small.width, small.height)

  drawWatermark(context(main), main.width, main.height, opts.watermark.lines)
  const blob = await encodeToTarget(main, opts.targetBytes ?? TARGET_BYTES)
  const thumbCanvas = await resizeTo(main, opts.thumbSide ?? THUMB_SIDE)
  const thumb = await getPica().toBlob(thumbCanvas, 'image/jpeg', 0.7)

  return {
    id: crypto.randomUUID(),
    blob,
    thumb,
    mime: 'image/jpeg',
    width: main.width,
    height: main.height,
    bytes: blob.size,
    taken_at: takenAt.toISOString(),
    warnings: qualityWarnings(quality, opts.thresholds),
    quality,
  }
}
