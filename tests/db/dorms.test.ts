// Dormitories on the server (issue 10): rooms and labelled beds, allocations, check-in and check-out
// as bed events with the bed's state derived in SQL the same way as the domain's fold; the offline
// double booking kept and flagged; refusals change nothing; RLS by role and by one's own stay.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { foldBedEvents, type BedEvent } from '@/features/dorms/domain'
import { newLabelToken } from '@/features/assets/domain/labelToken'
import { makeUser } from './support/checklists'
import { HQ, SZ } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { allocation, bedOp, dormOp, makeRoom, roomPayload } from './support/dorms'
import { pullAll } from './support/sync'

let db: TestDb
const U = DEMO.users
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

interface BedRow {
  status: string
  stay_id: string | null
  occupant_id: string | null
  has_conflict: boolean
  in_repair: boolean
  conflicts: { id: string; kind: string; stay_ids: string[]; resolved_by: string | null; open: boolean }[]
}
const bed = async (id: string) =>
  (await db.query<BedRow>('select status, stay_id, occupant_id, has_conflict, in_repair, conflicts from public.dorm_beds where id = $1', [id]))[0] as BedRow
const stay = async (id: string) => (await db.query<{ status: string; contested: boolean }>('select status, contested from public.dorm_stays where id = $1', [id]))[0]
const count = async (table: string) => (await db.query<{ n: number }>(`select count(*)::int as n from public.${table}`))[0]?.n

/** The bed's events as the domain folds them. */
async function domainFold(bedId: string) {
  const rows = await db.query<Record<string, unknown>>(
    `select id, bed_id, actor_id, type, payload, photo_ids,
            to_char(device_time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as device_time,
            to_char(server_time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as server_time
     from public.dorm_bed_events where bed_id = $1`,
    [bedId],
  )
  return foldBedEvents(rows as unknown as BedEvent[])
}
async function expectSameAsDomain(bedId: string) {
  const sql = await bed(bedId)
  const ts = await domainFold(bedId)
  expect({ status: sql.status, stay_id: sql.stay_id, occupant_id: sql.occupant_id, has_conflict: sql.has_conflict, in_repair: sql.in_repair }).toEqual({
    status: ts.status,
    stay_id: ts.stay_id,
    occupant_id: ts.occupant_id,
    has_conflict: ts.has_open_conflict,
    in_repair: ts.in_repair,
  })
  expect(sql.conflicts.map(({ id, kind, stay_ids, resolved_by, open }) => ({ id, kind, stay_ids, resolved_by, open }))).toEqual(
    ts.conflicts.map(({ id, kind, stay_ids, resolved_by, open }) => ({ id, kind, stay_ids, resolved_by, open })),
  )
  const stays = await db.query<{ id: string; status: string }>('select id, status from public.dorm_stays where bed_id = $1 order by allocated_at, id', [bedId])
  expect(Object.fromEntries(stays.map((s) => [s.id, s.status]))).toEqual(Object.fromEntries(ts.stays.map((s) => [s.id, s.status])))
}

describe('the demo dormitory', () => {
  it('seed.sql has the dorms of demo-company.json, each bed derived from its events', async () => {
    const d = DEMO.raw.dorms
    const rooms = await db.query<Record<string, unknown>>(
      "select id, building_id, floor, number, room_type, gender, fee_fen, furniture from public.dorm_rooms where id::text like 'd1000000-%' order by id",
    )
    expect(rooms).toEqual(d.rooms.map(({ beds: _b, ...r }) => r))
    const beds = await db.query<{ id: string; code: string; label_token: string; status: string; occupant_id: string | null }>(
      "select id, code, label_token, status, occupant_id from public.dorm_beds where id::text like 'd2000000-%' order by id",
    )
    expect(beds.map(({ id, code, label_token }) => ({ id, code, label_token }))).toEqual(d.rooms.flatMap((r) => r.beds))
    const byId = Object.fromEntries(beds.map((b) => [b.id, b]))
    for (const st of d.stays) expect(byId[st.bed_id], st.id).toMatchObject({ status: st.checked_in ? 'occupied' : 'reserved', occupant_id: st.occupant_id })
    const buildings = await db.query<Record<string, unknown>>("select id, site_id, name, floors, rules from public.dorm_buildings where id::text like 'd0000000-%'")
    expect(buildings).toEqual(d.buildings)
  })
})

