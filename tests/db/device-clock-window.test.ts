// Device clocks against the server's receipt (issue 8, point 2): one phone's clock set to
// 9999-12-31 (or year 1) used to freeze an asset or a rectification for good, since its fact
// sorted after (or before) every other. Now a device time outside the window around the
// receipt is kept as the device said it (claimed_time), flagged, and the fact is ordered by
// its receipt, so later facts and a keeper's resolve_conflict still move the state.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAsset, derived, eventOp, record } from './support/custody'
import { AREAS, act, fail, inspect, inspectionPayload, answers, submit, TEMPLATES, SANITATION, rect } from './support/checklists'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, push } from './support/sync'
import type { TemplateVersion } from '@/features/inspections/domain'

let db: TestDb
const U = DEMO.users
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const FAR_FUTURE = '9999-12-31T00:00:00Z'
const YEAR_ONE = '0001-01-01T00:00:00Z'
const now = (min = 0) => new Date(Date.now() + min * 60_000).toISOString()
const due = () => now(24 * 60)
const out = (to: string, dueAt = due()) => ({ to_person: to, due_at: dueAt, purpose: '签合同', condition: 'good' })
// That phone's deadline is by its own clock too.
const WILD_DUE = '9999-12-31T12:00:00Z'

async function stored(id: string) {
  const [row] = await db.query<{ claimed: string | null; by_receipt: boolean }>(
    `select to_char(claimed_time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as claimed,
            device_time = server_time as by_receipt
     from public.custody_events where id = $1`, [id],
  )
  return row
}

describe('custody: a clock far off cannot freeze an asset', () => {
  it('a check-out dated 9999-12-31 is kept and flagged, ordered by its receipt; later events and a resolution still apply', async () => {
    const seal = await createAsset(db, 'seal')
    const wild = await record(db, U.adminHead, seal, 'check_out', out(U.employee, WILD_DUE), FAR_FUTURE)
    expect(wild).toMatchObject({ status: 'flagged', detail: expect.stringMatching(/clock: device_time 9999-12-31.* outside/) })
    expect(await stored(wild.event_id)).toEqual({ claimed: '9999-12-31T00:00:00Z', by_receipt: true })
    expect(await derived(db, seal)).toMatchObject({ status: 'checked_out', holder_id: U.employee })

    // The seal comes back and goes out to someone else: both fit (before, they sorted before 9999 and clashed).
    expect((await record(db, U.adminHead, seal, 'check_in', { condition: 'good' }, now(1))).status).toBe('applied')
    expect((await record(db, U.adminHead, seal, 'check_out', out(U.driver), now(2))).status).toBe('applied')
    expect(await derived(db, seal)).toMatchObject({ status: 'checked_out', holder_id: U.driver, has_conflict: false })
  })

  it('a keeper\'s resolve_conflict moves an asset a wild clock put in conflict', async () => {
    const seal = await createAsset(db, 'seal')
    await record(db, U.adminHead, seal, 'check_out', out(U.employee), now(-5))
    const clash = await record(db, U.adminHead, seal, 'check_out', out(U.executive, WILD_DUE), FAR_FUTURE)
    expect(clash.status).toBe('flagged')
    expect(await derived(db, seal)).toMatchObject({ has_conflict: true })
    const fixed = await record(db, U.adminHead, seal, 'resolve_conflict',
      { conflict_ids: [clash.event_id], status: 'in_stock', holder_id: null, due_at: null, note: '核实：在柜' }, now(1))
    expect(fixed.status).toBe('applied')
    expect(await derived(db, seal)).toMatchObject({ status: 'in_stock', holder_id: null, has_conflict: false })
  })

  it('year 1 does not rewrite history either: ordered by receipt, after what came before it', async () => {
    const seal = await createAsset(db, 'seal')
    await record(db, U.adminHead, seal, 'check_out', out(U.employee), now(-5))
    const back = await record(db, U.adminHead, seal, 'check_in', { condition: 'good' }, YEAR_ONE)
    expect(back).toMatchObject({ status: 'flagged', detail: expect.stringMatching(/clock: device_time 0001-01-01/) })
    expect(await stored(back.event_id)).toEqual({ claimed: '0001-01-01T00:00:00Z', by_receipt: true })
    expect(await derived(db, seal)).toMatchObject({ status: 'in_stock', holder_id: null })
  })

  it('a device time inside the window is the order, unflagged, nothing claimed', async () => {
    const seal = await createAsset(db, 'seal')
    const r = await record(db, U.adminHead, seal, 'check_out', out(U.employee), now(-3 * 24 * 60))
    expect(r.status).toBe('applied')
    expect(await stored(r.event_id)).toEqual({ claimed: null, by_receipt: false })
  })
})

