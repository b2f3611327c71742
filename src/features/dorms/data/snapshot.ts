/**
 * What the dormitory screens read, in one pass over the device's tables: buildings, rooms, live beds
 * with their place, live stays (for roommates and suggestions), people's names and departments.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { DormAbsenceRow, DormBedRow, DormBuildingRow, DormRoomRow, DormStayRow } from '@/platform/db/rows'
import { openAbsences } from './absences'
import { loadDirectory, type Directory } from '@/features/assets'
import type { BedView, Roommate } from '../domain/allocation'
import { bedNumber } from '../domain/rooms'
import { isAway } from '../domain/absence'
import { calendarDate } from '@/shared/lib/zonedTime'
import { byName } from '@/shared/lib/byName'

export interface DormSnapshot {
  buildings: DormBuildingRow[]
  rooms: Map<string, DormRoomRow>
  beds: DormBedRow[]
  /** Reserved or active stays by id. */
  liveStays: Map<string, DormStayRow>
  views: BedView[]
  directory: Directory
  /** 长期外出 not yet ended, by stay id (the earliest when two were recorded). */
  absences: Map<string, DormAbsenceRow>
}

const live = <T extends { deleted_at: string | null }>(rows: T[]) => rows.filter((r) => r.deleted_at === null)

export function bedView(bed: DormBedRow, room: DormRoomRow, building: DormBuildingRow | undefined, away = false): BedView {
  return {
    bed_id: bed.id,
    bed_code: bed.code,
    room_id: room.id,
    room_number: room.number,
    floor: room.floor,
    building_id: room.building_id,
    building_name: building?.name ?? '',
    room_gender: room.gender,
    status: bed.status,
    has_open_conflict: bed.has_conflict,
    away,
  }
}

export async function loadDormSnapshot(database: AdminFieldDb): Promise<DormSnapshot> {
  const [buildings, rooms, beds, stays, directory, absences] = await Promise.all([
    database.dorm_buildings.toArray(),
    database.dorm_rooms.toArray(),
    database.dorm_beds.toArray(),
    database.dorm_stays.where('status').anyOf('reserved', 'active').toArray(),
    loadDirectory(database),
    openAbsences(database),
  ])
  const liveBuildings = live(buildings).sort(byName)
  const byBuilding = new Map(liveBuildings.map((b) => [b.id, b]))
  const roomMap = new Map(live(rooms).map((r) => [r.id, r]))
  const liveBeds = live(beds).filter((b) => roomMap.has(b.room_id))
  const today = calendarDate(new Date())
  const awayNow = (b: DormBedRow) => {
    const a = b.stay_id ? absences.get(b.stay_id) : undefined
    return a !== undefined && isAway(a, today)
  }
  const views = liveBeds.map((b) => bedView(b, roomMap.get(b.room_id) as DormRoomRow, byBuilding.get(b.building_id), awayNow(b)))
  return { buildings: liveBuildings, rooms: roomMap, beds: liveBeds, liveStays: new Map(live(stays).map((s) => [s.id, s])), views, directory, absences }
}

/** People with a live stay, per room: the suggestions' "who is there already". */
export function roommatesOf(snapshot: DormSnapshot): Roommate[] {
  return [...snapshot.liveStays.values()].map((s) => ({ room_id: s.room_id, department_id: s.department_id, shift: s.shift }))
}

/** Printed number of a bed: building, room and bed. */
export function bedLabelNumber(snapshot: Pick<DormSnapshot, 'rooms' | 'buildings'>, bed: DormBedRow): string {
  const room = snapshot.rooms.get(bed.room_id)
  const building = snapshot.buildings.find((b) => b.id === bed.building_id)
  return bedNumber(building?.name ?? '', room?.number ?? '', bed.code)
}
