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
  // Entries are recomputed by the server and publications chained (tests/db/ledger-publish.test.ts);
  // here: the shape of the op, who may publish, who reads the ledger.
  const pub = (entries: Record<string, unknown>[], period = '2026-10', user: string = U.adminHead) =>
    act(db, user, 'ledger.publish', { publication_id: randomUUID(), period_key: period, corrects: null, entries })

  it('validates each entry: rule, period, scope, fields; the recomputation refuses the rest', async () => {
    const bad: [Record<string, unknown>, string, RegExp, string?][] = [
      [{ rule_id: randomUUID() }, 'not_found', /rule_id: no such rule/],
      [{ subject_id: randomUUID() }, 'invalid', /gives this subject no entry/],
      [{ period_key: '2026-W48' }, 'invalid', /period_key: must be the publication's \(2026-10\)/],
      [{ rule_id: personRule, subject_type: 'person', subject_id: U.cleaner, period_key: '2026-11' }, 'invalid', /YYYY-Www for a weekly rule/, '2026-11'],
      [{ subject_type: 'person', subject_id: U.cleaner }, 'invalid', /subject_type: must be the rule's scope \(area\)/],
      [{ inspection_ids: [randomUUID()] }, 'invalid', /gives this subject no entry/],
      [{ published_by: U.executive }, 'forbidden', /published_by/],
      [{ colour: 1 }, 'invalid', /colour: unexpected field/],
    ]
    for (const [p, reason, re, period] of bad) {
      const r = await pub([entry({ period_key: period ?? '2026-10', ...p })], period ?? '2026-10')
      expect(r, re.source).toMatchObject({ status: 'refused', reason })
      expect(r.detail).toMatch(re)
    }
    expect(await db.query('select 1 from public.ledger_entries where period_key in ($1, $2)', ['2026-10', '2026-11'])).toEqual([])
    expect(await pub([])).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await act(db, U.adminHead, 'ledger.publish', { entries: [entry()] })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await pub([entry()], '2026-10', U.inspector)).toMatchObject({ status: 'refused', reason: 'forbidden' })
  })

  it('the admin head, the executive and the person an entry is about read it; nobody else', async () => {
    // Rows as a publication leaves them (reading is what is tested here).
    const publication = randomUUID()
    const mine = entry({ rule_id: personRule, subject_type: 'person', subject_id: U.cleaner, period_key: '2026-W48', points: 3, value: 93 })
    const area = entry({ period_key: '2026-08' })
    for (const e of [mine, area]) {
      await db.query(
        `insert into public.ledger_entries (id, rule_id, period_key, subject_type, subject_id, points, value, inspection_ids, published_by, publication_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [e.id, e.rule_id, e.period_key, e.subject_type, e.subject_id, e.points, e.value, e.inspection_ids, U.adminHead, publication],
      )
    }
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