describe('rectification: a fix from the far future does not freeze the task', () => {
  it('the fix is flagged and ordered by receipt; the verify after it closes the task', async () => {
    const p = await inspect(db, AREAS['3F 男卫生间'] as string, { bins_clean: fail() })
    const id = p.rectifications[0]?.id as string
    const f = await act(db, U.cleaner, 'rectification.fix', { rectification_id: id, note: '已更换', photo_ids: [randomUUID()] }, FAR_FUTURE)
    expect(f).toMatchObject({ status: 'flagged', detail: expect.stringMatching(/clock: device_time 9999/) })
    expect(await rect(db, id)).toMatchObject({ status: 'fixed' })
    expect((await act(db, U.inspector, 'rectification.verify', { rectification_id: id, decision: 'closed', note: '复查' }, now(1))).status).toBe('applied')
    expect(await rect(db, id)).toMatchObject({ status: 'closed', verified_by: U.inspector })
    const [ev] = await db.query<{ claimed: boolean; by_receipt: boolean }>(
      `select claimed_time = '9999-12-31T00:00:00Z' as claimed, device_time = server_time as by_receipt
       from public.rectification_events where id = $1`, [f.id])
    expect(ev).toEqual({ claimed: true, by_receipt: true })
  })
})

describe('every device time that enters is checked in one place', () => {
  it('a payload act time (an inspection submitted in 9999) is kept and flagged', async () => {
    const p = inspectionPayload(AREAS['3F 男卫生间'] as string, SANITATION, answers(TEMPLATES[SANITATION] as TemplateVersion))
    const r = await submit(db, U.inspector, { ...p, submitted_at: FAR_FUTURE })
    expect(r).toMatchObject({ status: 'flagged', detail: expect.stringMatching(/clock: submitted_at 9999/) })
    const [row] = await db.query<{ n: number }>('select count(*)::int as n from public.inspections where id = $1', [p.id])
    expect(row?.n).toBe(1)
  })

  it('the op\'s own device_time is checked too; the ledger row is flagged', async () => {
    const id = randomUUID()
    const op = makeOp('department.upsert', id, { site_id: DEMO.sites['SH-HQ'], code: `CLK${id.slice(0, 4)}`, name: '时钟' }, { device_time: FAR_FUTURE })
    const [r] = await push(db, U.adminHead, [op])
    expect(r).toMatchObject({ status: 'flagged', detail: expect.stringMatching(/clock: device_time 9999/) })
    const [ledger] = await db.query<{ status: string }>('select status from public.sync_ops where op_id = $1', [op.op_id])
    expect(ledger?.status).toBe('flagged')
  })

  it('plans are not clock readings: a deadline a year ahead is not flagged', async () => {
    const seal = await createAsset(db, 'seal')
    const r = await record(db, U.adminHead, seal, 'check_out', { ...out(U.employee), due_at: now(365 * 24 * 60) })
    expect(r.status).toBe('applied')
  })

  it('a refused op is refused, not flagged, whatever its clock said', async () => {
    const [r] = await push(db, U.employee, [eventOp(randomUUID(), 'check_out', out(U.employee, WILD_DUE), FAR_FUTURE)])
    expect(r?.status).toBe('refused')
  })
})
