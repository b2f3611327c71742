// The SQL scoring (private.checklist_score) against the domain's scoreInspection on the
// same inputs: generated templates and answer sets (valid and not), the default templates,
// and the rounding and threshold edge cases. Both must give the same figures, the same
// failed items, and refuse exactly the same answer sets.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_GRADING, GREENING_V1, SANITATION_V1, allItems, scoreInspection, type Grading, type TemplateItem, type TemplateVersion } from '@/features/inspections/domain'
import { templateSchema } from '@/features/inspections/domain/templateSchema'
import { openTestDb, type TestDb } from './support/database'

let db: TestDb
beforeAll(async () => {
  db = await openTestDb({ upTo: 'migrations' })
})
afterAll(() => db?.close())

interface SqlScore {
  earned: number
  possible: number
  percent: number | null
  grade: string | null
  critical_failed: boolean
  passed: boolean
  failed_items: { key: string; text_zh: string; critical: boolean }[]
}
type Outcome = { ok: true; score: SqlScore } | { ok: false; detail: string }

async function sqlScore(t: TemplateVersion, answers: unknown): Promise<Outcome> {
  try {
    const [row] = await db.query<{ r: SqlScore }>('select private.checklist_score($1::jsonb, $2::jsonb, $3::jsonb) as r', [
      JSON.stringify(t.sections),
      JSON.stringify(t.grading),
      JSON.stringify(answers),
    ])
    return { ok: true, score: row?.r as SqlScore }
  } catch (e) {
    const err = e as { message: string; detail?: string }
    if (err.message !== 'invalid') throw e
    return { ok: false, detail: err.detail ?? '' }
  }
}

/** Both sides on one input: the same verdict, and the same figures when valid. */
async function compare(t: TemplateVersion, answers: unknown, label: string) {
  const domain = scoreInspection(t, answers)
  const sql = await sqlScore(t, answers)
  expect(sql.ok, `${label}: domain issues ${JSON.stringify(domain.issues)}, sql ${JSON.stringify(sql)}`).toBe(domain.issues.length === 0)
  if (!sql.ok) {
    // The refusal names an item the domain also complains about (or the answer's position).
    const named = domain.issues.map((i) => i.item_key).filter(Boolean)
    if (named.length > 0) expect(named.some((k) => sql.detail.includes(`answers.${k}`)), `${label}: ${sql.detail}`).toBe(true)
    return domain
  }
  expect(
    {
      earned: sql.score.earned,
      possible: sql.score.possible,
      percent: sql.score.percent,
      grade: sql.score.grade,
      critical_failed: sql.score.critical_failed,
      passed: sql.score.passed,
      failed: sql.score.failed_items.map((f) => [f.key, f.text_zh, f.critical]),
    },
    label,
  ).toEqual({
    earned: domain.earned,
    possible: domain.possible,
    percent: domain.percent,
    grade: domain.grade,
    critical_failed: domain.critical_failed,
    passed: domain.passed,
    failed: domain.failed_items.map((f) => [f.key, f.text_zh, f.critical]),
  })
  return domain
}

// A small deterministic PRNG, so a failure can be replayed.
function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    chance: (p: number) => next() < p,
  }
}
type R = ReturnType<typeof rng>

const GRADINGS: Grading[] = [
  DEFAULT_GRADING,
  { thresholds: [{ grade: 'pass', min: 66.7 }, { grade: 'fail', min: 0 }], pass_mark: 66.7 },
  { thresholds: [{ grade: 'excellent', min: 87.5 }, { grade: 'good', min: 33.3 }, { grade: 'poor', min: 0 }], pass_mark: 33.4 },
  { thresholds: [{ grade: 'fail', min: 0 }], pass_mark: 0 },
]
// Small and odd maxima make the half-up rounding matter.
const MAXIMA = [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 13, 16, 33, 97, 100]

