import { describe, expect, it } from 'vitest'
import {
  DORM_ERROR_KEYS,
  allocationWarnings,
  bedEventSchema,
  buildingSchema,
  flaggedEventIds,
  foldBedEvents,
  formatFen,
  occupancyByFloor,
  parseYuan,
  roomSchema,
  suggestBeds,
  type BedEvent,
  type BedEventInput,
  type BedView,
} from '@/features/dorms/domain'
import { newLabelToken } from '@/features/assets/domain/labelToken'

const BED = '11111111-1111-4111-8111-111111111111'
const MGR_A = '22222222-2222-4222-8222-222222222222'
const MGR_B = '33333333-3333-4333-8333-333333333333'
const ANNA = '44444444-4444-4444-8444-444444444444'
const BO = '55555555-5555-4555-8555-555555555555'
let n = 0
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 8, minute)).toISOString()

function ev(type: BedEventInput['type'], minute: number, payload: Record<string, unknown>, actor = MGR_A): BedEvent {
  const r = bedEventSchema.safeParse({ id: id(), bed_id: BED, actor_id: actor, device_time: at(minute), type, payload })
  if (!r.success) throw new Error(JSON.stringify(r.error.issues))
  return r.data
}
const allocate = (stay: string, occupant: string, minute: number, actor = MGR_A) =>
  ev('allocate', minute, { stay_id: stay, occupant_id: occupant, gender: 'female', starts_on: '2026-03-01' }, actor)

describe('money is exact fen', () => {
  it('parses yuan text to integer fen and formats it back', () => {
    expect(parseYuan('650')).toBe(65000)
    expect(parseYuan('650.5')).toBe(65050)
    expect(parseYuan('¥ 0.10')).toBe(10)
    expect(parseYuan('0.29')).toBe(29) // 0.29 * 100 is 28.999… as a float
    expect(parseYuan('1.005')).toBeNull()
    expect(parseYuan('-3')).toBeNull()
    expect(parseYuan('abc')).toBeNull()
    expect(parseYuan('100001')).toBeNull()
    expect(formatFen(65050)).toBe('650.50')
    expect(formatFen(9)).toBe('0.09')
    expect(formatFen(-150)).toBe('-1.50')
  })
})

describe('rooms and buildings', () => {
  const bed = (code: string) => ({ id: id(), code, label_token: newLabelToken() })
  const room = (over: Record<string, unknown> = {}) => ({
    id: id(),
    building_id: id(),
    floor: 3,
    number: '301',
    room_type: 2,
    gender: 'male',
    fee_fen: 30000,
    furniture: [{ name: '空调', qty: 1 }],
    beds: [bed('1'), bed('2')],
    ...over,
  })

  it('accepts a 2-bed room with two labelled beds', () => {
    expect(roomSchema.safeParse(room()).success).toBe(true)
  })

  it('refuses a room whose beds do not match its type, repeat a code or a token, or a 3-bed type, with i18n keys', () => {
    const token = newLabelToken()
    const cases = [
      room({ beds: [bed('1')] }),
      room({ beds: [bed('1'), bed('1')] }),
      room({ beds: [{ ...bed('1'), label_token: token }, { ...bed('2'), label_token: token }] }),
      room({ room_type: 3, beds: [bed('1'), bed('2'), bed('3')] }),
      room({ gender: 'x', fee_fen: 1.5, beds: [{ id: 'x', code: 'bed one', label_token: 'nope' }, bed('2')] }),
    ]
    for (const c of cases) {
      const r = roomSchema.safeParse(c)
      expect(r.success).toBe(false)
      for (const issue of r.error?.issues ?? []) expect(DORM_ERROR_KEYS).toContain(issue.message)
    }
    expect(roomSchema.safeParse(room({ beds: [bed('1')] })).error?.issues[0]?.message).toBe('dorms.errors.bedCount')
  })

  it('checks a building', () => {
    expect(buildingSchema.safeParse({ id: id(), site_id: id(), name: '1 号宿舍楼', floors: 6, rules: '23:00 熄灯' }).success).toBe(true)
    const r = buildingSchema.safeParse({ id: id(), site_id: id(), name: ' ', floors: 0 })
    expect(r.error?.issues.map((i) => i.message).sort()).toEqual(['dorms.errors.range', 'dorms.errors.required'])
  })
})

