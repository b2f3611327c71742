// Custody acts that need an approved application (issue 9): a seal is retired only through an
// approved 印章停用 application; a licence is lent (证照借用) against an approved borrowing; and a
// seal or licence handed back by its holder waits for the keeper's confirming scan (待保管员确认).
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { foldEvents, type CustodyEvent } from '@/features/assets/domain'
import { at, createAsset, derived, eventOp } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, push } from './support/sync'

let db: TestDb
const U = DEMO.users

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

async function op(user: string, o: ReturnType<typeof makeOp>) {
  const [r] = await push(db, user, [o])
  if (!r) throw new Error('no result')
  return r
}

/** An application by the employee, approved by the admin head and the executive unless `approve` is false. */
async function application(type: string, form: Record<string, unknown>, approve = true): Promise<string> {
  const id = randomUUID()
  expect((await op(U.employee, makeOp('request.submit', id, { event_id: randomUUID(), type, form, photo_ids: [] }))).status).toBe('applied')
  if (approve) {
    for (const [user, step] of [[U.adminHead, 0], [U.executive, 1]] as const) {
      expect((await op(user, makeOp('request.act', randomUUID(), { request_id: id, action: 'approve', revision: 1, step }))).status).toBe('applied')
    }
  }
  return id
}

const retireForm = { action: 'retire', seal_name: '旧合同专用章', seal_type: '合同章', unit_name: '本公司', quantity: 1, reason: '印章磨损，申请停用', cost: null }
const borrowForm = {
  licence_name: '营业执照',
  copy_kind: 'original',
  purpose: '银行开户',
  borrow_at: '2025-03-03T01:00:00.000Z',
  due_at: '2025-03-04T09:00:00.000Z',
}

const link = async (eventId: string) =>
  (await db.query<{ request_id: string | null; flag: string | null }>('select request_id, flag from public.custody_requests where id = $1', [eventId]))[0]
const fulfilledBy = async (requestId: string) =>
  (await db.query<{ fulfilled_by: string | null }>('select fulfilled_by from public.requests where id = $1', [requestId]))[0]?.fulfilled_by

describe('停用: a seal is retired only through an approved application', () => {
  it('the keeper alone cannot retire a seal: refused, nothing changes', async () => {
    const seal = await createAsset(db, 'seal')
    for (const user of [U.sealKeeper, U.adminHead]) {
      expect(await op(user, eventOp(seal, 'retire', { note: '不用了' }))).toMatchObject({ status: 'refused', reason: 'forbidden' })
    }
    expect(await derived(db, seal)).toMatchObject({ status: 'in_stock' })
  })

  it('with an approved retirement: retired, linked, the application carried out', async () => {
    const seal = await createAsset(db, 'seal')
    const req = await application('seal_lifecycle', retireForm)
    const o = eventOp(seal, 'retire', { note: null, request_id: req })
    expect((await op(U.sealKeeper, o)).status).toBe('applied')
    expect(await derived(db, seal)).toMatchObject({ status: 'retired' })
    expect(await link(o.entity_id)).toEqual({ request_id: req, flag: null })
    expect(await fulfilledBy(req)).toBe(U.sealKeeper)
  })

  it('an application not approved (yet) is kept and flagged; one of another kind or for enabling is refused', async () => {
    const seal = await createAsset(db, 'seal')
    const pending = await application('seal_lifecycle', retireForm, false)
    const enabling = await application('seal_lifecycle', { ...retireForm, action: 'enable' })
    const borrow = await application('licence_borrow', borrowForm)
    for (const other of [enabling, borrow, randomUUID()]) {
      const r = await op(U.sealKeeper, eventOp(seal, 'retire', { request_id: other }))
      expect(r.status).toBe('refused')
    }
    const o = eventOp(seal, 'retire', { request_id: pending })
    expect(await op(U.sealKeeper, o)).toMatchObject({ status: 'flagged', detail: 'assets.flags.applicationNotApproved' })
    expect(await derived(db, seal)).toMatchObject({ status: 'retired' })
    expect(await link(o.entity_id)).toEqual({ request_id: pending, flag: 'assets.flags.applicationNotApproved' })
    expect(await fulfilledBy(pending)).toBeNull()
  })

  it('other kinds are retired by their keeper as before', async () => {
    const equipment = await createAsset(db, 'equipment')
    expect((await op(U.assetKeeper, eventOp(equipment, 'retire', {}))).status).toBe('applied')
  })
})

