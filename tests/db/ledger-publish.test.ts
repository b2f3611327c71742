// Issue #12 points 3–6 on the server: ledger.publish only for an ended period; a correction is a
// new publication linked to the one it corrects; the server recomputes each entry (critical
// failures, the minimum to rank, the person responsible at the time) and refuses a mismatch.
// The device's own computation (computeRankings + evaluateRules + publicationPlan over the rows
// read back from the database) is what gets published: device and server must agree.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computeRankings, evaluateRules, type InspectionForRanking, type LedgerDraft, type RewardRule } from '@/features/inspections/domain'
import { publicationPlan, type PublishedEntry } from '@/features/inspections/domain/ledgerPublication'
import { HQ, SANITATION, TEMPLATES, act, answers, areaPayload, createArea, fail, inspectionPayload, makeUser, submit } from './support/checklists'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, push } from './support/sync'

let db: TestDb
const U = DEMO.users
const TEMPLATE = TEMPLATES[SANITATION] as NonNullable<(typeof TEMPLATES)[string]>

// The seeded rules apply throughout (area, month: below 70 → −5; first → +5); each test uses
// its own month so its entries are its own.
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

/** An inspection of the area submitted at `at`, failing the items named. */
async function inspectAt(areaId: string, at: string, failKeys: string[] = []): Promise<string> {
  const overrides = Object.fromEntries(failKeys.map((k) => [k, fail()]))
  const p = inspectionPayload(areaId, SANITATION, answers(TEMPLATE, overrides), {
    started_at: new Date(Date.parse(at) - 600_000).toISOString(),
    submitted_at: at,
  })
  const r = await submit(db, U.inspector, p)
  expect(r.status).toBe('applied')
  return p.id as string
}

const items = () => TEMPLATE.sections.flatMap((s) => s.items)
const criticalKey = () => (items().find((i) => i.critical) as { key: string }).key
const plainKeys = () => items().filter((i) => !i.critical && i.mode !== 'points').map((i) => i.key)

/** The device's entries for a period, computed from the database's rows with the domain. */
async function deviceDrafts(period: string): Promise<LedgerDraft[]> {
  const inspections = await db.query<InspectionForRanking>(
    `select id, area_id, to_json(submitted_at) #>> '{}' as submitted_at, score::float8 as score, server_score::float8 as server_score,
            critical_failed, responsible_id, deleted_at from public.inspections`)
  const areas = await db.query<{ id: string; department_id: string | null; responsible_id: string | null }>('select id, department_id, responsible_id from public.areas')
  const rules = await db.query<RewardRule>('select id, scope, period, kind, threshold::float8 as threshold, rank_n, points, active, deleted_at from public.reward_rules')
  const [c] = await db.query<{ timezone: string; w: number; m: number }>('select timezone, rank_min_week as w, rank_min_month as m from public.company')
  const kind = period.includes('W') ? 'week' : 'month'
  const rankings = computeRankings(inspections, areas, c?.timezone ?? 'Asia/Shanghai', [kind], { minInspections: { week: c?.w, month: c?.m } })
  return evaluateRules(rules, rankings, period)
}

async function ledger(period: string): Promise<PublishedEntry[]> {
  return db.query<PublishedEntry>(
    `select id, rule_id, period_key, subject_type, subject_id, points, value::float8 as value, inspection_ids,
            publication_id, corrects_publication_id, superseded_by, deleted_at
     from public.ledger_entries where period_key = $1`, [period])
}

const entriesOf = (drafts: readonly LedgerDraft[]) => drafts.map((d) => ({ id: randomUUID(), ...d }))
const publish = (period: string, entries: Record<string, unknown>[], corrects: string | null = null, publication = randomUUID(), user: string = U.adminHead) =>
  act(db, user, 'ledger.publish', { publication_id: publication, period_key: period, corrects, entries })

