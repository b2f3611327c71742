import { describe, expect, it } from 'vitest'
import { percentOf, runningScore, scoreInspection, validateAnswers, type Answer, type TemplateVersion } from '@/features/inspections/domain'
import { PHOTO, pf, pts, tpl } from './fixtures'

const pass = (item_key: string): Answer => ({ item_key, result: 'pass' })
const fail = (item_key: string, photo = false): Answer => ({ item_key, result: 'fail', ...(photo ? { photo_ids: [PHOTO] } : {}) })
const na = (item_key: string): Answer => ({ item_key, result: 'na' })
const points = (item_key: string, p: number): Answer => ({ item_key, result: 'points', points: p })

describe('scoreInspection: weights and N/A', () => {
  const t = tpl([pf('a', 10), pf('b', 30, { allow_na: true }), pts('c', 20), pf('d', 40)])

  it('weights items by max_points: pass earns all, fail none, points what was given', () => {
    const s = scoreInspection(t, [pass('a'), fail('b'), points('c', 15), pass('d')])
    expect(s).toMatchObject({ earned: 65, possible: 100, percent: 65, grade: 'fair', passed: true, critical_failed: false, issues: [] })
    expect(s.failed_items).toEqual([{ key: 'b', text_zh: '项b', text_en: 'Item b', critical: false }])
  })

  it('excludes N/A items from both earned and possible', () => {
    const s = scoreInspection(t, [pass('a'), na('b'), points('c', 20), fail('d')])
    expect(s).toMatchObject({ earned: 30, possible: 70, percent: 42.9, grade: 'poor', passed: false })
  })

  it('gives a null percent and grade when every item is N/A, and does not pass', () => {
    const allNa = tpl([pf('a', 10, { allow_na: true }), pf('b', 5, { allow_na: true })])
    const s = scoreInspection(allNa, [na('a'), na('b')])
    expect(s).toMatchObject({ earned: 0, possible: 0, percent: null, grade: null, passed: false, issues: [] })
  })

  it('counts a points item under half its maximum as failed (a rectification), half or more not', () => {
    const p = tpl([pts('x', 10), pts('y', 9), pts('z', 9)])
    const s = scoreInspection(p, [points('x', 5), points('y', 4), points('z', 5)])
    expect(s.failed_items.map((f) => f.key)).toEqual(['y'])
  })
})

describe('scoreInspection: critical items', () => {
  const t = tpl([pf('a', 10), pf('crit', 1, { critical: true })])

  it('a critical fail gives the lowest grade and fails, whatever the percentage', () => {
    const s = scoreInspection(t, [pass('a'), fail('crit')])
    expect(s).toMatchObject({ percent: 90.9, grade: 'poor', critical_failed: true, passed: false })
    expect(s.failed_items).toEqual([{ key: 'crit', text_zh: '项crit', text_en: 'Item crit', critical: true }])
  })

  it('overrides a 100 % score too', () => {
    const t2 = tpl([pts('p', 100), pf('crit', 1, { critical: true, allow_na: true })])
    // A critical N/A is no fail.
    expect(scoreInspection(t2, [points('p', 100), na('crit')])).toMatchObject({ percent: 100, grade: 'excellent', passed: true })
    const s = scoreInspection(t2, [points('p', 100), fail('crit')])
    expect(s.percent).toBe(99)
    expect(s).toMatchObject({ grade: 'poor', critical_failed: true, passed: false })
  })

  it('gives no grade while nothing is counted', () => {
    const t3 = tpl([pf('crit', 10, { critical: true })])
    expect(runningScore(t3, [])).toMatchObject({ percent: null, grade: null, critical_failed: false, passed: false })
  })
})