describe('归还: the holder says returned, the keeper confirms', () => {
  const out = (to: string) => ({ to_person: to, due_at: null, purpose: '签合同', condition: 'good' })

  it("the holder's return of a seal awaits the keeper; the keeper's check-in closes custody", async () => {
    const seal = await createAsset(db, 'seal')
    expect((await op(U.sealKeeper, eventOp(seal, 'check_out', out(U.employee), at(0)))).status).toBe('applied')
    const claim = eventOp(seal, 'return_claimed', { condition: 'good', note: '放回柜子了' }, at(10))
    expect((await op(U.employee, claim)).status).toBe('applied')
    const awaiting = await db.query<{ status: string; holder_id: string; return_claimed_at: string }>(
      `select status, holder_id, to_char(return_claimed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as return_claimed_at from public.assets where id = $1`,
      [seal],
    )
    expect(awaiting[0]).toEqual({ status: 'checked_out', holder_id: U.employee, return_claimed_at: at(10) })
    expect((await op(U.sealKeeper, eventOp(seal, 'check_in', { condition: 'good' }, at(20)))).status).toBe('applied')
    const closed = await db.query<{ status: string; return_claimed_at: string | null }>('select status, return_claimed_at from public.assets where id = $1', [seal])
    expect(closed[0]).toEqual({ status: 'in_stock', return_claimed_at: null })
  })

  it("a holder's check-in of a licence (an older app) is kept as their return, not as the keeper's", async () => {
    const licence = await createAsset(db, 'licence')
    expect((await op(U.assetKeeper, eventOp(licence, 'check_out', out(U.employee), at(0)))).status).toBe('applied')
    const o = eventOp(licence, 'check_in', { condition: 'good' }, at(5))
    expect((await op(U.employee, o)).status).toBe('applied')
    // The same event again (another op, as a retry after an update would be) is the same fact, not a clash.
    expect((await op(U.employee, eventOp(licence, 'check_in', { condition: 'good' }, at(5), o.entity_id))).status).toBe('applied')
    const [ev] = await db.query<{ type: string }>('select type from public.custody_events where id = $1', [o.entity_id])
    expect(ev?.type).toBe('return_claimed')
    expect(await derived(db, licence)).toMatchObject({ status: 'checked_out', holder_id: U.employee })
  })

  it("equipment: the holder's check-in still closes custody", async () => {
    const eq = await createAsset(db, 'equipment')
    await op(U.assetKeeper, eventOp(eq, 'check_out', out(U.employee), at(0)))
    expect((await op(U.employee, eventOp(eq, 'check_in', { condition: 'good' }, at(5)))).status).toBe('applied')
    expect(await derived(db, eq)).toMatchObject({ status: 'in_stock', holder_id: null })
  })

  it('the SQL fold gives what foldEvents gives for return claims', async () => {
    const seal = await createAsset(db, 'seal')
    const seq: [string, number, string, Record<string, unknown>][] = [
      [U.sealKeeper, 0, 'check_out', out(U.employee)],
      [U.employee, 5, 'return_claimed', { condition: 'good', note: null }],
      [U.employee, 6, 'return_claimed', { condition: 'worn', note: null }],
      [U.sealKeeper, 8, 'transfer', { to_person: U.driver, due_at: null, note: null }],
      [U.driver, 9, 'return_claimed', { condition: 'good', note: null }],
    ]
    const events: CustodyEvent[] = []
    for (const [user, min, type, payload] of seq) {
      const o = eventOp(seal, type, payload, at(min))
      expect((await op(user, o)).status).toBe('applied')
      events.push({ id: o.entity_id, asset_id: seal, actor_id: user, device_time: at(min), server_time: null, type, payload } as CustodyEvent)
    }
    const state = foldEvents(events)
    const [row] = await db.query<{ status: string; holder_id: string; return_claimed_at: string | null }>(
      `select status, holder_id, to_char(return_claimed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as return_claimed_at from public.assets where id = $1`,
      [seal],
    )
    expect(row).toEqual({ status: state.status, holder_id: state.holder_id, return_claimed_at: state.return_claimed_at })
    expect(state.return_claimed_at).toBe(at(9))
  })
})

describe('证照借用: the keeper lends a licence against the approved borrowing', () => {
  const lend = (licence: string, request_id: string | null) =>
    eventOp(licence, 'check_out', { to_person: U.employee, due_at: borrowForm.due_at, purpose: '银行开户', condition: 'good', ...(request_id ? { request_id } : {}) }, borrowForm.borrow_at)

  it('lent against an approved borrowing: linked, carried out, due back when the application says', async () => {
    const licence = await createAsset(db, 'licence')
    const req = await application('licence_borrow', borrowForm)
    const o = lend(licence, req)
    expect((await op(U.assetKeeper, o)).status).toBe('applied')
    expect(await derived(db, licence)).toMatchObject({ status: 'checked_out', holder_id: U.employee, due_at: borrowForm.due_at })
    expect(await link(o.entity_id)).toEqual({ request_id: req, flag: null })
    expect(await fulfilledBy(req)).toBe(U.assetKeeper)
  })

  it('lent with no application or one not approved: the fact is kept and marked for the admin head', async () => {
    const licence = await createAsset(db, 'licence')
    const none = lend(licence, null)
    expect((await op(U.assetKeeper, none)).status).toBe('applied')
    expect(await link(none.entity_id)).toEqual({ request_id: null, flag: 'assets.flags.noApplication' })
    await op(U.assetKeeper, eventOp(licence, 'check_in', { condition: 'good' }, at(600)))
    const pending = await application('licence_borrow', borrowForm, false)
    const o = lend(licence, pending)
    expect(await op(U.assetKeeper, o)).toMatchObject({ status: 'flagged', detail: 'assets.flags.applicationNotApproved' })
    expect(await link(o.entity_id)).toEqual({ request_id: pending, flag: 'assets.flags.applicationNotApproved' })
  })

  it('a request on any other custody act is refused', async () => {
    const eq = await createAsset(db, 'equipment')
    const req = await application('licence_borrow', borrowForm)
    expect(await op(U.assetKeeper, lend(eq, req))).toMatchObject({ status: 'refused', reason: 'invalid' })
  })

  it('whoever reads the event reads its link; the holder and the keeper, not another employee', async () => {
    const licence = await createAsset(db, 'licence')
    const req = await application('licence_borrow', borrowForm)
    const o = lend(licence, req)
    await op(U.assetKeeper, o)
    const seen = async (user: string) =>
      db.asUser(user, (q) => q<{ id: string }>('select id from public.custody_requests where id = $1', [o.entity_id])).then((r) => r.length)
    expect(await seen(U.employee)).toBe(1)
    expect(await seen(U.assetKeeper)).toBe(1)
    expect(await seen(U.driver)).toBe(0)
  })
})
