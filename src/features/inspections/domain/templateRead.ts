/**
 * A stored checklist template read without zod: the inspect page and the dorm check-in read their
 * template as they load, and zod is not loaded (nor a schema run) to show a page (issue 13).
 * readTemplate accepts exactly what parseTemplate (templateSchema.ts, the reference the editor and
 * the tests use) accepts and returns the same value; a unit test compares the two over a broad set
 * of inputs. It answers only "valid or not": the editor shows zod's messages.
 */
import { ITEM_KEY_RE } from './fields'
import { GRADES, ITEM_MODES, type GradeThreshold, type Grading, type TemplateItem, type TemplateRowLike, type TemplateSection, type TemplateVersion } from './template'

type Rec = Record<string, unknown>
/** Thrown inside the reader at the first refusal; never leaves it. */
const BAD = Symbol('bad template')

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v)

function record(v: unknown): Rec {
  if (!isRecord(v)) throw BAD
  return v
}
function list(v: unknown, min: number, max: number): unknown[] {
  if (!Array.isArray(v) || v.length < min || v.length > max) throw BAD
  // Dense: a hole reads as undefined (refused), as zod reads it; map() would skip it.
  return Array.from(v)
}
/** Required text: trimmed, 1..max characters (fieldSchemas text()). */
function text(v: unknown, max: number): string {
  if (typeof v !== 'string') throw BAD
  const s = v.trim()
  if (s.length < 1 || s.length > max) throw BAD
  return s
}
function key(v: unknown): string {
  if (typeof v !== 'string' || !ITEM_KEY_RE.test(v)) throw BAD
  return v
}
function int(v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) throw BAD
  return v
}
function bool(v: unknown): boolean {
  if (typeof v !== 'boolean') throw BAD
  return v
}
function choice<T extends string>(v: unknown, values: readonly T[]): T {
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) throw BAD
  return v as T
}
function percent(v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100) throw BAD
  return v
}

/** Optional text (guidance): trimmed, up to max characters, may be undefined. */
function optionalText(v: unknown, max: number): string | undefined {
  if (v === undefined) return undefined
  if (typeof v !== 'string') throw BAD
  const s = v.trim()
  if (s.length > max) throw BAD
  return s
}

function item(v: unknown): TemplateItem {
  const r = record(v)
  const head = { key: key(r.key), text_zh: text(r.text_zh, 200), text_en: text(r.text_en, 200) }
  // Absent guidance stays absent; a key given as undefined stays, as zod keeps it.
  const guidance: Pick<TemplateItem, 'guidance_zh' | 'guidance_en'> = {}
  if ('guidance_zh' in r) guidance.guidance_zh = optionalText(r.guidance_zh, 1000)
  if ('guidance_en' in r) guidance.guidance_en = optionalText(r.guidance_en, 1000)
  const out: TemplateItem = { ...head, ...guidance, mode: choice(r.mode, ITEM_MODES), max_points: int(r.max_points, 1, 100), allow_na: bool(r.allow_na), critical: bool(r.critical), photo_on_fail: bool(r.photo_on_fail) }
  if (out.critical && out.mode !== 'pass_fail') throw BAD
  return out
}

function section(v: unknown): TemplateSection {
  const r = record(v)
  return { key: key(r.key), title_zh: text(r.title_zh, 100), title_en: text(r.title_en, 100), items: list(r.items, 1, 200).map(item) }
}

function grading(v: unknown): Grading {
  const r = record(v)
  const thresholds = list(r.thresholds, 1, 10).map((t): GradeThreshold => {
    const tr = record(t)
    return { grade: choice(tr.grade, GRADES), min: percent(tr.min) }
  })
  const out: Grading = { thresholds, pass_mark: percent(r.pass_mark) }
  // Highest first, each grade once, the last from 0.
  const seen = new Set<string>()
  thresholds.forEach((t, i) => {
    const prev = thresholds[i - 1]
    if (prev && !(t.min < prev.min)) throw BAD
    if (seen.has(t.grade)) throw BAD
    seen.add(t.grade)
  })
  if (thresholds[thresholds.length - 1]?.min !== 0) throw BAD
  return out
}

function sections(v: unknown): TemplateSection[] {
  const out = list(v, 1, 50).map(section)
  // Item keys identify answers and rectifications: unique across the whole template.
  const sectionKeys = new Set<string>()
  const itemKeys = new Set<string>()
  for (const s of out) {
    if (sectionKeys.has(s.key)) throw BAD
    sectionKeys.add(s.key)
    for (const i of s.items) {
      if (itemKeys.has(i.key)) throw BAD
      itemKeys.add(i.key)
    }
  }
  return out
}

/** The template version as parseTemplate's data, or null where parseTemplate fails. */
export function readTemplate(row: TemplateRowLike): TemplateVersion | null {
  try {
    return {
      code: key(row.code),
      version: int(row.version, 1, 1_000_000),
      name_zh: text(row.name_zh, 100),
      name_en: text(row.name_en, 100),
      sections: sections(row.sections),
      grading: grading(row.grading),
    }
  } catch (e) {
    if (e === BAD) return null
    throw e
  }
}
