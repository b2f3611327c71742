// The SQL derivation (private.custody_derive) against the domain's foldEvents:
// the same event sequences as tests/unit/assets/custody.test.ts, pushed through
// custody.record, must give the same status, holder, due time, condition, label,
// open conflict and flagged events.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  INITIAL_CUSTODY_STATE,
  custodyEventSchema,
  foldEvents,
  newLabelToken,
  type CustodyEvent,
  type CustodyEventType,
} from '@/features/assets/domain'
import { at, createAsset, derived, eventOp } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { push } from './support/sync'

let db: TestDb
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const HEAD = DEMO.users.adminHead
const ALICE = DEMO.users.employee
const BOB = DEMO.users.driver
const DUE = '2025-03-03T18:00:00+08:00'

interface Ev {
  id: string
  device_time: string
  type: CustodyEventType
  payload: Record<string, unknown>
}

const ev = (min: number | string, type: CustodyEventType, payload: Record<string, unknown> = {}): Ev => ({
  id: randomUUID(),
  device_time: typeof min === 'number' ? at(min) : min,
  type,
  payload,
})
const out = (min: number | string, to = ALICE, due: string | null = DUE) =>
  ev(min, 'check_out', { to_person: to, due_at: due, purpose: '签合同', condition: 'good' })
const back = (min: number | string, condition = 'good') => ev(min, 'check_in', { condition })
const resolve = (min: number, ids: string[], status: string, holder: string | null, due: string | null) =>
  ev(min, 'resolve_conflict', { conflict_ids: ids, status, holder_id: holder, due_at: due, note: '核实' })

interface Run {
  /** Push order as indexes into the events (device order is theirs); default as given. */
  order?: number[]
  /** Push these groups of indexes in one sync_push each (same server_time); default one each. */
  batches?: number[][]
  /** Create the asset with a first label. */
  initialToken?: string
}

/** Pushes the events, then folds the stored rows with the domain and compares. */
async function agree(events: Ev[], run: Run = {}) {
  // Equipment: the fold is the same for every kind, and a seal's retirement needs an application (custody-requests.test.ts).
  const assetId = await createAsset(db, 'equipment', run.initialToken ? { label_token: run.initialToken } : {})
  const batches = run.batches ?? (run.order ?? events.map((_e, i) => i)).map((i) => [i])
  for (const batch of batches) {
    const ops = batch.map((i) => {
      const e = events[i] as Ev
      return eventOp(assetId, e.type, e.payload, e.device_time, e.id)
    })
    const results = await push(db, HEAD, ops)
    for (const r of results) expect(['applied', 'flagged'], JSON.stringify(r)).toContain(r.status)
  }

  const rows = await db.query<{
    id: string
    asset_id: string
    actor_id: string
    type: string
    device_time: Date
    server_time: Date
    payload: Record<string, unknown>
    photo_ids: string[]
    flagged: boolean
  }>('select id, asset_id, actor_id, type, device_time, server_time, payload, photo_ids, flagged from public.custody_events where asset_id = $1', [
    assetId,
  ])
  expect(rows).toHaveLength(events.length)
  // What the server stored is a valid domain event (the device reads it back the same way).
  const stored: CustodyEvent[] = rows.map((r) =>
    custodyEventSchema.parse({
      id: r.id,
      asset_id: r.asset_id,
      actor_id: r.actor_id,
      type: r.type,
      device_time: new Date(r.device_time).toISOString(),
      server_time: new Date(r.server_time).toISOString(),
      payload: r.payload,
      photo_ids: r.photo_ids,
    }),
  )
  const state = foldEvents(stored, { ...INITIAL_CUSTODY_STATE, label_token: run.initialToken ?? null })
  const sql = await derived(db, assetId)
  expect({
    status: sql.status,
    holder_id: sql.holder_id,
    due_at: sql.due_at === null ? null : Date.parse(sql.due_at),
    condition: sql.condition,
    label_token: sql.label_token,
    has_conflict: sql.has_conflict,
  }).toEqual({
    status: state.status,
    holder_id: state.holder_id,
    due_at: state.due_at === null ? null : Date.parse(state.due_at),
    condition: state.condition,
    label_token: state.label_token,
    has_conflict: state.has_open_conflict,
  })
  // flagged = the events the domain calls conflicts (open or resolved).
  expect(rows.filter((r) => r.flagged).map((r) => r.id).sort()).toEqual(state.conflicts.map((c) => c.id).sort())
  return { assetId, state, sql }
}