function genTemplate(r: R, n: number): TemplateVersion {
  let k = 0
  const sections = Array.from({ length: r.int(1, 3) }, (_, si) => ({
    key: `s${si}`,
    title_zh: `第${si}节`,
    title_en: `Section ${si}`,
    items: Array.from({ length: r.int(1, 5) }, (): TemplateItem => {
      const mode = r.chance(0.35) ? 'points' : 'pass_fail'
      return {
        key: `i${k++}`,
        text_zh: `检查项 ${k}`,
        text_en: `Item ${k}`,
        mode,
        max_points: r.pick(MAXIMA),
        allow_na: r.chance(0.4),
        critical: mode === 'pass_fail' && r.chance(0.2),
        photo_on_fail: r.chance(0.5),
      }
    }),
  }))
  return { code: 'gen', version: n + 1, name_zh: '生成', name_en: 'Generated', sections, grading: r.pick(GRADINGS) }
}

/** A valid answer for the item, then (sometimes) one of the ways to get it wrong. */
function genAnswers(r: R, t: TemplateVersion, breakIt: boolean): Record<string, unknown>[] {
  const items = allItems(t)
  const out: Record<string, unknown>[] = items.map((item) => {
    const na = item.allow_na && r.chance(0.15)
    if (na) return { item_key: item.key, result: 'na' }
    if (item.mode === 'points') {
      const points = r.chance(0.3) ? r.pick([0, item.max_points, Math.floor(item.max_points / 2), Math.ceil(item.max_points / 2)]) : r.int(0, item.max_points)
      const failed = 2 * points < item.max_points
      return { item_key: item.key, result: 'points', points, ...(failed && item.photo_on_fail ? { photo_ids: [randomUUID()] } : {}) }
    }
    if (r.chance(0.3)) return { item_key: item.key, result: 'fail', note: '坏', ...(item.photo_on_fail || r.chance(0.3) ? { photo_ids: [randomUUID()] } : {}) }
    return { item_key: item.key, result: 'pass' }
  })
  if (!breakIt) return out
  const i = r.int(0, out.length - 1)
  const item = items[i] as TemplateItem
  const a = out[i] as Record<string, unknown>
  switch (r.int(0, 8)) {
    case 0: out.splice(i, 1); break // unanswered
    case 1: out.push({ ...a }); break // answered twice
    case 2: out.push({ item_key: 'zz_unknown', result: 'pass' }); break
    case 3: out[i] = { item_key: item.key, result: 'na' }; break // na (wrong unless allowed)
    case 4: out[i] = { item_key: item.key, result: item.mode === 'points' ? 'pass' : 'points', points: 1 }; break
    case 5: out[i] = { item_key: item.key, result: 'points', points: item.max_points + 1 }; break
    case 6: out[i] = { item_key: item.key, result: 'fail' }; break // no photo (wrong when photo_on_fail)
    case 7: out[i] = { ...a, points: 0 }; break // points on a pass/fail/na answer
    default: out[i] = { item_key: item.key, result: 'points', points: -1 }
  }
  return out
}