describe('ledger.publish: ended periods, recomputed points', () => {
  it('refuses a period that has not ended, and points the rule does not give (−1000 on a −5 rule)', async () => {
    const area = await createArea(db)
    const id = await inspectAt(area, '2025-01-10T02:00:00Z', plainKeys().slice(0, 6))
    const forged = { id: randomUUID(), rule_id: 'a8000000-0000-4000-8000-000000000001', period_key: '2099-01', subject_type: 'area', subject_id: area, points: -1000, value: 10, inspection_ids: [id] }
    expect(await publish('2099-01', [forged])).toMatchObject({ status: 'refused', reason: 'invalid', detail: expect.stringMatching(/2099-01 has not ended/) })
    const drafts = await deviceDrafts('2025-01')
    const mine = drafts.find((d) => d.subject_id === area && d.points === -5)
    expect(mine).toBeDefined()
    expect(await publish('2025-01', [{ ...mine, id: randomUUID(), points: -1000 }])).toMatchObject({ status: 'refused', reason: 'invalid', detail: expect.stringMatching(/points: -1000, the rule gives -5/) })
    expect(await publish('2025-01', [{ ...mine, id: randomUUID(), value: 99 }])).toMatchObject({ status: 'refused', reason: 'invalid', detail: expect.stringMatching(/value: 99/) })
    expect(await publish('2025-01', [{ ...mine, id: randomUUID(), inspection_ids: [] }])).toMatchObject({ status: 'refused', reason: 'invalid', detail: expect.stringMatching(/inspection_ids/) })
    expect(await ledger('2025-01')).toEqual([])
    // What the device computes is what the server accepts.
    const r = await publish('2025-01', entriesOf(drafts))
    expect(r.status).toBe('applied')
    expect((await ledger('2025-01')).map((e) => [e.rule_id, e.subject_id, e.points, e.value]).sort()).toEqual(drafts.map((d) => [d.rule_id, d.subject_id, d.points, d.value]).sort())
  })

  it('a critical failure: the top-area reward goes to the clean area; publishing it to the other is refused', async () => {
    const clean = await createArea(db)
    const critical = await createArea(db)
    await inspectAt(clean, '2025-02-10T02:00:00Z', plainKeys().slice(0, 1))
    await inspectAt(critical, '2025-02-11T02:00:00Z', [criticalKey()])
    const drafts = await deviceDrafts('2025-02')
    const top = drafts.filter((d) => d.points === 5)
    expect(top.map((d) => d.subject_id)).toEqual([clean])
    const forged = { ...top[0], id: randomUUID(), subject_id: critical, inspection_ids: [] }
    expect(await publish('2025-02', [forged])).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect((await publish('2025-02', entriesOf(drafts))).status).toBe('applied')
  })

  it('the minimum to rank: an area inspected once gets no entry once the minimum is 2', async () => {
    const company = ((await db.query<{ id: string }>('select id from public.company'))[0] as { id: string }).id
    const area = await createArea(db)
    await inspectAt(area, '2025-03-10T02:00:00Z', plainKeys().slice(0, 6))
    const before = await deviceDrafts('2025-03')
    expect(before.some((d) => d.subject_id === area)).toBe(true)
    expect((await act(db, U.adminHead, 'ranking_settings.update', { rank_min_month: 2 }, undefined, company)).status).toBe('applied')
    const after = await deviceDrafts('2025-03')
    expect(after.some((d) => d.subject_id === area)).toBe(false)
    const stale = before.filter((d) => d.subject_id === area).map((d) => ({ ...d, id: randomUUID() }))
    expect(await publish('2025-03', stale)).toMatchObject({ status: 'refused', reason: 'invalid', detail: expect.stringMatching(/gives this subject no entry/) })
    expect((await act(db, U.adminHead, 'ranking_settings.update', { rank_min_month: 1 }, undefined, company)).status).toBe('applied')
  })

  it('person rules credit the person responsible at the time, not the one now', async () => {
    const rule = randomUUID()
    expect((await act(db, U.adminHead, 'reward_rule.upsert', { name: '责任人月均分低于 90 扣分', scope: 'person', period: 'month', kind: 'average_below', threshold: 90, points: -2 }, undefined, rule)).status).toBe('applied')
    const li = await makeUser(db, 'cleaner', HQ, 'li')
    const payload = areaPayload({ responsible_id: li })
    const area = await createArea(db, payload)
    await inspectAt(area, '2025-04-10T02:00:00Z', plainKeys().slice(0, 6))
    const [r] = await push(db, U.adminHead, [makeOp('area.upsert', area, { ...payload, responsible_id: U.cleaner })])
    expect(r?.status).toBe('applied')
    const drafts = await deviceDrafts('2025-04')
    const person = drafts.filter((d) => d.rule_id === rule)
    expect(person.map((d) => d.subject_id)).toEqual([li])
    expect(await publish('2025-04', [{ ...person[0], id: randomUUID(), subject_id: U.cleaner }])).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect((await publish('2025-04', entriesOf(drafts))).status).toBe('applied')
    expect((await act(db, U.adminHead, 'reward_rule.upsert', { name: '责任人月均分低于 90 扣分', scope: 'person', period: 'month', kind: 'average_below', threshold: 90, points: -2, active: false }, undefined, rule)).status).toBe('applied')
  })
})

