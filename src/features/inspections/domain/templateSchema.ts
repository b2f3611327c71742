/**
 * A checklist template version validated with zod (the types: template.ts). Imported where a
 * template is read or edited; importing it loads zod.
 */
import { z } from 'zod'
import { E } from './fields'
import { bool, choice, int, key, optionalText, text } from './fieldSchemas'
import { GRADES, ITEM_MODES, type GradeThreshold, type Grading, type TemplateItem, type TemplateRowLike, type TemplateSection, type TemplateVersion } from './template'

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

export const sectionSchema = z.object({
  key: key(),
  title_zh: text(100),
  title_en: text(100),
  items: z.array(itemSchema, { error: E.noItems }).min(1, { error: E.noItems }).max(200, { error: E.range }),
}, { error: E.required })

const percentBound = z
  .number({ error: E.number })
  .refine(Number.isFinite, { error: E.number })
  .min(0, { error: E.range })
  .max(100, { error: E.range })

export const thresholdSchema = z.object({ grade: choice(GRADES), min: percentBound }, { error: E.required })

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

/** The plain types in template.ts are exactly what the schemas return (checked by the compiler). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Assert<T extends true> = T
export type SchemasMatchTypes = [
  Assert<Same<z.output<typeof itemSchema>, TemplateItem>>,
  Assert<Same<z.output<typeof sectionSchema>, TemplateSection>>,
  Assert<Same<z.output<typeof thresholdSchema>, GradeThreshold>>,
  Assert<Same<z.output<typeof gradingSchema>, Grading>>,
  Assert<Same<z.output<typeof templateSchema>, TemplateVersion>>,
]

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
