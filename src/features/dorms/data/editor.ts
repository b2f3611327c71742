/**
 * The room and building editor on the device: each save or removal is ONE transaction with its op
 * (dorm_building.upsert / dorm_room.upsert / dorm_room.delete / dorm_building.delete). A room's beds
 * are written with it: kept beds keep their derived state, new ones start vacant, dropped ones are
 * marked deleted (the server refuses dropping a bed someone holds; the page checks first).
 */
import type { AdminFieldDb } from '@/platform/db'
import type { DormBedRow, DormBuildingRow, DormRoomRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox } from '@/platform/sync/outbox'
import type { Building, Room } from '../domain/rooms'

const TABLES = ['dorm_buildings', 'dorm_rooms', 'dorm_beds'] as const

/** `draftKey` (here and in saveRoom): the editor's device draft (issue #12), dropped in the same transaction. */
export async function saveBuilding(database: AdminFieldDb, b: Building, now: Date = new Date(), draftKey: string | null = null): Promise<DormBuildingRow> {
  const row: DormBuildingRow = { id: b.id, site_id: b.site_id, name: b.name, floors: b.floors, rules: b.rules, updated_at: now.toISOString(), deleted_at: null }
  const payload: Record<string, unknown> = { site_id: b.site_id, name: b.name, floors: b.floors }
  if (b.rules) payload.rules = b.rules
  await commitWithOutbox(database, [...TABLES], buildOp('dorm_building.upsert', 'dorm_buildings', b.id, payload, now), async () => {
    await database.dorm_buildings.put(row)
  }, { draftKey })
  return row
}

export async function saveRoom(database: AdminFieldDb, r: Room, siteId: string, now: Date = new Date(), draftKey: string | null = null): Promise<DormRoomRow> {
  const stamp = now.toISOString()
  const row: DormRoomRow = { id: r.id, building_id: r.building_id, site_id: siteId, floor: r.floor, number: r.number, room_type: r.room_type, gender: r.gender, fee_fen: r.fee_fen, furniture: r.furniture, updated_at: stamp, deleted_at: null }
  const payload = { building_id: r.building_id, floor: r.floor, number: r.number, room_type: r.room_type, gender: r.gender, fee_fen: r.fee_fen, furniture: r.furniture, beds: r.beds }
  await commitWithOutbox(database, [...TABLES], buildOp('dorm_room.upsert', 'dorm_rooms', r.id, payload, now), async () => {
    await database.dorm_rooms.put(row)
    const current = await database.dorm_beds.where('room_id').equals(r.id).toArray()
    const keep = new Set(r.beds.map((b) => b.id))
    for (const old of current) if (!keep.has(old.id) && old.deleted_at === null) await database.dorm_beds.put({ ...old, deleted_at: stamp, updated_at: stamp })
    for (const b of r.beds) {
      const had = current.find((x) => x.id === b.id)
      const bed: DormBedRow = had
        ? { ...had, code: b.code, deleted_at: null, updated_at: stamp }
        : { id: b.id, room_id: r.id, building_id: r.building_id, site_id: siteId, code: b.code, label_token: b.label_token, status: 'vacant', stay_id: null, occupant_id: null, in_repair: false, has_conflict: false, conflicts: [], updated_at: stamp, deleted_at: null }
      await database.dorm_beds.put(bed)
    }
  }, { draftKey })
  return row
}

export async function deleteRoom(database: AdminFieldDb, roomId: string, now: Date = new Date()): Promise<void> {
  const stamp = now.toISOString()
  await commitWithOutbox(database, [...TABLES], buildOp('dorm_room.delete', 'dorm_rooms', roomId, {}, now), async () => {
    const room = await database.dorm_rooms.get(roomId)
    if (room) await database.dorm_rooms.put({ ...room, deleted_at: stamp, updated_at: stamp })
    for (const bed of await database.dorm_beds.where('room_id').equals(roomId).toArray()) {
      if (bed.deleted_at === null) await database.dorm_beds.put({ ...bed, deleted_at: stamp, updated_at: stamp })
    }
  })
}

export async function deleteBuilding(database: AdminFieldDb, buildingId: string, now: Date = new Date()): Promise<void> {
  const stamp = now.toISOString()
  await commitWithOutbox(database, [...TABLES], buildOp('dorm_building.delete', 'dorm_buildings', buildingId, {}, now), async () => {
    const b = await database.dorm_buildings.get(buildingId)
    if (b) await database.dorm_buildings.put({ ...b, deleted_at: stamp, updated_at: stamp })
  })
}
