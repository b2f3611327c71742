/**
 * A checklist template version (DESIGN.md "Four engines": checklists). A new version is a
 * new row; an inspection keeps the version it used, so scoring always takes the version
 * the inspection names, never "the latest". The SQL scoring function reads the same JSON.
 * The zod schemas and parseTemplate are in templateSchema.ts (importing it loads zod).
 */

export const ITEM_MODES = ['pass_fail', 'points'] as const
export type ItemMode = (typeof ITEM_MODES)[number]

/** 优/良/中/差, or a plain pass/fail scale. */
export const GRADES = ['excellent', 'good', 'fair', 'poor', 'pass', 'fail'] as const
export type Grade = (typeof GRADES)[number]

/** One checklist item (what itemSchema in templateSchema.ts accepts). */
export interface TemplateItem {
  key: string
  text_zh: string
  text_en: string
  guidance_zh?: string | undefined
  guidance_en?: string | undefined
  mode: ItemMode
  /** The item's weight: a pass earns all of it, a fail none. */
  max_points: number
  allow_na: boolean
  /** A fail fails the whole inspection whatever the percentage (pass_fail items only). */
  critical: boolean
  photo_on_fail: boolean
}

export interface TemplateSection {
  key: string
  title_zh: string
  title_en: string
  items: TemplateItem[]
}

export interface GradeThreshold {
  grade: Grade
  min: number
}

export interface Grading {
  /** Highest first; the last one's min is 0, so every percent gets a grade. */
  thresholds: GradeThreshold[]
  pass_mark: number
}

export interface TemplateVersion {
  /** The template family: 'sanitation' | 'greening' | … (areas.template_code). */
  code: string
  version: number
  name_zh: string
  name_en: string
  sections: TemplateSection[]
  grading: Grading
}

/** The columns of a checklist_templates row that hold the template (ChecklistTemplateRow fits). */
export interface TemplateRowLike {
  code: string
  version: number
  name_zh: string
  name_en: string
  sections: unknown
  grading: unknown
}

/** A located item: its section comes along for headings in lists. */
export interface ItemRef {
  item: TemplateItem
  section: TemplateSection
}

// No caching: an editor mutates draft templates in place, and a stale index would lie.

/** Every item in template order (section by section). */
export function allItems(template: TemplateVersion): TemplateItem[] {
  return template.sections.flatMap((section) => section.items)
}

/** Every item with its section, in template order. */
export function itemRefs(template: TemplateVersion): ItemRef[] {
  return template.sections.flatMap((section) => section.items.map((item) => ({ item, section })))
}

/** The item with this key, or undefined. */
export function itemByKey(template: TemplateVersion, itemKey: string): TemplateItem | undefined {
  for (const section of template.sections) for (const item of section.items) if (item.key === itemKey) return item
  return undefined
}

/** Item key → item and section (first wins; keys are unique in a valid template). */
export function itemIndex(template: TemplateVersion): Map<string, ItemRef> {
  const index = new Map<string, ItemRef>()
  for (const ref of itemRefs(template)) if (!index.has(ref.item.key)) index.set(ref.item.key, ref)
  return index
}

/** A passing answer: pass, or a points item's full marks. */
export interface PassingAnswer {
  key: string
  result: 'pass' | 'points'
  points: number | null
}

/**
 * Issue #12 (fewer taps), "the rest all pass": the passing answer of every item not answered yet, of one
 * section or of the whole checklist, in template order. Answered items keep their answer.
 */
export function passingRest(template: TemplateVersion, answered: (itemKey: string) => boolean, sectionKey?: string): PassingAnswer[] {
  return template.sections
    .filter((section) => sectionKey === undefined || section.key === sectionKey)
    .flatMap((section) => section.items)
    .filter((item) => !answered(item.key))
    .map((item) => (item.mode === 'points' ? { key: item.key, result: 'points', points: item.max_points } : { key: item.key, result: 'pass', points: null }))
}
