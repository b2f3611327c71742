// A former holder cannot act (issue 8, point 3): check_in / report_damaged / report_lost by a
// person who is not the holder are refused, judged by who held the asset when the event
// happened (the domain's holderAt, which private.custody_holder_at mirrors), or by who holds
// it now. The holder's own offline hand-back before the next check-out still counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { custodyEventSchema, holderAt, type CustodyEvent } from '@/features/assets/domain'
import { at, createAsset, derived, eventOp } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { push } from './support/sync'

let db: TestDb
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const U = DEMO.users
const out = (to: string) => ({ to_person: to, due_at: null, purpose: '签合同', condition: 'good' })
const statusOf = async (user: string, op: ReturnType<typeof eventOp>) => {
  const [r] = await push(db, user, [op])
  return r?.status === 'refused' ? `${r.reason}` : r?.status
}

/** A seal the employee held from minute 0 to 10, then the driver from minute 20. */
async function handedOn(): Promise<string> {
  const seal = await createAsset(db, 'seal')
  for (const [min, type, payload] of [[0, 'check_out', out(U.employee)], [10, 'check_in', { condition: 'good' }], [20, 'check_out', out(U.driver)]] as const) {
    expect(await statusOf(U.sealKeeper, eventOp(seal, type, payload, at(min)))).toBe('applied')
  }
  return seal
}

describe('a former holder', () => {
  it('cannot check in, report damaged or report lost what someone else holds now; nothing changes', async () => {
    const seal = await handedOn()
    const before = await derived(db, seal)
    expect(before).toMatchObject({ status: 'checked_out', holder_id: U.driver, has_conflict: false })
    for (const [type, payload] of [['check_in', { condition: 'good' }], ['report_damaged', {}], ['report_lost', {}]] as const) {
      const [r] = await push(db, U.employee, [eventOp(seal, type, payload, at(25))])
      expect(r, type).toMatchObject({ status: 'refused', reason: 'forbidden' })
      expect(r?.detail, type).toMatch(/not yours to record/)
    }
    expect(await derived(db, seal)).toEqual(before)
    const [n] = await db.query<{ n: number }>('select count(*)::int as n from public.custody_events where asset_id = $1', [seal])
    expect(n?.n).toBe(3)
  })

  it('may still record the hand-back made offline before the next check-out, or record it twice', async () => {
    const seal = await handedOn()
    expect(await statusOf(U.employee, eventOp(seal, 'report_damaged', {}, at(4)))).not.toBe('forbidden')
    expect(await statusOf(U.employee, eventOp(seal, 'check_in', { condition: 'good' }, at(5)))).not.toBe('forbidden')
    // Back in the cabinet (minute 15): a second record of the hand-back changes nothing; a report is not theirs.
    expect(await statusOf(U.employee, eventOp(seal, 'check_in', { condition: 'good' }, at(15)))).not.toBe('forbidden')
    expect(await statusOf(U.employee, eventOp(seal, 'report_lost', {}, at(15)))).toBe('forbidden')
    expect(await derived(db, seal)).toMatchObject({ status: 'checked_out', holder_id: U.driver })
  })

  it('the holder now, the kind\'s keeper and the head still may', async () => {
    const seal = await handedOn()
    expect(await statusOf(U.driver, eventOp(seal, 'report_damaged', {}, at(30)))).toBe('applied')
    // A holder whose phone clock runs behind (its time before the check-out to them) is still the holder.
    expect(await statusOf(U.driver, eventOp(seal, 'check_in', { condition: 'damaged' }, at(19)))).not.toBe('forbidden')
    expect(await statusOf(U.sealKeeper, eventOp(seal, 'report_lost', {}, at(40)))).not.toBe('forbidden')
    expect(await statusOf(U.adminHead, eventOp(seal, 'audit_seen', { location: '柜' }, at(50)))).toBe('applied')
  })

  it('the server\'s holder at a time is the domain\'s holderAt', async () => {
    const seal = await handedOn()
    await push(db, U.sealKeeper, [eventOp(seal, 'report_lost', {}, at(30)), eventOp(seal, 'audit_seen', { location: '柜' }, at(40))])
    const rows = await db.query<{ id: string; asset_id: string; actor_id: string; type: string; device_time: Date; server_time: Date; payload: Record<string, unknown> }>(
      'select id, asset_id, actor_id, type, device_time, server_time, payload from public.custody_events where asset_id = $1',
      [seal],
    )
    const events: CustodyEvent[] = rows.map((r) =>
      custodyEventSchema.parse({ ...r, device_time: r.device_time.toISOString(), server_time: r.server_time.toISOString(), photo_ids: [] }),
    )
    for (const min of [-1, 5, 10, 15, 25, 35, 45]) {
      const probe = { id: '00000000-0000-4000-8000-000000000000', device_time: at(min), server_time: null }
      const [sql] = await db.query<{ holder_id: string | null; last_holder_id: string | null }>(
        'select holder_id, last_holder_id from private.custody_holder_at($1, $2)',
        [seal, at(min)],
      )
      expect(sql, `minute ${min}`).toEqual(holderAt(events, probe))
    }
  })
})
