import { describe, expect, it } from 'vitest'
import { allItems, itemByKey, itemIndex, passingRest } from '@/features/inspections/domain'
import { parseTemplate, templateSchema } from '@/features/inspections/domain/templateSchema'
import type { ChecklistTemplateRow } from '@/platform/db/rows'
import { GRADING, pf, pts, tpl } from './fixtures'

function messages(input: unknown): string[] {
  const r = templateSchema.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => i.message)
}

describe('template schema', () => {
  it('accepts a well-formed version', () => {
    expect(templateSchema.safeParse(tpl([pf('a'), pts('b', 5)])).success).toBe(true)
  })

  it('parses a checklist_templates row (the JSON columns are unknown until parsed)', () => {
    const t = tpl([pf('a')])
    const row: ChecklistTemplateRow = {
      id: 'x',
      ...t,
      sections: JSON.parse(JSON.stringify(t.sections)) as unknown,
      grading: t.grading,
      active: true,
      updated_at: '2026-01-01T00:00:00Z',
      deleted_at: null,
    }
    const parsed = parseTemplate(row)
    expect(parsed.success && parsed.data.sections[0]?.items[0]?.key).toBe('a')
  })

  it('refuses duplicate item keys across sections, and duplicate section keys', () => {
    const t = tpl([pf('a')])
    t.sections.push({ key: 's1', title_zh: '二', title_en: 'Two', items: [pf('a')] })
    expect(messages(t).filter((m) => m === 'inspections.errors.duplicateKey')).toHaveLength(2)
  })

  it('allows critical only on pass/fail items', () => {
    expect(messages(tpl([pts('b', 5, { critical: true })]))).toEqual(['inspections.errors.criticalPointsItem'])
    expect(messages(tpl([pf('a', 10, { critical: true })]))).toEqual([])
  })

  it('checks max_points 1..100 as integers, keys, and texts', () => {
    expect(messages(tpl([pf('a', 0)]))).toEqual(['inspections.errors.range'])
    expect(messages(tpl([pf('a', 101)]))).toEqual(['inspections.errors.range'])
    expect(messages(tpl([pf('a', 2.5)]))).toEqual(['inspections.errors.integer'])
    expect(messages(tpl([pf('Bad Key')]))).toEqual(['inspections.errors.itemKey'])
    expect(messages(tpl([pf('a', 10, { text_zh: '  ' })]))).toEqual(['inspections.errors.required'])
  })

  it('needs at least one section with at least one item', () => {
    expect(messages(tpl([]))).toEqual(['inspections.errors.noItems'])
    expect(messages({ ...tpl([pf('a')]), sections: [] })).toEqual(['inspections.errors.noItems'])
  })

  it('needs thresholds strictly descending, unique grades, the last at 0', () => {
    const bad = (thresholds: unknown) => messages(tpl([pf('a')], { grading: { ...GRADING, thresholds } as never }))
    expect(bad([{ grade: 'good', min: 80 }, { grade: 'excellent', min: 90 }, { grade: 'poor', min: 0 }])).toContain(
      'inspections.errors.thresholdsOrder',
    )
    expect(bad([{ grade: 'pass', min: 60 }, { grade: 'fail', min: 10 }])).toEqual(['inspections.errors.thresholdsLastZero'])
    expect(bad([{ grade: 'pass', min: 60 }, { grade: 'pass', min: 0 }])).toEqual(['inspections.errors.duplicateGrade'])
    expect(bad([{ grade: 'pass', min: 60 }, { grade: 'fail', min: 0 }])).toEqual([])
    expect(bad([{ grade: 'great', min: 0 }])).toEqual(['inspections.errors.choice'])
  })

  it('keeps every message an i18n key', () => {
    const all = messages({ code: 1, version: 0, sections: 'x', grading: null })
    expect(all.length).toBeGreaterThan(0)
    for (const m of all) expect(m).toMatch(/^inspections\.errors\.\w+$/)
  })
})

describe('item helpers', () => {
  const t = tpl([pf('a'), pts('b', 5)])
  t.sections.push({ key: 's2', title_zh: '二', title_en: 'Two', items: [pf('c')] })

  it('lists items in template order and finds them by key', () => {
    expect(allItems(t).map((i) => i.key)).toEqual(['a', 'b', 'c'])
    expect(itemByKey(t, 'c')?.text_en).toBe('Item c')
    expect(itemByKey(t, 'zzz')).toBeUndefined()
    expect(itemIndex(t).get('c')?.section.key).toBe('s2')
  })
})

describe('passingRest (the rest all pass, in one tap)', () => {
  const two = tpl([pf('a'), pts('b', 5)], {
    sections: [
      { key: 's1', title_zh: '一', title_en: 'One', items: [pf('a'), pts('b', 5)] },
      { key: 's2', title_zh: '二', title_en: 'Two', items: [pf('c'), pf('d')] },
    ],
  })
  it('passes every unanswered item in template order, a points item at full marks; answered items keep their answer', () => {
    expect(passingRest(two, (k) => k === 'c')).toEqual([
      { key: 'a', result: 'pass', points: null },
      { key: 'b', result: 'points', points: 5 },
      { key: 'd', result: 'pass', points: null },
    ])
  })
  it('one section only; nothing when all are answered', () => {
    expect(passingRest(two, () => false, 's2').map((p) => p.key)).toEqual(['c', 'd'])
    expect(passingRest(two, () => true)).toEqual([])
  })
})