describe('buildings and rooms', () => {
  it('the dorm manager adds a building and a 4-bed room with labelled beds; others may not', async () => {
    const { roomId, beds } = await makeRoom(db, U.dormManager, SZ)
    expect(beds).toHaveLength(4)
    const rows = await db.query<{ status: string; site_id: string }>('select status, site_id from public.dorm_beds where room_id = $1', [roomId])
    expect(rows).toEqual(Array(4).fill({ status: 'vacant', site_id: SZ }))
    const before = await count('dorm_buildings')
    const r = await dormOp(db, U.employee, 'dorm_building.upsert', randomUUID(), { site_id: SZ, name: '员工楼', floors: 3 })
    expect(r).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await count('dorm_buildings')).toBe(before)
  })

  it('refuses malformed rooms and a label token that already names a bed, an area or an asset', async () => {
    const { buildingId, beds } = await makeRoom(db, U.dormManager, SZ)
    const cases: [Record<string, unknown>, string][] = [
      [roomPayload(buildingId, '302', { room_type: 3 }), 'room_type'],
      [{ ...roomPayload(buildingId, '303'), beds: roomPayload(buildingId, 'x', { room_type: 2 }).beds }, 'beds'],
      [roomPayload(buildingId, '304', { gender: 'mixed' }), 'gender'],
      [roomPayload(buildingId, '305', { fee_fen: 12.5 }), 'fee_fen'],
      [{ ...roomPayload(buildingId, '306', { room_type: 1 }), beds: [{ id: randomUUID(), code: '1', label_token: beds[0]?.label_token }] }, 'already used by bed'],
      [{ ...roomPayload(buildingId, '307', { room_type: 1 }), beds: [{ id: randomUUID(), code: '1', label_token: DEMO.raw.areas[0]?.label_token }] }, 'already used by area'],
      [{ ...roomPayload(buildingId, '308', { room_type: 1 }), beds: [{ id: randomUUID(), code: '1', label_token: DEMO.raw.assets[0]?.label_token }] }, 'already used by asset'],
    ]
    for (const [payload, detail] of cases) {
      const r = await dormOp(db, U.dormManager, 'dorm_room.upsert', randomUUID(), payload)
      expect(r, detail).toMatchObject({ status: 'refused', reason: 'invalid' })
      expect(r.detail, detail).toContain(detail)
    }
    // The other way round: an area may not take a bed's token either.
    const area = await dormOp(db, U.adminHead, 'area.upsert', randomUUID(), {
      site_id: HQ,
      name: '抢标签的区域',
      area_type: 'office',
      frequency: 'daily',
      template_code: 'sanitation',
      label_token: beds[1]?.label_token,
    })
    expect(area).toMatchObject({ status: 'refused', reason: 'invalid', detail: 'label_token: already used by a bed' })
  })
})

