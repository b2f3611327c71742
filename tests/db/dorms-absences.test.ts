// 长期外出 (issue 10, migration 20261203040300): dorm_absence.record / dorm_absence.return — the resident or
// the dorm manager records it, the bed stays theirs, the return ends it; refusals; replays; an overlap kept
// and flagged; a second return flagged, the first standing; RLS: a roommate cannot read another's absence.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { absenceSchema } from '@/features/dorms/domain'
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
const record = (user: string, id: string, payload: Record<string, unknown>, when = at(30)) => dormOp(db, user, 'dorm_absence.record', id, payload, when)
const back = (user: string, id: string, returned_on: string, when = at(40)) => dormOp(db, user, 'dorm_absence.return', id, { returned_on }, when)
const row = async (id: string) =>
  (await db.query<Record<string, unknown>>(
    `select stay_id, occupant_id, starts_on::text, expected_return_on::text, returned_on::text, reason, recorded_by, returned_by from public.dorm_absences where id = $1`,
    [id],
  ))[0]

/** A room of two: the driver and the cleaner living there (checked in). */
async function twoResidents() {
  const room = await makeRoom(db, U.dormManager, SZ, { room_type: 2 })
  const stays: string[] = []
  for (const [i, who] of [U.driver, U.cleaner].entries()) {
    const a = allocation(who, { starts_on: '2026-10-01' })
    expect(await bedOp(db, U.dormManager, room.beds[i]!.id, 'allocate', a, at(1 + i))).toMatchObject({ status: 'applied' })
    expect(await bedOp(db, who, room.beds[i]!.id, 'check_in', { stay_id: a.stay_id, occupant_id: who }, at(5 + i))).toMatchObject({ status: 'applied' })
    stays.push(a.stay_id)
  }
  return { room, stays: stays as [string, string] }
}

describe('dorm_absence', () => {
  it('the resident records a long absence; the bed stays theirs; extended while away; the return ends it', async () => {
    const { room, stays } = await twoResidents()
    const id = randomUUID()
    const payload = { stay_id: stays[0], starts_on: '2026-11-10', expected_return_on: '2026-12-10', reason: ' 探亲 ' }
    expect(absenceSchema.safeParse(payload).success).toBe(true)
    expect(await record(U.driver, id, payload)).toMatchObject({ status: 'applied' })
    expect(await row(id)).toEqual({ stay_id: stays[0], occupant_id: U.driver, starts_on: '2026-11-10', expected_return_on: '2026-12-10', returned_on: null, reason: '探亲', recorded_by: U.driver, returned_by: null })
    const [bed] = await db.query<{ status: string; occupant_id: string }>('select status, occupant_id from public.dorm_beds where id = $1', [room.beds[0]!.id])
    expect(bed).toEqual({ status: 'occupied', occupant_id: U.driver })
    // The same again: a duplicate; a later expected return (the dorm manager for them): changed.
    expect(await record(U.driver, id, { ...payload, reason: '探亲' })).toMatchObject({ status: 'duplicate' })
    expect(await record(U.dormManager, id, { ...payload, expected_return_on: '2026-12-20' })).toMatchObject({ status: 'applied' })
    expect(await row(id)).toMatchObject({ expected_return_on: '2026-12-20', reason: '探亲', recorded_by: U.driver })
    // Back: ended. The same return again is a duplicate; another day is flagged, the first standing.
    expect(await back(U.driver, id, '2026-12-01')).toMatchObject({ status: 'applied' })
    expect(await row(id)).toMatchObject({ returned_on: '2026-12-01', returned_by: U.driver })
    expect(await back(U.driver, id, '2026-12-01')).toMatchObject({ status: 'duplicate' })
    const second = await back(U.dormManager, id, '2026-12-03', at(41))
    expect(second).toMatchObject({ status: 'flagged' })
    expect(second.detail).toContain('dorms.flags.returnedAlready')
    expect(await row(id)).toMatchObject({ returned_on: '2026-12-01' })
    // An ended absence is not changed; a new one is recorded instead.
    expect(await record(U.driver, id, { ...payload, expected_return_on: '2026-12-30' })).toMatchObject({ status: 'refused', reason: 'invalid' })
  })

  it('two records of the same days (two phones offline) are both kept and flagged', async () => {
    const { stays } = await twoResidents()
    expect(await record(U.driver, randomUUID(), { stay_id: stays[0], starts_on: '2026-11-10', expected_return_on: '2026-11-30' })).toMatchObject({ status: 'applied' })
    const r = await record(U.dormManager, randomUUID(), { stay_id: stays[0], starts_on: '2026-11-15', expected_return_on: '2026-12-05' })
    expect(r).toMatchObject({ status: 'flagged', detail: 'dorms.flags.absenceOverlap' })
    const [n] = await db.query<{ n: number }>('select count(*)::int as n from public.dorm_absences where stay_id = $1', [stays[0]])
    expect(n?.n).toBe(2)
  })

  it('who may: the resident and the dorm manager; not a roommate, not an inspector; refusals', async () => {
    const { room, stays } = await twoResidents()
    const p = { stay_id: stays[0], starts_on: '2026-11-10', expected_return_on: '2026-12-10' }
    expect(await record(U.cleaner, randomUUID(), p)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await record(U.inspector, randomUUID(), p)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    const reserved = allocation(U.employee, { starts_on: '2026-10-01' })
    const other = await makeRoom(db, U.dormManager, SZ)
    expect(await bedOp(db, U.dormManager, other.beds[0]!.id, 'allocate', reserved, at(3))).toMatchObject({ status: 'applied' })
    const cases: [Record<string, unknown>, string][] = [
      [{ ...p, stay_id: randomUUID() }, 'not_found'],
      [{ ...p, stay_id: reserved.stay_id }, 'invalid'], // not moved in
      [{ ...p, expected_return_on: '2026-11-10' }, 'invalid'],
      [{ ...p, expected_return_on: '2027-11-12' }, 'invalid'],
      [{ ...p, starts_on: '2026-09-01' }, 'invalid'], // before the stay began
      [{ ...p, starts_on: '2026-11-31' }, 'invalid'],
      [{ ...p, reason: '长'.repeat(201) }, 'invalid'],
      [{ ...p, bed_id: room.beds[0]!.id }, 'invalid'],
    ]
    for (const [payload, reason] of cases) expect(await record(U.dormManager, randomUUID(), payload), JSON.stringify(payload)).toMatchObject({ status: 'refused', reason })
    const id = randomUUID()
    expect(await record(U.dormManager, id, p)).toMatchObject({ status: 'applied' })
    expect(await back(U.cleaner, id, '2026-11-20')).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await back(U.driver, id, '2026-11-01')).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await back(U.driver, randomUUID(), '2026-11-20')).toMatchObject({ status: 'refused', reason: 'not_found' })
  })

  it('RLS: the resident and the dorm manager read it; the roommate does not', async () => {
    const { stays } = await twoResidents()
    const id = randomUUID()
    expect(await record(U.driver, id, { stay_id: stays[0], starts_on: '2026-11-10', expected_return_on: '2026-12-10' })).toMatchObject({ status: 'applied' })
    const sees = async (user: string) => (await db.asUser(user, (q) => q<{ id: string }>('select id from public.dorm_absences where id = $1', [id]))).length === 1
    expect(await sees(U.driver)).toBe(true)
    expect(await sees(U.dormManager)).toBe(true)
    expect(await sees(U.cleaner)).toBe(false)
    expect(await sees(U.employee)).toBe(false)
  })
})
