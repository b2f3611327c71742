/**
 * Printed label layouts, in millimetres. The A4 sheet matches the common 24-up
 * label paper (3 × 8 labels of 70 × 37 mm, no side margins); the single label
 * suits a thermal label printer loaded with 50 × 30 mm labels.
 */
export const LABEL_LAYOUTS = {
  a4: { id: 'a4', pageWidth: 210, pageHeight: 297, columns: 3, rows: 8, labelWidth: 70, labelHeight: 37, qrSize: 29 },
  single: { id: 'single', pageWidth: 50, pageHeight: 30, columns: 1, rows: 1, labelWidth: 50, labelHeight: 30, qrSize: 24 },
} as const

export type LabelLayoutId = keyof typeof LABEL_LAYOUTS
export type LabelLayout = (typeof LABEL_LAYOUTS)[LabelLayoutId]

export function isLabelLayoutId(v: unknown): v is LabelLayoutId {
  return v === 'a4' || v === 'single'
}

export function labelsPerPage(layout: LabelLayout): number {
  return layout.columns * layout.rows
}

/** Splits the labels into printed pages. */
export function paginate<T>(items: readonly T[], perPage: number): T[][] {
  if (perPage < 1) throw new RangeError('perPage must be at least 1')
  const pages: T[][] = []
  for (let i = 0; i < items.length; i += perPage) pages.push(items.slice(i, i + perPage))
  return pages
}

/** Top margin that centres the grid vertically on the page (0.5 mm for 8 × 37 mm on A4). */
export function verticalMargin(layout: LabelLayout): number {
  return Math.max(0, (layout.pageHeight - layout.rows * layout.labelHeight) / 2)
}

/** The @page rule for a layout: exact paper size, no browser margins (the grid fills the sheet). */
export function pageRule(layout: LabelLayout): string {
  return `@page { size: ${layout.pageWidth}mm ${layout.pageHeight}mm; margin: 0; }`
}

/** `?ids=a,b,c` → ids, de-duplicated, order kept, blanks dropped. */
export function parseIdsParam(raw: unknown): string[] {
  const text = Array.isArray(raw) ? raw.join(',') : typeof raw === 'string' ? raw : ''
  return [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))]
}