describe('a stay: allocate, check in, check out', () => {
  it('reserved at allocation, occupied at the occupant\'s own check-in, vacant at check-out; refusals change nothing', async () => {
    const { beds } = await makeRoom(db, U.dormManager, SZ)
    const bedId = beds[0]?.id as string
    const a = allocation(U.employee, { department_id: DEMO.departments.LOG, shift: '白班' })
    expect((await bedOp(db, U.employee, bedId, 'allocate', allocation(U.employee))).status).toBe('refused')
    expect(await bedOp(db, U.dormManager, bedId, 'allocate', a)).toMatchObject({ status: 'applied' })
    expect(await bed(bedId)).toMatchObject({ status: 'reserved', stay_id: a.stay_id, occupant_id: U.employee })

    // Someone else may not check in on their stay; a stay of another bed is not found; bad types are invalid.
    expect(await bedOp(db, U.cleaner, bedId, 'check_in', { stay_id: a.stay_id, occupant_id: U.employee })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await bedOp(db, U.employee, beds[1]?.id as string, 'check_in', { stay_id: a.stay_id, occupant_id: U.employee })).toMatchObject({ reason: 'not_found' })
    expect(await bedOp(db, U.dormManager, bedId, 'sleep', {})).toMatchObject({ reason: 'invalid' })
    expect(await bedOp(db, U.dormManager, bedId, 'allocate', { ...allocation(U.employee), ends_on: '2020-01-01' })).toMatchObject({ reason: 'invalid' })
    expect(await bedOp(db, U.dormManager, bedId, 'allocate', { ...allocation(U.employee), extra: 1 })).toMatchObject({ reason: 'invalid' })
    expect(await bed(bedId)).toMatchObject({ status: 'reserved', stay_id: a.stay_id })

    expect(await bedOp(db, U.employee, bedId, 'check_in', { stay_id: a.stay_id, occupant_id: U.employee })).toMatchObject({ status: 'applied' })
    expect(await bed(bedId)).toMatchObject({ status: 'occupied', occupant_id: U.employee })
    expect(await stay(a.stay_id)).toMatchObject({ status: 'active' })
    expect(await bedOp(db, U.dormManager, bedId, 'check_out', { stay_id: a.stay_id })).toMatchObject({ status: 'applied' })
    expect(await bed(bedId)).toMatchObject({ status: 'vacant', stay_id: null, occupant_id: null })
    expect(await stay(a.stay_id)).toMatchObject({ status: 'ended' })
    await expectSameAsDomain(bedId)
  })

  it('a bed under repair is not vacant; an allocation anyway is kept and flagged', async () => {
    const { beds } = await makeRoom(db, U.dormManager, SZ)
    const bedId = beds[0]?.id as string
    expect(await bedOp(db, U.dormManager, bedId, 'repair_start', { note: '床板断裂' })).toMatchObject({ status: 'applied' })
    expect(await bed(bedId)).toMatchObject({ status: 'under_repair' })
    const r = await bedOp(db, U.dormManager, bedId, 'allocate', allocation(U.employee))
    expect(r).toMatchObject({ status: 'flagged', detail: 'dorms.flags.inRepair' })
    expect(await bed(bedId)).toMatchObject({ status: 'reserved', has_conflict: true })
    await bedOp(db, U.dormManager, bedId, 'repair_end', {})
    expect(await bed(bedId)).toMatchObject({ status: 'reserved', has_conflict: false })
    await expectSameAsDomain(bedId)
  })

  it('an allocation against the room\'s gender is kept and flagged', async () => {
    const { beds } = await makeRoom(db, U.dormManager, SZ)
    const r = await bedOp(db, U.dormManager, beds[0]?.id as string, 'allocate', allocation(U.employee, { gender: 'female' }))
    expect(r).toMatchObject({ status: 'flagged', detail: 'dorms.flags.genderMismatch' })
    expect(await bed(beds[0]?.id as string)).toMatchObject({ status: 'reserved' })
  })
})