describe('scoreInspection: rounding', () => {
  // One points item of `possible` max, `earned` points: the percent is exactly earned/possible.
  const pct = (earned: number, possible: number) => scoreInspection(tpl([pts('p', possible)]), [points('p', earned)]).percent

  it('rounds half up to one decimal in integers (where float math gets it wrong)', () => {
    // 23/80 = 28.75 %: float (23/80*1000) is 287.49999…, so Math.round gives 28.7; the spec says 28.8.
    expect(Math.round((23 / 80) * 100 * 10) / 10).toBe(28.7)
    expect(pct(23, 80)).toBe(28.8)
    expect(pct(41, 80)).toBe(51.3)
    expect(pct(51, 80)).toBe(63.8)
    expect(pct(5, 16)).toBe(31.3) // 31.25
    expect(pct(1, 8)).toBe(12.5)
    expect(pct(2, 3)).toBe(66.7)
    expect(pct(1, 3)).toBe(33.3)
    expect(pct(0, 7)).toBe(0)
    expect(pct(7, 7)).toBe(100)
  })

  it('matches the integer formula for every pair up to 100 × 2 items', () => {
    for (let possible = 1; possible <= 200; possible++) {
      for (let earned = 0; earned <= possible; earned++) {
        const r = Math.floor((2 * 1000 * earned + possible) / (2 * possible))
        expect(percentOf(earned, possible)).toBe(r / 10)
      }
    }
    expect(percentOf(0, 0)).toBeNull()
  })
})

describe('scoreInspection: thresholds and pass mark', () => {
  const at = (earned: number, t: TemplateVersion = tpl([pts('p', 100)])) => scoreInspection(t, [points('p', earned)])

  it('takes the first threshold reached, boundaries inclusive', () => {
    expect(at(100).grade).toBe('excellent')
    expect(at(90).grade).toBe('excellent')
    expect(at(89).grade).toBe('good')
    expect(at(80).grade).toBe('good')
    expect(at(79).grade).toBe('fair')
    expect(at(60).grade).toBe('fair')
    expect(at(59).grade).toBe('poor')
    expect(at(0).grade).toBe('poor')
  })

  it('compares the rounded percent: 89.95 % rounds to 90.0 and is excellent', () => {
    // 20 points items of 100: 17 full, one 99, two 0 → 1799 / 2000.
    const items = Array.from({ length: 20 }, (_, i) => pts(`p${i}`, 100))
    const answers = items.map((it, i) => points(it.key, i < 17 ? 100 : i === 17 ? 99 : 0))
    const s = scoreInspection(tpl(items), answers)
    expect(s).toMatchObject({ earned: 1799, possible: 2000, percent: 90, grade: 'excellent' })
  })

  it('passes from pass_mark, with a custom pass/fail scale', () => {
    const t = tpl([pts('p', 100)], {
      grading: {
        thresholds: [
          { grade: 'pass', min: 75.5 },
          { grade: 'fail', min: 0 },
        ],
        pass_mark: 75.5,
      },
    })
    expect(at(76, t)).toMatchObject({ grade: 'pass', passed: true })
    expect(at(75, t)).toMatchObject({ grade: 'fail', passed: false })
    const exact = scoreInspection(tpl([pts('p', 200)], { grading: t.grading }), [points('p', 151)])
    expect(exact).toMatchObject({ percent: 75.5, grade: 'pass', passed: true })
  })
})

