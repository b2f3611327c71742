/**
 * Pure image math for photo processing: sizes, luminance, sharpness, JPEG quality steps.
 * No DOM, no framework: unit-tested on synthetic pixel arrays.
 */

export interface Size {
  width: number
  height: number
}

/** Scales (w, h) down so the long side is at most `maxSide`; never scales up. */
export function fitWithin(width: number, height: number, maxSide: number): Size {
  const long = Math.max(width, height)
  if (long <= maxSide || long === 0) return { width, height }
  const scale = maxSide / long
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/** Rec. 601 luma of RGBA pixels, one byte per pixel (0..255). */
export function toGrey(rgba: ArrayLike<number>, width: number, height: number): Uint8Array {
  const n = width * height
  const grey = new Uint8Array(n)
  for (let i = 0, p = 0; i < n; i++, p += 4) {
    grey[i] = (299 * (rgba[p] ?? 0) + 587 * (rgba[p + 1] ?? 0) + 114 * (rgba[p + 2] ?? 0)) / 1000
  }
  return grey
}

/** Mean of a grey image (0..255). */
export function meanLuminance(grey: ArrayLike<number>): number {
  if (grey.length === 0) return 0
  let sum = 0
  for (let i = 0; i < grey.length; i++) sum += grey[i] ?? 0
  return sum / grey.length
}

/**
 * Variance of the 4-neighbour Laplacian over the interior pixels: the classic blur measure.
 * Sharp edges give large second derivatives; a blurred picture gives small ones everywhere.
 */
export function laplacianVariance(grey: ArrayLike<number>, width: number, height: number): number {
  if (width < 3 || height < 3) return 0
  let sum = 0
  let sumSq = 0
  let n = 0
  for (let y = 1; y < height - 1; y++) {
    const row = y * width
    for (let x = 1; x < width - 1; x++) {
      const i = row + x
      const v =
        (grey[i - 1] ?? 0) + (grey[i + 1] ?? 0) + (grey[i - width] ?? 0) + (grey[i + width] ?? 0) - 4 * (grey[i] ?? 0)
      sum += v
      sumSq += v * v
      n++
    }
  }
  const mean = sum / n
  return sumSq / n - mean * mean
}

export type QualityWarning = 'dark' | 'blurry'

export interface QualityThresholds {
  /** Mean luma below this = too dark. */
  minLuminance: number
  /** Laplacian variance (on the ~256 px analysis image) below this = blurry. */
  minSharpness: number
}

/** Tuned on phone photos downscaled to 256 px: a focused shot of a room scores in the hundreds. */
export const DEFAULT_THRESHOLDS: QualityThresholds = { minLuminance: 45, minSharpness: 60 }

export interface QualityMeasure {
  luminance: number
  sharpness: number
}

export function measureQuality(rgba: ArrayLike<number>, width: number, height: number): QualityMeasure {
  const grey = toGrey(rgba, width, height)
  return { luminance: meanLuminance(grey), sharpness: laplacianVariance(grey, width, height) }
}

/**
 * Warnings the UI turns into "retake?". A dark picture is also flat, so it is not called
 * blurry as well: darkness is the cause to fix.
 */
export function qualityWarnings(m: QualityMeasure, t: QualityThresholds = DEFAULT_THRESHOLDS): QualityWarning[] {
  if (m.luminance < t.minLuminance) return ['dark']
  if (m.sharpness < t.minSharpness) return ['blurry']
  return []
}

/** JPEG qualities tried in turn until the file fits the target; the last one is kept regardless. */
export const JPEG_QUALITY_STEPS = [0.82, 0.72, 0.6, 0.48] as const

/**
 * The next quality to try after an encode at `quality` produced `bytes`, or null to stop
 * (it fits, or no step is left). Skips steps when far over target: fewer encodes on a phone.
 */
export function nextJpegQuality(quality: number, bytes: number, targetBytes: number): number | null {
  if (bytes <= targetBytes) return null
  const lower = JPEG_QUALITY_STEPS.filter((q) => q < quality - 1e-9)
  if (lower.length === 0) return null
  // Twice the target or more: a small step will not do, jump two.
  const skip = bytes >= 2 * targetBytes && lower.length > 1 ? 1 : 0
  return lower[skip] ?? null
}