describe('no double booking: two managers allocate one bed offline', () => {
  it('both allocations are kept, the bed is flagged, one manager resolves it', async () => {
    const { beds } = await makeRoom(db, U.dormManager, SZ)
    const bedId = beds[0]?.id as string
    const other = await makeUser(db, 'employee', SZ, 'other')
    const first = allocation(U.employee)
    const second = allocation(other)
    // The later allocation (by device time) reaches the server first; the earlier one arrives after.
    const t1 = new Date(Date.now() - 20 * 60_000).toISOString()
    const t2 = new Date(Date.now() - 10 * 60_000).toISOString()
    expect(await bedOp(db, U.adminHead, bedId, 'allocate', second, t2)).toMatchObject({ status: 'applied' })
    expect(await bedOp(db, U.dormManager, bedId, 'allocate', first, t1)).toMatchObject({ status: 'flagged', detail: 'dorms.flags.doubleBooking' })
    const b = await bed(bedId)
    expect(b).toMatchObject({ status: 'reserved', stay_id: first.stay_id, has_conflict: true })
    expect(b.conflicts).toHaveLength(1)
    expect(b.conflicts[0]).toMatchObject({ kind: 'double_booking', stay_ids: [first.stay_id, second.stay_id], open: true })
    expect(await stay(first.stay_id)).toEqual({ status: 'reserved', contested: true })
    expect(await stay(second.stay_id)).toEqual({ status: 'reserved', contested: true })
    const flagged = await db.query<{ flagged: boolean }>('select flagged from public.dorm_bed_events where bed_id = $1 and stay_id = $2', [bedId, second.stay_id])
    expect(flagged).toEqual([{ flagged: true }])
    await expectSameAsDomain(bedId)

    // The employee may not resolve; the dorm manager keeps the second allocation.
    const conflictId = b.conflicts[0]?.id as string
    expect(await bedOp(db, other, bedId, 'resolve_conflict', { conflict_ids: [conflictId], keep_stay_id: second.stay_id })).toMatchObject({ reason: 'forbidden' })
    expect(await bedOp(db, U.dormManager, bedId, 'resolve_conflict', { conflict_ids: [randomUUID()], keep_stay_id: null })).toMatchObject({ reason: 'not_found' })
    expect(await bedOp(db, U.dormManager, bedId, 'resolve_conflict', { conflict_ids: [conflictId], keep_stay_id: second.stay_id })).toMatchObject({ status: 'applied' })
    expect(await bed(bedId)).toMatchObject({ status: 'reserved', stay_id: second.stay_id, occupant_id: other, has_conflict: false })
    expect(await stay(first.stay_id)).toEqual({ status: 'cancelled', contested: false })
    await expectSameAsDomain(bedId)
  })

  it('the SQL fold equals the domain\'s on mixed sequences (check-in by a contender, cancel, early-clock resolution)', async () => {
    const { beds } = await makeRoom(db, U.dormManager, SZ)
    const other = await makeUser(db, 'employee', SZ, 'other2')
    const base = Date.now() - 60 * 60_000
    const at = (m: number) => new Date(base + m * 60_000).toISOString()
    // Bed 1: A and B both allocated; B checks in (holds the bed); A checks in too; then A checks out.
    const [b1, b2] = [beds[0]?.id as string, beds[1]?.id as string]
    const A = allocation(U.employee)
    const B = allocation(other)
    await bedOp(db, U.dormManager, b1, 'allocate', A, at(1))
    await bedOp(db, U.adminHead, b1, 'allocate', B, at(2))
    await bedOp(db, other, b1, 'check_in', { stay_id: B.stay_id, occupant_id: other }, at(3))
    expect(await bed(b1)).toMatchObject({ status: 'occupied', stay_id: B.stay_id, has_conflict: true })
    await expectSameAsDomain(b1)
    await bedOp(db, U.employee, b1, 'check_in', { stay_id: A.stay_id, occupant_id: U.employee }, at(4))
    await expectSameAsDomain(b1)
    await bedOp(db, U.employee, b1, 'check_out', { stay_id: A.stay_id }, at(5))
    expect(await bed(b1)).toMatchObject({ status: 'occupied', stay_id: B.stay_id, has_conflict: false })
    await expectSameAsDomain(b1)
    // Bed 2: a cancel hands the bed to the other allocation; a resolution timed before the conflict closes it.
    const C = allocation(U.employee)
    const D = allocation(other)
    await bedOp(db, U.dormManager, b2, 'allocate', C, at(10))
    const dEvent = randomUUID()
    await bedOp(db, U.adminHead, b2, 'allocate', D, at(11), dEvent)
    await bedOp(db, U.dormManager, b2, 'resolve_conflict', { conflict_ids: [dEvent], keep_stay_id: null }, at(9))
    await expectSameAsDomain(b2)
    await bedOp(db, U.dormManager, b2, 'cancel', { stay_id: C.stay_id }, at(12))
    expect(await bed(b2)).toMatchObject({ status: 'reserved', stay_id: D.stay_id })
    await expectSameAsDomain(b2)
  })
})

