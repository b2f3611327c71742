// 提前退宿 (early leave, issue 10, migration 20261203040400) on the requests engine: the resident applies
// (reason, when), the admin head approves, the normal check-out of their stay carries it out — the
// application fulfilled by whoever checked them out, the check-out record naming it; an ordinary check-out
// names none; a rejected application is not carried out. The type's specs equal REQUEST_TYPES (device).
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DORM_INVENTORY_TEMPLATE_ID, DORM_INVENTORY_V1 } from '@/features/dorms/domain'
import { allItems } from '@/features/inspections/domain'
import { requestTypeDef } from '@/features/requests/domain/types'
import { makeUser } from './support/checklists'
import { SZ } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { allocation, bedOp, dormOp, makeRoom, pastClock } from './support/dorms'

let db: TestDb
const U = DEMO.users
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const at = pastClock()
const checkOut = (stayId: string, bedId: string) => ({
  stay_id: stayId, bed_id: bedId, event_id: randomUUID(), template_id: DORM_INVENTORY_TEMPLATE_ID, started_at: at(50),
  answers: allItems(DORM_INVENTORY_V1).map((i) => ({ item_key: i.key, result: 'pass' })),
  meters: [{ meter: 'water', reading: 12, photo_id: randomUUID() }, { meter: 'electricity', reading: 340, photo_id: randomUUID() }],
  keys: [],
})

async function resident(name: string) {
  const me = await makeUser(db, 'employee', SZ, name)
  await db.query('update public.profiles set site_id = $1 where id = $2', [SZ, me])
  const { beds } = await makeRoom(db, U.dormManager, SZ)
  const bedId = beds[0]!.id
  const a = allocation(me, { starts_on: '2026-10-01', ends_on: '2027-06-30' })
  expect(await bedOp(db, U.dormManager, bedId, 'allocate', a, at(1))).toMatchObject({ status: 'applied' })
  expect(await bedOp(db, me, bedId, 'check_in', { stay_id: a.stay_id, occupant_id: me }, at(2))).toMatchObject({ status: 'applied' })
  return { me, bedId, stayId: a.stay_id }
}

async function apply(me: string, reason = '家中有事，提前离职') {
  const id = randomUUID()
  const form = { reason, leave_at: new Date(Date.now() + 3 * 86_400_000).toISOString() }
  expect(await dormOp(db, me, 'request.submit', id, { event_id: randomUUID(), type: 'dorm_leave', form, photo_ids: [] }, at(10))).toMatchObject({ status: 'applied' })
  return id
}
const req = async (id: string) =>
  (await db.query<Record<string, unknown>>('select status, waiting_role, fulfiller_role, fulfilled_by, form ->> \'reason\' as reason from public.requests where id = $1', [id]))[0]

describe('提前退宿 on the requests engine', () => {
  it('the device\'s type: reason and when, the admin head approves, the dorm manager carries it out', () => {
    expect(requestTypeDef('dorm_leave')).toMatchObject({ chain: ['admin_head'], fulfilment: 'dorm_leave', fulfiller: 'dorm_manager' })
  })

  it('applied, approved, then the normal check-out carries it out: fulfilled, and the check-out names it', async () => {
    const { me, bedId, stayId } = await resident('early-leaver')
    expect(await dormOp(db, me, 'request.submit', randomUUID(), { event_id: randomUUID(), type: 'dorm_leave', form: { reason: '走', leave_at: null }, photo_ids: [] }, at(9))).toMatchObject({ status: 'refused', reason: 'invalid' })
    const id = await apply(me)
    expect(await req(id)).toMatchObject({ status: 'pending', waiting_role: 'admin_head', fulfiller_role: 'dorm_manager', fulfilled_by: null })
    expect(await dormOp(db, U.adminHead, 'request.act', randomUUID(), { request_id: id, action: 'approve', step: 0, revision: 1 }, at(20))).toMatchObject({ status: 'applied' })
    // The dorm manager sees the approved application (their to-do).
    const seen = await db.asUser(U.dormManager, (q) => q<{ id: string }>('select id from public.requests where id = $1', [id]))
    expect(seen).toHaveLength(1)

    const out = randomUUID()
    expect(await dormOp(db, U.dormManager, 'dorm_check_out.submit', out, checkOut(stayId, bedId), at(60))).toMatchObject({ status: 'applied' })
    expect(await req(id)).toMatchObject({ status: 'approved', fulfilled_by: U.dormManager, reason: '家中有事，提前离职' })
    const [co] = await db.query<{ leave_request_id: string }>('select leave_request_id from public.dorm_check_outs where id = $1', [out])
    expect(co?.leave_request_id).toBe(id)
    const [bed] = await db.query<{ status: string }>('select status from public.dorm_beds where id = $1', [bedId])
    expect(bed?.status).toBe('vacant')
    // The resident reads their check-out and the application it carried out.
    const mine = await db.asUser(me, (q) => q<{ leave_request_id: string }>('select leave_request_id from public.dorm_check_outs where id = $1', [out]))
    expect(mine).toEqual([{ leave_request_id: id }])
  })

  it('an ordinary check-out names no application; a rejected one, or another person\'s, is not carried out', async () => {
    const { me, bedId, stayId } = await resident('plain-leaver')
    const other = await resident('other-leaver')
    const rejected = await apply(me, '想走')
    expect(await dormOp(db, U.adminHead, 'request.act', randomUUID(), { request_id: rejected, action: 'reject', step: 0, revision: 1, note: '合同期内' }, at(20))).toMatchObject({ status: 'applied' })
    const theirs = await apply(other.me)
    expect(await dormOp(db, U.adminHead, 'request.act', randomUUID(), { request_id: theirs, action: 'approve', step: 0, revision: 1 }, at(21))).toMatchObject({ status: 'applied' })
    const out = randomUUID()
    expect(await dormOp(db, me, 'dorm_check_out.submit', out, checkOut(stayId, bedId), at(60))).toMatchObject({ status: 'applied' })
    const [co] = await db.query<{ leave_request_id: string | null }>('select leave_request_id from public.dorm_check_outs where id = $1', [out])
    expect(co?.leave_request_id).toBeNull()
    expect(await req(rejected)).toMatchObject({ status: 'rejected', fulfilled_by: null })
    expect(await req(theirs)).toMatchObject({ status: 'approved', fulfilled_by: null })
  })
})
