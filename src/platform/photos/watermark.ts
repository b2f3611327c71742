/** The visible stamp in a photo's bottom band, so an old picture cannot pass as new. */

export interface BandLayout {
  fontPx: number
  lineHeight: number
  padding: number
  bandHeight: number
}

/** Band geometry for an image `width` wide: text readable at full size, band ≤ ~1/4 of a landscape photo. */
export function bandLayout(width: number, lineCount: number): BandLayout {
  const fontPx = Math.max(12, Math.min(40, Math.round(width / 40)))
  const lineHeight = Math.round(fontPx * 1.3)
  const padding = Math.round(fontPx * 0.6)
  return { fontPx, lineHeight, padding, bandHeight: lineCount * lineHeight + 2 * padding }
}

type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D

/** Draws the band; empty lines are skipped, long lines are shrunk to fit the width. */
export function drawWatermark(ctx: Ctx2D, width: number, height: number, rawLines: string[]): void {
  const lines = rawLines.map((l) => l.trim()).filter((l) => l.length > 0)
  if (lines.length === 0) return
  const L = bandLayout(width, lines.length)
  const top = height - L.bandHeight
  ctx.save()
  ctx.fillStyle = 'rgba(0, 0, 0, 0.55)'
  ctx.fillRect(0, top, width, L.bandHeight)
  ctx.font = `600 ${L.fontPx}px system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif`
  ctx.textBaseline = 'top'
  ctx.fillStyle = '#ffffff'
  ctx.shadowColor = 'rgba(0, 0, 0, 0.8)'
  ctx.shadowBlur = Math.max(1, L.fontPx / 8)
  lines.forEach((line, i) => {
    // maxWidth squeezes a long area name instead of cutting it off.
    ctx.fillText(line, L.padding, top + L.padding + i * L.lineHeight, width - 2 * L.padding)
  })
  ctx.restore()
}