describe('who sees what', () => {
  it('an employee sees their own stay, their room, its beds and building; not another\'s stay or another room', async () => {
    const { roomId, beds, buildingId } = await makeRoom(db, U.dormManager, SZ)
    const me = await makeUser(db, 'employee', SZ, 'me')
    const mate = await makeUser(db, 'employee', SZ, 'mate')
    const outsider = await makeUser(db, 'employee', SZ, 'outsider')
    const mine = allocation(me)
    const theirs = allocation(mate)
    await bedOp(db, U.dormManager, beds[0]?.id as string, 'allocate', mine)
    await bedOp(db, U.dormManager, beds[1]?.id as string, 'allocate', theirs)
    const other = await makeRoom(db, U.dormManager, SZ)

    const seen = (user: string, sql: string, params: unknown[] = []) => db.asUser(user, (q) => q<{ id: string }>(sql, params))
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort()
    expect(ids(await seen(me, 'select id from public.dorm_stays where room_id = $1', [roomId]))).toEqual([mine.stay_id])
    expect(ids(await seen(me, 'select id from public.dorm_rooms'))).toEqual([roomId])
    expect(ids(await seen(me, 'select id from public.dorm_buildings'))).toEqual([buildingId])
    const bedsSeen = await db.asUser(me, (q) => q<{ id: string; occupant_id: string | null }>('select id, occupant_id from public.dorm_beds where room_id = $1 order by code', [roomId]))
    expect(bedsSeen.map((b) => b.occupant_id)).toEqual([me, mate, null, null])
    expect(await seen(me, 'select id from public.dorm_beds where room_id = $1', [other.roomId])).toEqual([])
    // Roommates' events (and so their dates) stay private; one's own are visible.
    expect((await seen(me, 'select id from public.dorm_bed_events where bed_id = $1', [beds[1]?.id])).length).toBe(0)
    expect((await seen(me, 'select id from public.dorm_bed_events where bed_id = $1', [beds[0]?.id])).length).toBe(1)
    // An outsider sees nothing of it; the dorm manager and the admin head see all of it.
    for (const t of ['dorm_buildings', 'dorm_rooms', 'dorm_beds', 'dorm_stays', 'dorm_bed_events']) {
      expect(await seen(outsider, `select id from public.${t}`), t).toEqual([])
    }
    expect((await seen(U.dormManager, 'select id from public.dorm_stays where room_id = $1', [roomId])).length).toBe(2)
    expect((await seen(U.adminHead, 'select id from public.dorm_beds where room_id = $1', [other.roomId])).length).toBe(4)
    // The pull gives the employee the same, and nothing else of the dormitories.
    const { changes } = await pullAll(db, me, null)
    const pulled = changes.filter((c) => c.table.startsWith('dorm_') && c.row !== null)
    expect(new Set(pulled.filter((c) => c.table === 'dorm_rooms').map((c) => c.id))).toEqual(new Set([roomId]))
    expect(pulled.filter((c) => c.table === 'dorm_stays').every((c) => (c.row as { occupant_id: string }).occupant_id === me)).toBe(true)
    // A dorm manager scoped to the other site sees none of this site's dormitories.
    const hqManager = await makeUser(db, 'dorm_manager', HQ, 'hq-dorm')
    expect(await seen(hqManager, 'select id from public.dorm_rooms where id = $1', [roomId])).toEqual([])
    expect(await dormOp(db, hqManager, 'dorm_room.upsert', randomUUID(), roomPayload(buildingId, '999', { room_type: 1 }))).toMatchObject({ reason: 'forbidden' })
    expect(newLabelToken()).toHaveLength(17)
  })
})

