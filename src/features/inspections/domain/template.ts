/**
 * A checklist template version (DESIGN.md "Four engines": checklists). A new version is a
 * new row; an inspection keeps the version it used, so scoring always takes the version
 * the inspection names, never "the latest". The SQL scoring function reads the same JSON.
 */
import { z } from 'zod'
import { E, bool, choice, int, key, optionalText, text } from './fields'

export const ITEM_MODES = ['pass_fail', 'points'] as const
export type ItemMode = (typeof ITEM_MODES)[number]

/** 优/良/中/差, or a plain pass/fail scale. */
export const GRADES = ['excellent', 'good', 'fair', 'poor', 'pass', 'fail'] as const
export type Grade = (typeof GRADES)[number]

export const itemSchema = z
  .object({
    key: key(),
    text_zh: text(200),
    text_en: text(200),
    guidance_zh: optionalText(1000),
    guidance_en: optionalText(1000),
    mode: choice(ITEM_MODES),
    /** The item's weight: a pass earns all of it, a fail none. */
    max_points: int(1, 100),
    allow_na: bool(),
    /** A fail fails the whole inspection whatever the percentage (pass_fail items only). */
    critical: bool(),
    photo_on_fail: bool(),
  }, { error: E.required })
  .refine((i) => !(i.critical && i.mode !== 'pass_fail'), { error: E.criticalPointsItem, path: ['critical'] })
export type TemplateItem = z.infer<typeof itemSchema>

export const sectionSchema = z.object({
  key: key(),
  title_zh: text(100),
  title_en: text(100),
  items: z.array(itemSchema, { error: E.noItems }).min(1, { error: E.noItems }).max(200, { error: E.range }),
}, { error: E.required })
export type TemplateSection = z.infer<typeof sectionSchema>

const percentBound = z
  .number({ error: E.number })
  .refine(Number.isFinite, { error: E.number })
  .min(0, { error: E.range })
  .max(100, { error: E.range })

export const thresholdSchema = z.object({ grade: choice(GRADES), min: percentBound }, { error: E.required })
export type GradeThreshold = z.infer<typeof thresholdSchema>

export const gradingSchema = z
  .object({
    /** Highest first; the last one's min is 0, so every percent gets a grade. */
    thresholds: z.array(thresholdSchema, { error: E.required }).min(1, { error: E.required }).max(10, { error: E.range }),
    pass_mark: percentBound,
  }, { error: E.required })
  .superRefine((g, ctx) => {
    const seen = new Set<string>()
    g.thresholds.forEach((t, i) => {
      const prev = g.thresholds[i - 1]
      if (prev && !(t.min < prev.min)) ctx.addIssue({ code: 'custom', message: E.thresholdsOrder, path: ['thresholds', i, 'min'] })
      if (seen.has(t.grade)) ctx.addIssue({ code: 'custom', message: E.duplicateGrade, path: ['thresholds', i, 'grade'] })
      seen.add(t.grade)
    })
    const last = g.thresholds[g.thresholds.length - 1]
    if (last && last.min !== 0) {
      ctx.addIssue({ code: 'custom', message: E.thresholdsLastZero, path: ['thresholds', g.thresholds.length - 1, 'min'] })
    }
  })
export type Grading = z.infer<typeof gradingSchema>

export const sectionsSchema = z
  .array(sectionSchema, { error: E.noItems })
  .min(1, { error: E.noItems })
  .max(50, { error: E.range })
  .superRefine((sections, ctx) => {
    // Item keys identify answers and rectifications: unique across the whole template.
    const sectionKeys = new Set<string>()
    const itemKeys = new Set<string>()
    sections.forEach((s, si) => {
      if (sectionKeys.has(s.key)) ctx.addIssue({ code: 'custom', message: E.duplicateKey, path: [si, 'key'] })
      sectionKeys.add(s.key)
      s.items.forEach((item, ii) => {
        if (itemKeys.has(item.key)) ctx.addIssue({ code: 'custom', message: E.duplicateKey, path: [si, 'items', ii, 'key'] })
        itemKeys.add(item.key)
      })
    })
  })

export const templateSchema = z.object({
  /** The template family: 'sanitation' | 'greening' | … (areas.template_code). */
  code: key(),
  version: int(1, 1_000_000),
  name_zh: text(100),
  name_en: text(100),
  sections: sectionsSchema,
  grading: gradingSchema,
}, { error: E.required })
export type TemplateVersion = z.infer<typeof templateSchema>

/** The columns of a checklist_templates row that hold the template (ChecklistTemplateRow fits). */
export interface TemplateRowLike {
  code: string
  version: number
  name_zh: string
  name_en: string
  sections: unknown
  grading: unknown
}

/** Parses a template row's JSON columns; `success: false` carries zod issues with i18n keys. */
export function parseTemplate(row: TemplateRowLike) {
  return templateSchema.safeParse({
    code: row.code,
    version: row.version,
    name_zh: row.name_zh,
    name_en: row.name_en,
    sections: row.sections,
    grading: row.grading,
  })
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