describe('bed events', () => {
  it('refuse an allocation ending before it starts, and unknown fields of the wrong type, with i18n keys', () => {
    const r = bedEventSchema.safeParse({
      id: id(),
      bed_id: BED,
      actor_id: MGR_A,
      device_time: at(0),
      type: 'allocate',
      payload: { stay_id: id(), occupant_id: ANNA, gender: 'female', starts_on: '2026-03-10', ends_on: '2026-03-01' },
    })
    expect(r.error?.issues.map((i) => i.message)).toEqual(['dorms.errors.dateOrder'])
    const bad = bedEventSchema.safeParse({ id: 'x', bed_id: BED, actor_id: MGR_A, device_time: 'yesterday', type: 'allocate', payload: { gender: 'x', starts_on: '2026-02-30' } })
    expect(bad.success).toBe(false)
    for (const issue of bad.error?.issues ?? []) expect(DORM_ERROR_KEYS).toContain(issue.message)
  })
})

describe('a bed folded from its events', () => {
  it('is vacant, then reserved by an allocation, occupied at check-in, vacant again at check-out', () => {
    const s = id()
    const a = allocate(s, ANNA, 0)
    expect(foldBedEvents([])).toMatchObject({ status: 'vacant', stay_id: null })
    expect(foldBedEvents([a])).toMatchObject({ status: 'reserved', stay_id: s, occupant_id: ANNA, has_open_conflict: false })
    const inn = ev('check_in', 5, { stay_id: s, occupant_id: ANNA })
    expect(foldBedEvents([a, inn])).toMatchObject({ status: 'occupied', stay_id: s })
    const out = ev('check_out', 9, { stay_id: s })
    const done = foldBedEvents([out, inn, a])
    expect(done).toMatchObject({ status: 'vacant', stay_id: null, occupant_id: null })
    expect(done.stays).toEqual([{ id: s, occupant_id: ANNA, status: 'ended', allocated_at: at(0), checked_in_at: at(5), ended_at: at(9) }])
  })

  it('two managers allocating the same bed offline: both allocations kept, the bed flagged, one resolves it', () => {
    const first = id()
    const second = id()
    const a = allocate(first, ANNA, 1, MGR_A)
    const b = allocate(second, BO, 2, MGR_B)
    // Whatever order the devices' events arrive in, the same answer.
    for (const events of [
      [a, b],
      [b, a],
    ]) {
      const s = foldBedEvents(events)
      expect(s).toMatchObject({ status: 'reserved', stay_id: first, occupant_id: ANNA, has_open_conflict: true })
      expect(s.stays.map((x) => [x.id, x.status])).toEqual([
        [first, 'reserved'],
        [second, 'reserved'],
      ])
      expect(s.conflicts).toEqual([{ id: b.id, kind: 'double_booking', stay_ids: [first, second], device_time: at(2), resolved_by: null, open: true }])
      expect([...flaggedEventIds(s)]).toEqual([b.id])
    }
    // The manager keeps Bo: Anna's allocation is cancelled, not erased.
    const r = ev('resolve_conflict', 10, { conflict_ids: [b.id], keep_stay_id: second })
    const s = foldBedEvents([a, b, r])
    expect(s).toMatchObject({ status: 'reserved', stay_id: second, occupant_id: BO, has_open_conflict: false })
    expect(s.stays.map((x) => x.status)).toEqual(['cancelled', 'reserved'])
    expect(s.conflicts[0]).toMatchObject({ resolved_by: r.id, open: false })
    // Cancelling one of the two closes it too, and the other keeps (or gets) the bed.
    const c = foldBedEvents([a, b, ev('cancel', 11, { stay_id: first })])
    expect(c).toMatchObject({ status: 'reserved', stay_id: second, has_open_conflict: false })
    expect(c.conflicts[0]).toMatchObject({ resolved_by: null, open: false })
  })

  it('a contender who moves in holds the bed; a second person moving into an occupied bed does not', () => {
    const first = id()
    const second = id()
    const a = allocate(first, ANNA, 1)
    const b = allocate(second, BO, 2, MGR_B)
    const boIn = ev('check_in', 3, { stay_id: second, occupant_id: BO })
    expect(foldBedEvents([a, b, boIn])).toMatchObject({ status: 'occupied', stay_id: second, has_open_conflict: true })
    const annaIn = ev('check_in', 4, { stay_id: first, occupant_id: ANNA })
    const both = foldBedEvents([a, b, boIn, annaIn])
    expect(both).toMatchObject({ status: 'occupied', stay_id: second, has_open_conflict: true })
    expect(both.conflicts).toHaveLength(1)
    const resolved = foldBedEvents([a, b, boIn, annaIn, ev('resolve_conflict', 6, { conflict_ids: [b.id], keep_stay_id: second })])
    expect(resolved.stays.find((x) => x.id === first)?.status).toBe('ended')
    expect(resolved).toMatchObject({ status: 'occupied', stay_id: second, has_open_conflict: false })
  })

  it('a walk-in check-in without an allocation is a stay', () => {
    const s = id()
    expect(foldBedEvents([ev('check_in', 0, { stay_id: s, occupant_id: ANNA })])).toMatchObject({ status: 'occupied', stay_id: s, occupant_id: ANNA })
  })

  it('under repair: not allocatable; an allocation anyway is kept and flagged until the repair ends', () => {
    const s = id()
    const rep = ev('repair_start', 0, { note: '床板断裂' })
    expect(foldBedEvents([rep])).toMatchObject({ status: 'under_repair', in_repair: true })
    const a = allocate(s, ANNA, 1)
    const st = foldBedEvents([rep, a])
    expect(st).toMatchObject({ status: 'reserved', stay_id: s, has_open_conflict: true })
    expect(st.conflicts[0]).toMatchObject({ kind: 'in_repair', stay_ids: [s] })
    expect(foldBedEvents([rep, a, ev('repair_end', 2, {})])).toMatchObject({ status: 'reserved', has_open_conflict: false })
    expect(foldBedEvents([rep, ev('repair_end', 2, {})])).toMatchObject({ status: 'vacant' })
  })

  it('a resolution whose clock ran early still closes the conflict it names', () => {
    const first = id()
    const second = id()
    const a = allocate(first, ANNA, 5)
    const b = allocate(second, BO, 6)
    const r = ev('resolve_conflict', 1, { conflict_ids: [b.id], keep_stay_id: null })
    expect(foldBedEvents([a, b, r])).toMatchObject({ has_open_conflict: false })
  })
})