describe('入住申请 on the requests engine', () => {
  const form = (over: Record<string, unknown> = {}) => ({
    reason: '新入职，家在外地',
    gender: 'male',
    move_in_at: '2026-12-05T09:00:00+08:00',
    move_out_at: null,
    shift: '夜班',
    preferences: null,
    ...over,
  })
  const submit = async (user: string, f = form()) => {
    const id = randomUUID()
    const r = await dormOp(db, user, 'request.submit', id, { event_id: randomUUID(), type: 'dorm_stay', form: f, photo_ids: [] })
    return { id, r }
  }
  const req = async (id: string) =>
    (await db.query<{ status: string; waiting_role: string | null; fulfiller_role: string; fulfilled_by: string | null }>('select status, waiting_role, fulfiller_role, fulfilled_by from public.requests where id = $1', [id]))[0]

  it('the employee applies, the admin head approves, the dorm manager sees it and allocates from it: carried out', async () => {
    const applicant = await makeUser(db, 'employee', SZ, 'applicant')
    await db.query('update public.profiles set site_id = $1 where id = $2', [SZ, applicant])
    expect(await dormOp(db, applicant, 'request.submit', randomUUID(), { event_id: randomUUID(), type: 'dorm_stay', form: form({ gender: 'other' }), photo_ids: [] })).toMatchObject({ reason: 'invalid' })
    const { id, r } = await submit(applicant)
    expect(r.status).toBe('applied')
    expect(await req(id)).toMatchObject({ status: 'pending', waiting_role: 'admin_head', fulfiller_role: 'dorm_manager' })
    const seenByManager = () => db.asUser(U.dormManager, (q) => q<{ id: string }>('select id from public.requests where id = $1', [id]))
    expect(await seenByManager()).toEqual([])
    // Allocating from an application not approved yet: kept, flagged for the manager.
    const { beds } = await makeRoom(db, U.dormManager, SZ)
    const early = await bedOp(db, U.dormManager, beds[3]?.id as string, 'allocate', allocation(applicant, { request_id: id }))
    expect(early).toMatchObject({ status: 'flagged', detail: 'dorms.flags.requestNotApproved' })

    expect(await dormOp(db, U.adminHead, 'request.act', randomUUID(), { request_id: id, action: 'approve', step: 0, revision: 1 })).toMatchObject({ status: 'applied' })
    expect(await req(id)).toMatchObject({ status: 'approved', fulfilled_by: null })
    expect(await seenByManager()).toEqual([{ id }])
    expect(await bedOp(db, U.dormManager, beds[0]?.id as string, 'allocate', allocation(applicant, { request_id: id, shift: '夜班' }))).toMatchObject({ status: 'applied' })
    expect(await req(id)).toMatchObject({ status: 'approved', fulfilled_by: U.dormManager })
    // Another kind of application cannot be carried out by a bed.
    const seal = randomUUID()
    await dormOp(db, applicant, 'request.submit', seal, {
      event_id: randomUUID(),
      type: 'seal_use',
      form: { document_title: '合同', document_type: 'contract', copies: 1, seal_name: '公章', purpose: '签约', mode: 'stamp_here', due_at: null },
      photo_ids: [],
    })
    expect(await bedOp(db, U.dormManager, beds[1]?.id as string, 'allocate', allocation(applicant, { request_id: seal }))).toMatchObject({ reason: 'invalid' })
  })
})