describe('checklist_score = scoreInspection', () => {
  it('on 400 generated templates and answer sets, valid and broken', async () => {
    const r = rng(20261127)
    let valid = 0
    let refused = 0
    for (let n = 0; n < 400; n++) {
      const t = genTemplate(r, n)
      expect(templateSchema.safeParse(t).success).toBe(true)
      const d = await compare(t, genAnswers(r, t, n % 3 === 2), `case ${n}`)
      if (d.issues.length === 0) valid++
      else refused++
    }
    // Both kinds were really exercised.
    expect(valid).toBeGreaterThan(200)
    expect(refused).toBeGreaterThan(60)
  })

  it('on the default templates: all pass, every item failed, critical fails, N/A everywhere allowed', async () => {
    for (const t of [SANITATION_V1, GREENING_V1]) {
      const items = allItems(t)
      const pass = items.map((i) => (i.mode === 'points' ? { item_key: i.key, result: 'points', points: i.max_points } : { item_key: i.key, result: 'pass' }))
      expect((await compare(t, pass, `${t.code} pass`)).percent).toBe(100)
      const allFail = items.map((i) =>
        i.mode === 'points' ? { item_key: i.key, result: 'points', points: 0, photo_ids: [randomUUID()] } : { item_key: i.key, result: 'fail', photo_ids: [randomUUID()] },
      )
      expect((await compare(t, allFail, `${t.code} fail`)).failed_items).toHaveLength(items.length)
      for (const c of items.filter((i) => i.critical)) {
        const d = await compare(t, pass.map((a) => (a.item_key === c.key ? { item_key: c.key, result: 'fail', photo_ids: [randomUUID()] } : a)), `${t.code} critical ${c.key}`)
        expect(d).toMatchObject({ critical_failed: true, passed: false, grade: 'poor' })
      }
      const na = pass.map((a) => (items.find((i) => i.key === a.item_key)?.allow_na ? { item_key: a.item_key, result: 'na' } : a))
      await compare(t, na, `${t.code} na`)
    }
  })

  it('rounds half up to one decimal in integers, and grades on the boundaries', async () => {
    const pointsTemplate = (maxima: number[], grading: Grading = DEFAULT_GRADING): TemplateVersion => ({
      code: 'edge',
      version: 1,
      name_zh: '边界',
      name_en: 'Edges',
      sections: [{
        key: 's',
        title_zh: '节',
        title_en: 'S',
        items: maxima.map((m, i) => ({ key: `p${i}`, text_zh: `项${i}`, text_en: `P${i}`, mode: 'points', max_points: m, allow_na: true, critical: false, photo_on_fail: false })),
      }],
      grading,
    })
    const points = (t: TemplateVersion, ps: (number | 'na')[]) =>
      ps.map((p, i) => (p === 'na' ? { item_key: `p${i}`, result: 'na' } : { item_key: `p${i}`, result: 'points', points: p }))
    const cases: [number[], (number | 'na')[], number | null, string | null][] = [
      [[16], [1], 6.3, 'poor'], // 6.25 → 6.3 (half up, not banker's, not float 6.2)
      [[8], [7], 87.5, 'good'],
      [[3], [1], 33.3, 'poor'],
      [[3], [2], 66.7, 'fair'],
      [[6], [1], 16.7, 'poor'],
      [[16], [3], 18.8, 'poor'], // 18.75
      [[80], [7], 8.8, 'poor'], // 8.75
      [[40], [1], 2.5, 'poor'],
      [[100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100],
        [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 99], 100, 'excellent'], // 99.95 → 100.0
      [Array(20).fill(100), [...Array(17).fill(100), 99, 0, 0], 90, 'excellent'], // 1799/2000 = 89.95 → 90.0
      [Array(20).fill(100), [...Array(17).fill(100), 98, 0, 0], 89.9, 'good'], // 1798/2000
      // 1199/2000 = 59.95: r = floor((2·1199000 + 2000) / 4000) = 600 → 60.0, which passes a pass mark of 60.
      [Array(20).fill(100), [...Array(11).fill(100), 99, ...Array(8).fill(0)], 60, 'fair'],
      [Array(20).fill(100), [...Array(11).fill(100), 97, ...Array(8).fill(0)], 59.9, 'poor'], // 1197/2000 = 59.85 → 59.9
      [[10, 10], ['na', 'na'], null, null], // nothing possible
      [[10], [0], 0, 'poor'],
    ]
    for (const [maxima, ps, percent, grade] of cases) {
      const t = pointsTemplate(maxima)
      const d = await compare(t, points(t, ps), `${maxima.length}×${maxima[0]} ${ps.join(',')}`)
      expect(d.percent).toBe(percent)
      expect(d.grade).toBe(grade)
      // The default pass mark is 60.
      if (percent !== null) expect(d.passed).toBe(percent >= 60)
    }
    // Decimal thresholds and pass marks meet one-decimal percents exactly.
    const t = pointsTemplate([3], GRADINGS[1])
    expect(await compare(t, points(t, [2]), '66.7 ≥ 66.7')).toMatchObject({ percent: 66.7, grade: 'pass', passed: true })
    expect(await compare(t, points(t, [1]), '33.3 < 66.7')).toMatchObject({ percent: 33.3, grade: 'fail', passed: false })
    const u = pointsTemplate([3], GRADINGS[2])
    expect(await compare(u, points(u, [1]), '33.3 ≥ 33.3, < pass mark 33.4')).toMatchObject({ grade: 'good', passed: false })
  })

  it('a points item fails below half its maximum, not at half', async () => {
    const t: TemplateVersion = {
      ...SANITATION_V1,
      sections: [{ key: 's', title_zh: '节', title_en: 'S', items: [
        { key: 'odd', text_zh: '奇', text_en: 'Odd', mode: 'points', max_points: 7, allow_na: false, critical: false, photo_on_fail: false },
        { key: 'even', text_zh: '偶', text_en: 'Even', mode: 'points', max_points: 10, allow_na: false, critical: false, photo_on_fail: true },
      ] }],
    }
    const d = await compare(t, [{ item_key: 'odd', result: 'points', points: 3 }, { item_key: 'even', result: 'points', points: 5 }], 'halves')
    expect(d.failed_items.map((f) => f.key)).toEqual(['odd'])
    // A failing points item needs its photo when photo_on_fail.
    const bad = await sqlScore(t, [{ item_key: 'odd', result: 'points', points: 4 }, { item_key: 'even', result: 'points', points: 4 }])
    expect(bad).toEqual({ ok: false, detail: 'answers.even.photo_ids: a photo is required when it fails' })
  })
})