describe('allocation suggestions', () => {
  const ROOM_A = id()
  const ROOM_B = id()
  const ROOM_C = id()
  const DEPT = id()
  const view = (room: string, number: string, code: string, over: Partial<BedView> = {}): BedView => ({
    bed_id: id(),
    bed_code: code,
    room_id: room,
    room_number: number,
    floor: 3,
    building_id: 'b1',
    building_name: '1 号楼',
    room_gender: 'female',
    status: 'vacant',
    has_open_conflict: false,
    ...over,
  })
  const beds = [
    view(ROOM_A, '301', '2'),
    view(ROOM_B, '302', '1'),
    view(ROOM_B, '302', '2', { status: 'occupied' }),
    view(ROOM_C, '303', '1', { room_gender: 'male' }),
    view(ROOM_C, '303', '2', { room_gender: 'male', status: 'under_repair' }),
    view(ROOM_A, '301', '3', { has_open_conflict: true }),
  ]
  const mates = [
    { room_id: ROOM_B, department_id: DEPT, shift: '夜班' },
    { room_id: ROOM_A, department_id: id(), shift: '白班' },
  ]

  it('suggests vacant beds of the applicant gender, same department and shift together first, with reasons', () => {
    const s = suggestBeds(beds, mates, { gender: 'female', department_id: DEPT, shift: '夜班' })
    expect(s.map((x) => [x.bed.room_number, x.bed.bed_code, x.reasons])).toEqual([
      ['302', '1', ['sameDepartment', 'sameShift']],
      ['301', '2', []],
    ])
    const dayShift = suggestBeds(beds, mates, { gender: 'female', department_id: null, shift: '白班' })
    expect(dayShift.map((x) => x.bed.room_number)).toEqual(['301', '302'])
    expect(suggestBeds(beds, mates, { gender: 'male', department_id: null, shift: null }).map((x) => [x.bed.room_number, x.bed.bed_code, x.reasons])).toEqual([['303', '1', ['emptyRoom']]])
  })

  it('names what is wrong with a bed that is not suggested', () => {
    expect(allocationWarnings(beds[2] as BedView, { gender: 'female' })).toEqual(['notVacant'])
    expect(allocationWarnings(beds[3] as BedView, { gender: 'female' })).toEqual(['genderMismatch'])
    expect(allocationWarnings(beds[4] as BedView, { gender: 'male' })).toEqual(['inRepair'])
    expect(allocationWarnings(beds[5] as BedView, { gender: 'female' })).toEqual(['conflict'])
  })

  it('sums occupancy per floor with vacant beds by gender', () => {
    expect(occupancyByFloor(beds)).toEqual([
      { building_id: 'b1', floor: 3, vacant: { male: 1, female: 3 }, reserved: 0, occupied: 1, under_repair: 1, conflicts: 1, total: 6 },
    ])
  })
})

describe('messages', () => {
  it('translates every error and flag key of the domain in both languages', async () => {
    const { default: zh } = await import('@/shared/i18n/messages/zh-CN')
    const { default: en } = await import('@/shared/i18n/messages/en')
    const { DORM_FLAGS } = await import('@/features/dorms/domain')
    const get = (tree: unknown, key: string) => key.split('.').reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), tree)
    for (const key of [...DORM_ERROR_KEYS, ...Object.values(DORM_FLAGS)]) {
      expect(get(zh, key), key).toBeTypeOf('string')
      expect(get(en, key), key).toBeTypeOf('string')
    }
  })
})
