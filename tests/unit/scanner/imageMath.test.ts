import { describe, expect, it } from 'vitest'
import { MAX_SCAN_SIDE, needsDownscale, scanSize } from '@/shared/ui/scanner/downscale'
import { qrboxFor } from '@/shared/ui/scanner/qrbox'
import { RETRY_TURNS, turnedSize } from '@/shared/ui/scanner/turn'
import { aimedRegion, TURNED_READ_SIDE } from '@/shared/ui/scanner/useTurnedFrames'

describe('downscale size for the image-file fallback', () => {
  it('brings a 12 MP portrait photo to a 1600 px long side, aspect kept', () => {
    expect(scanSize(3024, 4032)).toEqual({ width: 1200, height: 1600 })
    expect(needsDownscale(3024, 4032)).toBe(true)
  })

  it('leaves small images alone (never scales up)', () => {
    expect(scanSize(800, 600)).toEqual({ width: 800, height: 600 })
    expect(scanSize(MAX_SCAN_SIDE, 10)).toEqual({ width: MAX_SCAN_SIDE, height: 10 })
    expect(needsDownscale(MAX_SCAN_SIDE, MAX_SCAN_SIDE)).toBe(false)
  })

  it('keeps a thin panorama at least 1 px high', () => {
    expect(scanSize(100_000, 10)).toEqual({ width: 1600, height: 1 })
  })
})

describe('qrbox for the viewfinder', () => {
  it('is a square of 70 % of the short side on a 360 px phone', () => {
    const box = qrboxFor(328, 437)
    expect(box.width).toBe(box.height)
    expect(box.width).toBe(230)
  })

  it('is clamped on a wide desktop camera and never larger than a tiny viewfinder', () => {
    expect(qrboxFor(1280, 720).width).toBe(360)
    expect(qrboxFor(100, 80).width).toBe(80)
    expect(qrboxFor(40, 40).width).toBeGreaterThanOrEqual(50)
  })
})

describe('turned photos for the image-file fallback', () => {
  it('swaps width and height for a quarter turn, keeps them for a half turn', () => {
    expect(turnedSize(1200, 1600, 1)).toEqual({ width: 1600, height: 1200 })
    expect(turnedSize(1200, 1600, 3)).toEqual({ width: 1600, height: 1200 })
    expect(turnedSize(1200, 1600, 2)).toEqual({ width: 1200, height: 1600 })
  })

  it('tries every other orientation once', () => {
    expect([...RETRY_TURNS].sort()).toEqual([1, 2, 3])
  })
})

describe('the region of a camera frame read turned', () => {
  it('is the centre square the scan box frames (70 % of the short side)', () => {
    expect(aimedRegion(640, 480)).toEqual({ x: 152, y: 72, width: 336, height: 336 })
    expect(aimedRegion(720, 1280)).toEqual({ x: 108, y: 388, width: 504, height: 504 })
  })

  it('is drawn at most TURNED_READ_SIDE long: a 1080p frame is scaled down, a VGA one kept', () => {
    const hd = aimedRegion(1920, 1080)
    expect(scanSize(hd.width, hd.height, TURNED_READ_SIDE)).toEqual({ width: TURNED_READ_SIDE, height: TURNED_READ_SIDE })
    const vga = aimedRegion(640, 480)
    expect(scanSize(vga.width, vga.height, TURNED_READ_SIDE)).toEqual({ width: 336, height: 336 })
  })
})
