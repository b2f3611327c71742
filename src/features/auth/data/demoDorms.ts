/**
 * Local mode's demo dormitory (demo-company.json "dorms", the same rows supabase/seed.sql makes):
 * one building at the plant, its rooms and labelled beds, the demo employee's allocation (to check
 * in) and two residents; each bed's state folded from its events as the server derives it.
 * No outbox entries: demo data is not a user's change. Adds what is missing, never overwrites.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { DormBedEventRow, DormBedRow, DormBuildingRow, DormRoomRow, DormStayRow } from '@/platform/db/rows'
import demo from '@/platform/demo/demo-company.json'
// The fold only (no zod): safe for the session chunk.
import { foldBedEvents } from '@/features/dorms/domain/bedFold'
import type { BedEvent } from '@/features/dorms/domain/bedEvents'

interface DemoDorms {
  buildings: Omit<DormBuildingRow, 'updated_at' | 'deleted_at'>[]
  rooms: (Omit<DormRoomRow, 'updated_at' | 'deleted_at' | 'site_id'> & { beds: { id: string; code: string; label_token: string }[] })[]
  stays: { id: string; bed_id: string; occupant_id: string; gender: 'male' | 'female'; department_id: string | null; shift: string | null; starts_on: string; checked_in: boolean }[]
  allocated_by: string
  allocated_at: string
  checked_in_at: string
}

const DORMS = (demo as { dorms?: DemoDorms }).dorms

/** The rows of the demo dormitory, derived state included. */
export function demoDormRows(stamp: string) {
  if (!DORMS) return { buildings: [], rooms: [], beds: [], stays: [], events: [] }
  const base = { updated_at: stamp, deleted_at: null }
  const site = new Map(DORMS.buildings.map((b) => [b.id, b.site_id]))
  const buildings: DormBuildingRow[] = DORMS.buildings.map((b) => ({ ...b, ...base }))
  const rooms: DormRoomRow[] = DORMS.rooms.map(({ beds: _beds, ...r }) => ({ ...r, site_id: site.get(r.building_id) ?? '', ...base }))
  const bedRoom = new Map<string, DormRoomRow>()
  const beds: DormBedRow[] = DORMS.rooms.flatMap((r) =>
    r.beds.map((b) => {
      bedRoom.set(b.id, rooms.find((x) => x.id === r.id) as DormRoomRow)
      return { ...b, room_id: r.id, building_id: r.building_id, site_id: site.get(r.building_id) ?? '', status: 'vacant' as const, stay_id: null, occupant_id: null, in_repair: false, has_conflict: false, conflicts: [], ...base }
    }),
  )
  const allocatedAt = new Date(DORMS.allocated_at).toISOString()
  const checkedInAt = new Date(DORMS.checked_in_at).toISOString()
  const stays: DormStayRow[] = DORMS.stays.map(({ checked_in: _c, ...s }) => {
    const room = bedRoom.get(s.bed_id) as DormRoomRow
    return { ...s, room_id: room.id, building_id: room.building_id, site_id: room.site_id, ends_on: null, request_id: null, allocated_by: DORMS.allocated_by, allocated_at: allocatedAt, status: 'reserved', checked_in_at: null, ended_at: null, contested: false, ...base }
  })
  const event = (s: DormStayRow, prefix: string, type: 'allocate' | 'check_in', at: string, actor: string, payload: Record<string, unknown>): DormBedEventRow => ({
    id: `${prefix}${s.id.slice(2)}`,
    bed_id: s.bed_id,
    site_id: s.site_id,
    stay_id: s.id,
    type,
    actor_id: actor,
    device_time: at,
    server_time: at,
    payload,
    photo_ids: [],
    flagged: false,
    ...base,
  })
  const events = stays.flatMap((s, i) => [
    event(s, 'd4', 'allocate', allocatedAt, DORMS.allocated_by, { stay_id: s.id, occupant_id: s.occupant_id, gender: s.gender, department_id: s.department_id, shift: s.shift, starts_on: s.starts_on, ends_on: null, request_id: null }),
    ...(DORMS.stays[i]?.checked_in ? [event(s, 'd5', 'check_in', checkedInAt, s.occupant_id, { stay_id: s.id, occupant_id: s.occupant_id })] : []),
  ])
  for (const bed of beds) {
    const state = foldBedEvents(events.filter((e) => e.bed_id === bed.id) as unknown as BedEvent[])
    Object.assign(bed, { status: state.status, stay_id: state.stay_id, occupant_id: state.occupant_id })
    for (const st of state.stays) {
      const row = stays.find((x) => x.id === st.id)
      if (row) Object.assign(row, { status: st.status, checked_in_at: st.checked_in_at, ended_at: st.ended_at })
    }
  }
  return { buildings, rooms, beds, stays, events }
}

export const DORM_SEED_TABLES = ['dorm_buildings', 'dorm_rooms', 'dorm_beds', 'dorm_stays', 'dorm_bed_events'] as const

/** Inside the seed transaction. */
export async function seedDemoDorms(database: AdminFieldDb, now: Date): Promise<void> {
  const rows = demoDormRows(now.toISOString())
  const add = async <R extends { id: string }>(table: { bulkGet(k: string[]): Promise<(R | undefined)[]>; bulkAdd(r: readonly R[]): Promise<unknown> }, list: R[]) => {
    const have = await table.bulkGet(list.map((r) => r.id))
    const missing = list.filter((_, i) => have[i] === undefined)
    if (missing.length) await table.bulkAdd(missing)
  }
  await add(database.dorm_buildings, rows.buildings)
  await add(database.dorm_rooms, rows.rooms)
  await add(database.dorm_beds, rows.beds)
  await add(database.dorm_stays, rows.stays)
  await add(database.dorm_bed_events, rows.events)
}
