import { describe, expect, it } from 'vitest'
import {
  DEFAULT_THRESHOLDS,
  fitWithin,
  JPEG_QUALITY_STEPS,
  laplacianVariance,
  meanLuminance,
  measureQuality,
  nextJpegQuality,
  qualityWarnings,
  toGrey,
} from '@/platform/photos/math'
import { bandLayout } from '@/platform/photos/watermark'

/** RGBA image from a grey-level function. */
function rgba(width: number, height: number, level: (x: number, y: number) => number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height * 4)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4
      out[p] = out[p + 1] = out[p + 2] = level(x, y)
      out[p + 3] = 255
    }
  return out
}

const checker = (x: number, y: number) => (((x >> 2) + (y >> 2)) % 2 ? 220 : 40)
/** The same pattern after a wide box blur: a soft gradient between the squares. */
function blurred(width: number, height: number): Uint8ClampedArray {
  const sharp = toGrey(rgba(width, height, checker), width, height)
  const r = 3
  return rgba(width, height, (x, y) => {
    let sum = 0
    let n = 0
    for (let dy = -r; dy <= r; dy++)
      for (let dx = -r; dx <= r; dx++) {
        const xx = Math.min(width - 1, Math.max(0, x + dx))
        const yy = Math.min(height - 1, Math.max(0, y + dy))
        sum += sharp[yy * width + xx] ?? 0
        n++
      }
    return sum / n
  })
}

describe('fitWithin', () => {
  it('brings the long side down to the limit, keeping the aspect ratio', () => {
    expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 })
    expect(fitWithin(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 })
    expect(fitWithin(4032, 1816, 1600)).toEqual({ width: 1600, height: 721 })
  })
  it('never scales up and never returns 0', () => {
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 })
    expect(fitWithin(10000, 2, 256)).toEqual({ width: 256, height: 1 })
  })
})

describe('luminance and sharpness', () => {
  it('greys with Rec. 601 weights', () => {
    expect([...toGrey([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255], 3, 1)]).toEqual([76, 149, 29])
  })
  it('mean luminance of flat images', () => {
    expect(meanLuminance(toGrey(rgba(8, 8, () => 10), 8, 8))).toBe(10)
    expect(meanLuminance(new Uint8Array())).toBe(0)
  })
  it('a flat image has zero Laplacian variance; a checkerboard a lot; a blurred one little', () => {
    const flat = measureQuality(rgba(64, 64, () => 128), 64, 64)
    const sharp = measureQuality(rgba(64, 64, checker), 64, 64)
    const soft = measureQuality(blurred(64, 64), 64, 64)
    expect(flat.sharpness).toBe(0)
    expect(sharp.sharpness).toBeGreaterThan(1000)
    expect(soft.sharpness).toBeLessThan(DEFAULT_THRESHOLDS.minSharpness)
    expect(soft.sharpness).toBeLessThan(sharp.sharpness / 50)
  })
  it('a linear gradient is not an edge (zero second derivative)', () => {
    expect(laplacianVariance(toGrey(rgba(32, 32, (x) => x * 4), 32, 32), 32, 32)).toBeCloseTo(0, 6)
  })
  it('too small to measure: 0', () => {
    expect(laplacianVariance(new Uint8Array(4), 2, 2)).toBe(0)
  })
})

describe('qualityWarnings', () => {
  it('dark wins over blurry; sharp and bright passes', () => {
    expect(qualityWarnings({ luminance: 20, sharpness: 5 })).toEqual(['dark'])
    expect(qualityWarnings({ luminance: 120, sharpness: 5 })).toEqual(['blurry'])
    expect(qualityWarnings({ luminance: 120, sharpness: 500 })).toEqual([])
  })
  it('on synthetic images', () => {
    expect(qualityWarnings(measureQuality(rgba(64, 64, (x, y) => checker(x, y) / 8), 64, 64))).toEqual(['dark'])
    expect(qualityWarnings(measureQuality(blurred(64, 64), 64, 64))).toEqual(['blurry'])
    expect(qualityWarnings(measureQuality(rgba(64, 64, checker), 64, 64))).toEqual([])
  })
})

describe('nextJpegQuality', () => {
  const target = 300_000
  it('stops when it fits', () => {
    expect(nextJpegQuality(0.82, 250_000, target)).toBeNull()
  })
  it('steps down once when a little over, two steps when far over', () => {
    expect(nextJpegQuality(0.82, 350_000, target)).toBe(JPEG_QUALITY_STEPS[1])
    expect(nextJpegQuality(0.82, 700_000, target)).toBe(JPEG_QUALITY_STEPS[2])
  })
  it('stops after the last step', () => {
    const last = JPEG_QUALITY_STEPS[JPEG_QUALITY_STEPS.length - 1]!
    expect(nextJpegQuality(last, 900_000, target)).toBeNull()
  })
  it('terminates within the number of steps', () => {
    let q: number | null = JPEG_QUALITY_STEPS[0]
    let n = 0
    while (q !== null) {
      q = nextJpegQuality(q, 10_000_000, target)
      n++
    }
    expect(n).toBeLessThanOrEqual(JPEG_QUALITY_STEPS.length)
  })
})

describe('watermark band', () => {
  it('font scales with width within bounds; band fits its lines', () => {
    expect(bandLayout(1600, 3).fontPx).toBe(40)
    expect(bandLayout(256, 3).fontPx).toBe(12)
    const l = bandLayout(1200, 3)
    expect(l.bandHeight).toBe(3 * l.lineHeight + 2 * l.padding)
    expect(l.bandHeight).toBeLessThan(1200 / 4)
  })
})
