// reward_rule.upsert and ledger.publish (卫生奖惩): the admin head sets rules and publishes
// entries traceable to inspections; entries are idempotent by id; who reads the ledger.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AREAS, act, inspect } from './support/checklists'
import { DEMO, openTestDb, type TestDb } from './support/database'

let db: TestDb
const U = DEMO.users
const WASHROOM = AREAS['3F 男卫生间'] as string
const MONTHLY_LOW = 'a8000000-0000-4000-8000-000000000001' // seeded: area, month, average_below 70, -5
let personRule: string
let inspectionId: string

beforeAll(async () => {
  db = await openTestDb()
  personRule = randomUUID()
  const r = await act(db, U.adminHead, 'reward_rule.upsert', {
    name: '保洁员周均分 ≥ 90 奖励', scope: 'person', period: 'week', kind: 'average_at_least', threshold: 90, points: 3,
  }, undefined, personRule)
  expect(r.status).toBe('applied')
  inspectionId = (await inspect(db, WASHROOM)).id
})
afterAll(() => db?.close())

const rule = (p: Record<string, unknown>, user: string = U.adminHead, id = randomUUID()) =>
  act(db, user, 'reward_rule.upsert', { name: '规则', scope: 'area', period: 'month', kind: 'top_rank', rank_n: 1, points: 5, ...p }, undefined, id)
const publish = (entries: Record<string, unknown>[], user: string = U.adminHead) => act(db, user, 'ledger.publish', { entries })
const entry = (p: Record<string, unknown> = {}) => ({
  id: randomUUID(), rule_id: MONTHLY_LOW, period_key: '2026-11', subject_type: 'area', subject_id: WASHROOM,
  points: -5, value: 65.5, inspection_ids: [inspectionId], ...p,
})

describe('reward_rule.upsert', () => {
  it('the admin head sets and edits rules; nobody else may', async () => {
    const id = randomUUID()
    expect((await rule({}, U.adminHead, id)).status).toBe('applied')
    expect((await rule({ kind: 'average_below', threshold: 60, rank_n: null, points: -10, active: false }, U.adminHead, id)).status).toBe('applied')
    const [row] = await db.query('select kind, threshold::float8 as threshold, rank_n, points, active from public.reward_rules where id = $1', [id])
    expect(row).toEqual({ kind: 'average_below', threshold: 60, rank_n: null, points: -10, active: false })
    for (const u of [U.inspector, U.executive, U.cleaner]) expect(await rule({}, u)).toMatchObject({ status: 'refused', reason: 'forbidden' })
  })

  it('an average rule has a threshold, a rank rule a rank, points are not 0', async () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ kind: 'average_below', rank_n: undefined }, /^threshold: required/],
      [{ kind: 'top_rank', rank_n: undefined }, /^rank_n: required/],
      [{ threshold: 50 }, /^threshold: only for average rules/],
      [{ kind: 'average_at_least', threshold: 80 }, /^rank_n: only for rank rules/],
      [{ points: 0 }, /^points: not 0/],
      [{ points: 2.5 }, /^points: must be a whole number/],
      [{ scope: 'site' }, /^scope: one of/],
      [{ period: 'day' }, /^period: one of/],
    ]
    for (const [p, re] of bad) {
      const r = await rule(p)
      expect(r, re.source).toMatchObject({ status: 'refused', reason: 'invalid' })
      expect(r.detail).toMatch(re)
    }
  })
})

describe('ledger.publish', () => {
  it('records entries traceable to inspections, published by the caller; idempotent by entry id', async () => {
    const e = entry()
    expect((await publish([e])).status).toBe('applied')
    const [row] = await db.query('select points, value::float8 as value, inspection_ids, published_by, period_key from public.ledger_entries where id = $1', [e.id])
    expect(row).toEqual({ points: -5, value: 65.5, inspection_ids: [inspectionId], published_by: U.adminHead, period_key: '2026-11' })
    // Publishing the same month again (a retry, or with more entries) skips what is there.
    const more = entry({ subject_id: AREAS['1F 大堂'], inspection_ids: [] })
    expect((await publish([e, more])).status).toBe('applied')
    const [n] = await db.query<{ n: number }>('select count(*)::int as n from public.ledger_entries where id = any ($1::uuid[])', [[e.id, more.id]])
    expect(n?.n).toBe(2)
    // The same id with other content, or a second entry for the same rule/period/subject, is refused.
    expect(await publish([{ ...e, points: -50 }])).toMatchObject({ status: 'refused', reason: 'invalid', detail: expect.stringMatching(/^entries\[0\]\.id: a different entry/) })
    expect(await publish([entry()])).toMatchObject({ status: 'refused', reason: 'invalid', detail: expect.stringMatching(/already published for this rule, period and subject/) })
  })

  it('validates each entry: rule, subject, period format, scope, inspections', async () => {
    const bad: [Record<string, unknown>, string, RegExp][] = [
      [{ rule_id: randomUUID() }, 'not_found', /rule_id: no such rule/],
      [{ subject_id: randomUUID() }, 'not_found', /subject_id: no such area/],
      [{ period_key: '2026-W48' }, 'invalid', /period_key: YYYY-MM for a monthly rule/],
      [{ rule_id: personRule, subject_type: 'person', subject_id: U.cleaner, period_key: '2026-11' }, 'invalid', /YYYY-Www for a weekly rule/],
      [{ subject_type: 'person', subject_id: U.cleaner }, 'invalid', /subject_type: must be the rule's scope \(area\)/],
      [{ inspection_ids: [randomUUID()] }, 'not_found', /inspection_ids: no such inspection/],
      [{ published_by: U.executive }, 'forbidden', /published_by/],
      [{ colour: 1 }, 'invalid', /colour: unexpected field/],
    ]
    for (const [p, reason, re] of bad) {
      const r = await publish([entry({ period_key: '2026-10', ...p })])
      expect(r, re.source).toMatchObject({ status: 'refused', reason })
      expect(r.detail).toMatch(re)
    }
    // One bad entry refuses the whole op: nothing of it is written.
    const good = entry({ period_key: '2026-09' })
    expect((await publish([good, entry({ period_key: '2026-09', subject_id: randomUUID() })])).status).toBe('refused')
    expect(await db.query('select 1 from public.ledger_entries where id = $1', [good.id])).toEqual([])
    expect(await publish([])).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await publish([entry()], U.inspector)).toMatchObject({ status: 'refused', reason: 'forbidden' })
  })

  it('the admin head, the executive and the person an entry is about read it; nobody else', async () => {
    const mine = entry({ rule_id: personRule, subject_type: 'person', subject_id: U.cleaner, period_key: '2026-W48', points: 3, value: 93 })
    const area = entry({ period_key: '2026-08' })
    expect((await publish([mine, area])).status).toBe('applied')
    const sees = async (user: string) =>
      (await db.asUser(user, (q) => q<{ id: string }>('select id from public.ledger_entries where id = any ($1::uuid[])', [[mine.id, area.id]]))).map((r) => r.id).sort()
    expect(await sees(U.adminHead)).toEqual([mine.id, area.id].sort())
    expect(await sees(U.executive)).toEqual([mine.id, area.id].sort())
    expect(await sees(U.cleaner)).toEqual([mine.id])
    expect(await sees(U.inspector)).toEqual([])
    expect(await sees(U.employee)).toEqual([])
    // Rules are everyone's to read.
    const [n] = await db.asUser(U.employee, (q) => q<{ n: number }>('select count(*)::int as n from public.reward_rules'))
    expect(n?.n).toBeGreaterThanOrEqual(3)
  })
})