describe('checklist_template_json = templateSchema', () => {
  const check = async (sections: unknown, grading: unknown) => {
    try {
      const [row] = await db.query<{ r: { sections: unknown; grading: unknown } }>(
        'select private.checklist_template_json($1::jsonb, $2::jsonb) as r',
        [JSON.stringify(sections), JSON.stringify(grading)],
      )
      return { ok: true as const, value: row?.r }
    } catch (e) {
      return { ok: false as const, detail: (e as { detail?: string }).detail ?? '' }
    }
  }

  it('accepts the default templates unchanged', async () => {
    for (const t of [SANITATION_V1, GREENING_V1]) {
      expect(await check(t.sections, t.grading)).toEqual({ ok: true, value: { sections: t.sections, grading: t.grading } })
    }
  })

  it('refuses what the schema refuses, naming the path', async () => {
    const s = SANITATION_V1.sections
    const firstItem = s[0]?.items[0] as TemplateItem
    const withItem = (item: Record<string, unknown>) => [{ ...s[0], items: [item] }]
    const bad: [unknown, unknown, RegExp][] = [
      [[], DEFAULT_GRADING, /^sections: /],
      [withItem({ ...firstItem, mode: 'points', critical: true }), DEFAULT_GRADING, /items\[0\]\.critical/],
      [withItem({ ...firstItem, max_points: 0 }), DEFAULT_GRADING, /max_points/],
      [withItem({ ...firstItem, key: 'Bad-Key' }), DEFAULT_GRADING, /items\[0\]\.key/],
      [withItem({ ...firstItem, weight: 3 }), DEFAULT_GRADING, /weight: unexpected field/],
      [[s[0], s[0]], DEFAULT_GRADING, /sections\[1\]\.key: duplicate/],
      [s, { ...DEFAULT_GRADING, thresholds: [{ grade: 'good', min: 50 }, { grade: 'excellent', min: 80 }, { grade: 'poor', min: 0 }] }, /thresholds\[1\]\.min/],
      [s, { ...DEFAULT_GRADING, thresholds: [{ grade: 'good', min: 50 }, { grade: 'poor', min: 10 }] }, /the last must be 0/],
      [s, { ...DEFAULT_GRADING, thresholds: [{ grade: 'good', min: 50 }, { grade: 'good', min: 0 }] }, /grade: duplicate/],
      [s, { ...DEFAULT_GRADING, pass_mark: 101 }, /pass_mark/],
    ]
    for (const [sections, grading, re] of bad) {
      const domain = templateSchema.safeParse({ ...SANITATION_V1, sections, grading })
      const sql = await check(sections, grading)
      // The domain strips unknown keys; the server refuses them (a typo must not vanish).
      if (!/unexpected/.test(re.source)) expect(domain.success, re.source).toBe(false)
      expect(sql.ok, re.source).toBe(false)
      if (!sql.ok) expect(sql.detail).toMatch(re)
    }
  })
})