describe('ledger.publish: corrections', () => {
  it('a published period is corrected by a new, linked publication; a stale or unlinked one is refused', async () => {
    const area = await createArea(db)
    await inspectAt(area, '2025-05-10T02:00:00Z', plainKeys().slice(0, 6))
    const p1 = randomUUID()
    expect((await publish('2025-05', entriesOf(await deviceDrafts('2025-05')), null, p1)).status).toBe('applied')
    // A late inspection lifts the area's average: the rules now say something else.
    await inspectAt(area, '2025-05-20T02:00:00Z')
    const drafts = await deviceDrafts('2025-05')
    const plan = publicationPlan(drafts, await ledger('2025-05'), true)
    expect(plan).toMatchObject({ kind: 'correction', corrects: p1 })
    // Publishing it as a first publication, or correcting something else, is refused.
    expect(await publish('2025-05', entriesOf(drafts))).toMatchObject({ status: 'refused', reason: 'invalid', detail: expect.stringMatching(/already published .*publish a correction/) })
    expect(await publish('2025-05', entriesOf(drafts), randomUUID())).toMatchObject({ status: 'refused', reason: 'invalid', detail: expect.stringMatching(/not the latest publication/) })
    const p2 = randomUUID()
    const batch = entriesOf(plan.drafts)
    expect((await publish('2025-05', batch, p1, p2)).status).toBe('applied')
    const rows = await ledger('2025-05')
    expect(rows.filter((e) => e.publication_id === p1).every((e) => e.superseded_by === p2)).toBe(true)
    expect(rows.filter((e) => e.publication_id === p2).every((e) => e.corrects_publication_id === p1 && e.superseded_by === null)).toBe(true)
    expect(publicationPlan(await deviceDrafts('2025-05'), rows, true).kind).toBe('current')
    // The same batch again (a retry under its publication) changes nothing.
    expect((await publish('2025-05', batch, p1, p2)).status).toBe('applied')
    expect(await ledger('2025-05')).toHaveLength(rows.length)
    // Correcting p1 again is stale now.
    expect(await publish('2025-05', entriesOf(plan.drafts), p1)).toMatchObject({ status: 'refused', reason: 'invalid' })
  })

  it('a correction may withdraw every entry; the chain then ends at it', async () => {
    const company = ((await db.query<{ id: string }>('select id from public.company'))[0] as { id: string }).id
    const area = await createArea(db)
    await inspectAt(area, '2025-06-10T02:00:00Z', plainKeys().slice(0, 6))
    const p1 = randomUUID()
    const first = await deviceDrafts('2025-06')
    expect(first.length).toBeGreaterThan(0)
    expect((await publish('2025-06', entriesOf(first), null, p1)).status).toBe('applied')
    // A minimum of two inspections: the area is no longer ranked, the rules give nothing.
    expect((await act(db, U.adminHead, 'ranking_settings.update', { rank_min_month: 2 }, undefined, company)).status).toBe('applied')
    const plan = publicationPlan(await deviceDrafts('2025-06'), await ledger('2025-06'), true)
    expect(plan).toMatchObject({ kind: 'correction', corrects: p1, drafts: [], removed: first.length })
    const p2 = randomUUID()
    expect((await publish('2025-06', [], p1, p2)).status).toBe('applied')
    const rows = await ledger('2025-06')
    expect(rows.every((e) => e.superseded_by === p2)).toBe(true)
    expect(publicationPlan([], rows, true)).toMatchObject({ kind: 'current', corrects: p2 })
    // No entries outside a correction.
    expect(await publish('2025-06', [], null)).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect((await act(db, U.adminHead, 'ranking_settings.update', { rank_min_month: 1 }, undefined, company)).status).toBe('applied')
  })
})