describe('SQL derivation agrees with foldEvents', () => {
  it('check-out then check-in (good and broken)', async () => {
    await agree([out(0), back(5)])
    const { sql } = await agree([out(0), back(5, 'damaged')])
    expect(sql).toMatchObject({ status: 'damaged', holder_id: null, condition: 'damaged' })
  })

  it('transfer with a new due time and with the due time kept', async () => {
    const { sql } = await agree([out(0), ev(5, 'transfer', { to_person: BOB, due_at: '2025-03-04T18:00:00+08:00' })])
    expect(sql).toMatchObject({ status: 'checked_out', holder_id: BOB, due_at: '2025-03-04T10:00:00.000Z' })
    await agree([out(0), ev(5, 'transfer', { to_person: BOB })])
  })

  it('damage and loss while held, and the holder bringing it back', async () => {
    await agree([out(0), ev(5, 'report_damaged')])
    const lost = await agree([out(0), ev(5, 'report_lost')])
    expect(lost.sql).toMatchObject({ status: 'lost', holder_id: ALICE, due_at: null })
    await agree([out(0), ev(1, 'report_damaged'), back(5, 'damaged')])
    await agree([out(0), ev(1, 'report_lost'), back(5)])
  })

  it('repair: sent, back repaired, back unrepaired, lost while in repair', async () => {
    const { sql } = await agree([ev(0, 'send_to_repair'), ev(5, 'back_from_repair', { condition: 'good' })])
    expect(sql).toMatchObject({ status: 'in_stock', condition: 'good' })
    await agree([ev(0, 'send_to_repair'), ev(5, 'back_from_repair', { condition: 'damaged' })])
    await agree([ev(0, 'send_to_repair'), ev(5, 'report_lost')])
    await agree([ev(0, 'report_damaged'), ev(5, 'send_to_repair')])
  })

  it('lost and found: an audit sees it, or it is checked in', async () => {
    const { sql } = await agree([out(0), ev(1, 'report_lost'), ev(5, 'audit_seen', { location: '1 号柜' })])
    expect(sql).toMatchObject({ status: 'in_stock', holder_id: null, has_conflict: false })
    await agree([ev(0, 'report_lost'), back(5)])
  })

  it('the periodic seal check records the condition found', async () => {
    const { sql } = await agree([out(0), back(2), ev(5, 'audit_seen', { location: '行政部 1 号保险柜', condition: 'worn', in_place: false })])
    expect(sql.condition).toBe('worn')
  })

  it('retire, and acting on a retired asset is kept and flagged', async () => {
    await agree([out(0), ev(1, 'report_lost'), ev(5, 'retire')])
    const { sql, state } = await agree([ev(0, 'retire'), out(5)])
    expect(sql).toMatchObject({ status: 'checked_out', holder_id: ALICE, has_conflict: true })
    expect(state.conflicts[0]?.from_status).toBe('retired')
  })

  it('offline double check-out: both kept, the later one flagged, pushed in either order', async () => {
    const a = out(0, ALICE)
    const b = out(3, BOB)
    const first = await agree([a, b])
    expect(first.sql).toMatchObject({ status: 'checked_out', holder_id: BOB, has_conflict: true })
    const late = await agree([out(0, ALICE), out(3, BOB)], { order: [1, 0] })
    expect(late.state.conflicts).toHaveLength(1)
  })

  it('resolve_conflict closes the conflict it names, and life goes on', async () => {
    const a = out(0, ALICE)
    const b = out(3, BOB)
    const r = resolve(30, [b.id], 'checked_out', ALICE, DUE)
    const { sql } = await agree([a, b, r])
    expect(sql).toMatchObject({ status: 'checked_out', holder_id: ALICE, has_conflict: false })
    const a2 = out(0, ALICE)
    const b2 = out(3, BOB)
    await agree([a2, b2, resolve(30, [b2.id], 'checked_out', ALICE, DUE), back(40)])
  })

  it('a conflict stays open through later events', async () => {
    const { sql } = await agree([out(0, ALICE), out(3, BOB), back(60)])
    expect(sql).toMatchObject({ status: 'in_stock', has_conflict: true })
  })

  it('a resolution from a clock that ran behind still closes its conflict', async () => {
    const a = out(0, ALICE)
    const b = out(10, BOB)
    const { sql } = await agree([a, b, resolve(-20, [b.id], 'in_stock', null, null)], { order: [0, 1, 2] })
    expect(sql.has_conflict).toBe(false)
  })

  it('a resolution closes only the conflicts it names', async () => {
    const a = out(0, ALICE)
    const b = out(1, BOB)
    const c = ev(2, 'send_to_repair')
    const { sql, state } = await agree([a, b, c, resolve(3, [b.id], 'in_repair', null, null)])
    expect(sql.has_conflict).toBe(true)
    expect(state.conflicts.map((x) => x.id)).toEqual([b.id, c.id])
  })

  it('a conflict with the initial state, and redundant facts that contest nothing', async () => {
    await agree([ev(0, 'transfer', { to_person: BOB })])
    const twiceIn = await agree([out(0), back(10), back(11)])
    expect(twiceIn.sql.has_conflict).toBe(false)
    await agree([out(0, ALICE), out(1, ALICE)])
    await agree([ev(0, 'report_lost'), ev(1, 'report_lost')])
  })

  it('any arrival order gives the same state', async () => {
    const make = () => [out(0, ALICE), ev(20, 'transfer', { to_person: BOB }), back(40), ev(50, 'send_to_repair')]
    for (const order of [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]]) {
      const { sql } = await agree(make(), { order })
      expect(sql).toMatchObject({ status: 'in_repair', has_conflict: false })
    }
  })

  it('a check-in synced before its check-out folds in device order', async () => {
    const { sql } = await agree([out(0, ALICE), back(30)], { order: [1, 0] })
    expect(sql).toMatchObject({ status: 'in_stock', holder_id: null, has_conflict: false })
  })

  it('compares instants across time-zone offsets', async () => {
    const { sql } = await agree([out('2025-03-03T10:00:00+08:00'), back('2025-03-03T03:00:00Z')], { order: [1, 0] })
    expect(sql.status).toBe('in_stock')
  })

  it('breaks device-time ties by server time, then id', async () => {
    const t = '2025-03-03T09:00:00+08:00'
    // Separate pushes: the one received first sorts first.
    const bySrv = await agree([out(t, ALICE), out(t, BOB)], { order: [1, 0] })
    expect(bySrv.sql.holder_id).toBe(ALICE)
    // One push: the same server time, so the id decides.
    const x = out(t, ALICE)
    const y = out(t, BOB)
    const byId = await agree([x, y], { batches: [[0, 1]] })
    expect(byId.sql.holder_id).toBe(x.id < y.id ? BOB : ALICE)
  })

  it('label_replaced: the new token is current, the old ones are replaced', async () => {
    const t1 = newLabelToken()
    const t2 = newLabelToken()
    const t3 = newLabelToken()
    const { assetId, sql } = await agree(
      [ev(1, 'label_replaced', { new_token: t2, old_token: t1 }), ev(2, 'label_replaced', { new_token: t3 })],
      { initialToken: t1 },
    )
    expect(sql.label_token).toBe(t3)
    const labels = await db.query<{ token: string; status: string }>('select token, status from public.asset_labels where asset_id = $1', [assetId])
    expect(Object.fromEntries(labels.map((l) => [l.token, l.status]))).toEqual({ [t1]: 'replaced', [t2]: 'replaced', [t3]: 'active' })
    // Out of order: the later replacement still wins.
    const u1 = newLabelToken()
    const u2 = newLabelToken()
    const u3 = newLabelToken()
    const late = await agree(
      [ev(1, 'label_replaced', { new_token: u2 }), ev(2, 'label_replaced', { new_token: u3, old_token: u2 })],
      { initialToken: u1, order: [1, 0] },
    )
    expect(late.sql.label_token).toBe(u3)
  })
})
