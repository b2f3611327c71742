import { describe, expect, it } from 'vitest'
import { DEFAULT_TEMPLATES } from '@/features/inspections/domain/defaultTemplates'
import { readTemplate } from '@/features/inspections/domain/templateRead'
import { parseTemplate } from '@/features/inspections/domain/templateSchema'
import type { TemplateRowLike } from '@/features/inspections/domain/template'
import { DORM_INVENTORY_V1 } from '@/features/dorms/domain/checkIn'
import { pf, pts, tpl } from './fixtures'

/** Values tried at every place of a template: valid ones, near misses at each limit, wrong types. */
const VALUES: unknown[] = [
  undefined,
  null,
  '',
  '   ',
  ' 地面 ',
  'a',
  'a_1',
  '1a',
  'A',
  'a'.repeat(64),
  'a'.repeat(65),
  'x'.repeat(100),
  'x'.repeat(101),
  ` ${'x'.repeat(100)} `,
  'x'.repeat(200),
  'x'.repeat(201),
  'x'.repeat(1000),
  'x'.repeat(1001),
  ` ${'x'.repeat(1000)}\n`,
  'pass_fail',
  'points',
  'excellent',
  'poor',
  'pass',
  'fail',
  0,
  -0,
  1,
  -1,
  1.5,
  59.5,
  60,
  100,
  100.5,
  101,
  200,
  1_000_000,
  1_000_001,
  2 ** 53,
  NaN,
  Infinity,
  -Infinity,
  '10',
  true,
  false,
  [],
  {},
  new Date(0),
]

/** The row of a template, its JSON columns as they come back from storage. */
function row(t: unknown): TemplateRowLike {
  const r = t as Record<string, unknown>
  return { code: r.code as string, version: r.version as number, name_zh: r.name_zh as string, name_en: r.name_en as string, sections: r.sections, grading: r.grading }
}

const keyed = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (x === undefined ? '<undefined>' : x))

/** Same success; same value, undefined keys and key order included. */
function agree(input: TemplateRowLike): void {
  const zod = parseTemplate(input)
  const plain = readTemplate(input)
  const same = zod.success ? plain !== null && keyed(plain) === keyed(zod.data) : plain === null
  // The input is written out only when they differ (thousands of cases).
  if (!same) expect({ input: keyed(input), plain: keyed(plain) }).toEqual({ input: keyed(input), plain: zod.success ? keyed(zod.data) : 'null' })
  if (zod.success) expect(plain).toStrictEqual(zod.data)
}

/** Every path to a value inside `v` (objects and arrays), the root excluded. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof v !== 'object' || v === null) return []
  const keys: (string | number)[] = Array.isArray(v) ? v.map((_x, i) => i) : Object.keys(v)
  return keys.flatMap((k) => [[...at, k], ...paths((v as Record<string | number, unknown>)[k], [...at, k])])
}

/** A deep copy of `base` with the value at `path` replaced (or deleted, for `remove`). */
function withValue(base: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>
  let parent = copy
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>
  const last = path[path.length - 1] as string | number
  if (remove) delete parent[last]
  else parent[last] = value
  return copy
}

const GUIDED = tpl([pf('a', 10, { guidance_zh: ' 看地面 ', guidance_en: 'Floor' }), pts('b', 5, { allow_na: true }), pf('c', 100, { critical: true })])
const BASES: { name: string; template: unknown }[] = [
  { name: 'a small template with guidance, points and a critical item', template: GUIDED },
  { name: 'the dorm inventory', template: DORM_INVENTORY_V1 },
  ...DEFAULT_TEMPLATES.map((d) => ({ name: d.template.code, template: d.template })),
]

describe('readTemplate agrees with parseTemplate', () => {
  for (const { name, template } of BASES) {
    it(`on every value at every place of ${name}, and with each key removed`, () => {
      agree(row(template))
      let cases = 0
      // Every kind of place, in the first two sections and their first two items (the rest repeat them).
      const places = paths(template).filter((p) => p.every((k, i) => typeof k !== 'number' || (p[i - 1] !== 'sections' && p[i - 1] !== 'items') || k < 2))
      for (const path of places) {
        for (const v of VALUES) agree(row(withValue(template, path, v)))
        agree(row(withValue(template, path, undefined, true)))
        cases += VALUES.length + 1
      }
      expect(cases).toBeGreaterThan(1500)
    })
  }

  it('on the top-level columns', () => {
    for (const k of ['code', 'version', 'name_zh', 'name_en', 'sections', 'grading']) {
      for (const v of VALUES) agree(row({ ...GUIDED, [k]: v }))
    }
  })

  it('on duplicate keys, the grading rules and the critical rule', () => {
    const dupItem = structuredClone(GUIDED)
    dupItem.sections.push({ key: 's2', title_zh: '二', title_en: 'Two', items: [pf('a')] })
    agree(row(dupItem))
    const dupSection = structuredClone(GUIDED)
    dupSection.sections.push({ key: 's1', title_zh: '二', title_en: 'Two', items: [pf('z')] })
    agree(row(dupSection))
    const grades = ['excellent', 'good', 'fair', 'poor', 'pass', 'fail', 'good']
    for (const mins of [[90, 80, 60, 0], [90, 90, 0], [80, 90, 0], [0], [10], [90, 60, -0], [100, 0]]) {
      for (const shift of [0, 1, 5]) {
        const thresholds = mins.map((min, i) => ({ grade: grades[(i + shift) % grades.length], min }))
        agree(row({ ...GUIDED, grading: { thresholds, pass_mark: 60 } }))
      }
    }
    for (const mode of ['pass_fail', 'points']) for (const critical of [true, false]) agree(row(tpl([pf('a', 10, { mode: mode as 'points', critical })])))
  })

  it('on list lengths at their limits', () => {
    const items = (n: number) => Array.from({ length: n }, (_x, i) => pf(`i${i}`))
    for (const n of [0, 1, 200, 201]) agree(row(tpl(items(n))))
    const sections = (n: number) => Array.from({ length: n }, (_x, i) => ({ key: `s${i}`, title_zh: '节', title_en: 'S', items: [pf(`k${i}`)] }))
    for (const n of [0, 1, 50, 51]) agree(row({ ...GUIDED, sections: sections(n) }))
    const thresholds = (n: number) => Array.from({ length: n }, (_x, i) => ({ grade: i === 0 ? 'pass' : 'fail', min: n - 1 - i }))
    for (const n of [0, 1, 2, 10, 11]) agree(row({ ...GUIDED, grading: { thresholds: thresholds(n), pass_mark: 1 } }))
  })

  it('on extra keys, inherited keys and what is not an object', () => {
    agree(row({ ...GUIDED, extra: 1, sections: GUIDED.sections.map((s) => ({ ...s, extra: 1, items: s.items.map((i) => ({ ...i, extra: 1 })) })) }))
    const inherited = Object.assign(Object.create({ allow_na: true }) as object, { ...pf('a'), allow_na: undefined })
    delete (inherited as Record<string, unknown>).allow_na
    agree(row({ ...GUIDED, sections: [{ key: 's1', title_zh: '一', title_en: 'One', items: [inherited] }] }))
    for (const v of [null, 'x', 1, [], [[]], [null], new Map(), Object.create(null)]) {
      agree(row({ ...GUIDED, sections: v }))
      agree(row({ ...GUIDED, grading: v }))
      agree(row({ ...GUIDED, sections: [{ key: 's1', title_zh: '一', title_en: 'One', items: [v] }] }))
    }
  })
})