describe('validateAnswers', () => {
  const t = tpl([pf('a', 10, { photo_on_fail: true }), pf('b', 10), pts('c', 10, { photo_on_fail: true }), pf('d', 5, { allow_na: true })])
  const valid = [pass('a'), pass('b'), points('c', 8), na('d')]
  const keys = (answers: unknown) => validateAnswers(t, answers).issues.map((i) => [i.key.replace('inspections.errors.', ''), i.item_key])

  it('accepts a full, consistent set', () => {
    expect(validateAnswers(t, valid)).toEqual({ ok: true, answers: valid, issues: [] })
  })

  it('needs every item exactly once, and only items of this template', () => {
    expect(keys([pass('a'), pass('b'), points('c', 8)])).toEqual([['unanswered', 'd']])
    expect(keys([...valid, pass('b')])).toEqual([['duplicateAnswer', 'b']])
    expect(keys([...valid, pass('zz')])).toEqual([['unknownItem', 'zz']])
  })

  it("allows 'na' only where the item allows it", () => {
    expect(keys([na('a'), pass('b'), points('c', 8), na('d')])).toEqual([['naNotAllowed', 'a']])
  })

  it('matches results to the item mode and checks points', () => {
    expect(keys([points('a', 5), pass('b'), points('c', 8), na('d')])).toEqual([['wrongResultForMode', 'a']])
    expect(keys([pass('a'), pass('b'), pass('c'), na('d')])).toEqual([['wrongResultForMode', 'c']])
    expect(keys([pass('a'), pass('b'), points('c', 11), na('d')])).toEqual([['pointsRange', 'c']])
    expect(keys([pass('a'), pass('b'), points('c', -1), na('d')])).toEqual([['pointsRange', 'c']])
    expect(keys([pass('a'), pass('b'), { item_key: 'c', result: 'points' }, na('d')])).toEqual([['pointsRequired', 'c']])
    expect(keys([{ item_key: 'a', result: 'pass', points: 10 }, pass('b'), points('c', 8), na('d')])).toEqual([['pointsNotAllowed', 'a']])
    expect(keys([pass('a'), pass('b'), points('c', 2.5), na('d')])).toEqual([['answers', 'c'], ['unanswered', 'c']])
  })

  it('needs a photo on a failed photo_on_fail item (a fail, or points under half)', () => {
    expect(keys([fail('a'), fail('b'), points('c', 8), na('d')])).toEqual([['photoRequired', 'a']])
    expect(keys([fail('a', true), fail('b'), points('c', 4), na('d')])).toEqual([['photoRequired', 'c']])
    expect(keys([fail('a', true), fail('b'), { ...points('c', 4), photo_ids: [PHOTO] }, na('d')])).toEqual([])
  })

  it('refuses unreadable answers with i18n keys', () => {
    expect(keys('nope')).toEqual([['answers', undefined]])
    const r = validateAnswers(t, [null, { item_key: 'a', result: 'maybe' }, { item_key: 'b', result: 'pass', photo_ids: ['x'] }, points('c', 8), na('d')])
    expect(r.ok).toBe(false)
    expect(r.issues.slice(0, 3)).toEqual([
      { key: 'inspections.errors.answers', index: 0 },
      { key: 'inspections.errors.answers', item_key: 'a', index: 1 },
      { key: 'inspections.errors.answers', item_key: 'b', index: 2 },
    ])
  })

  it('scoreInspection reports the same issues and scores what fits', () => {
    const s = scoreInspection(t, [fail('a'), pass('b'), points('c', 8)])
    expect(s.issues.map((i) => i.key)).toEqual(['inspections.errors.photoRequired', 'inspections.errors.unanswered'])
    expect(s).toMatchObject({ earned: 18, possible: 30, percent: 60 })
  })
})

describe('runningScore', () => {
  const t = tpl([pf('a', 10, { photo_on_fail: true }), pf('b', 10), pts('c', 20)])

  it('excludes unanswered items and does not call them issues', () => {
    expect(runningScore(t, [])).toMatchObject({ earned: 0, possible: 0, percent: null, answered: 0, total: 3, issues: [] })
    expect(runningScore(t, [pass('a')])).toMatchObject({ earned: 10, possible: 10, percent: 100, answered: 1, issues: [] })
    expect(runningScore(t, [pass('a'), points('c', 5)])).toMatchObject({ earned: 15, possible: 30, percent: 50, answered: 2 })
  })

  it('still flags a missing required photo and keeps the answer in the score', () => {
    const s = runningScore(t, [fail('a')])
    expect(s.issues).toEqual([{ key: 'inspections.errors.photoRequired', item_key: 'a' }])
    expect(s).toMatchObject({ earned: 0, possible: 10, percent: 0 })
  })
})

describe('template versions', () => {
  const v1 = tpl([pf('floor', 10), pf('bins', 10)], { version: 1 })
  const v2 = tpl([pf('floor', 10), pf('bins', 30), pf('odour', 10)], { version: 2 })
  const answersV1 = [pass('floor'), fail('bins')]

  it('an inspection scored with v1 keeps v1 items and weights even when v2 exists', () => {
    expect(scoreInspection(v1, answersV1)).toMatchObject({ earned: 10, possible: 20, percent: 50, issues: [] })
    // The same answers against v2 are a different (and incomplete) inspection.
    const s2 = scoreInspection(v2, answersV1)
    expect(s2).toMatchObject({ earned: 10, possible: 40, percent: 25 })
    expect(s2.issues).toEqual([{ key: 'inspections.errors.unanswered', item_key: 'odour' }])
  })
})
