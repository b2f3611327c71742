/**
 * Runs in Chromium (served by the Vite dev server): a large dormitory in real IndexedDB — 200 rooms,
 * 1,000 beds and five years of stays with their bed events — then times, with the app's own code, what
 * the occupancy view reads and computes when it opens (the snapshot, then the per-floor figures).
 */
import { openDb, type AdminFieldDb } from '@/platform/db'
import type { DormBedEventRow, DormBedRow, DormBuildingRow, DormRoomRow, DormStayRow } from '@/platform/db/rows'
import { loadDormSnapshot } from '@/features/dorms/data/snapshot'
import { occupancyByFloor } from '@/features/dorms/domain/allocation'

declare global {
  interface Window {
    seedDorms(rooms: number, years: number): Promise<{ rooms: number; beds: number; stays: number; events: number; seedMs: number }>
    measureOccupancy(runs: number): Promise<{ samples: number[]; floors: number; beds: number }>
  }
}

let db: AdminFieldDb
const SITE = crypto.randomUUID()
const PEOPLE = Array.from({ length: 600 }, () => crypto.randomUUID())

window.seedDorms = async (roomCount, years) => {
  db = openDb(`bench-dorms-${crypto.randomUUID()}`)
  const t0 = performance.now()
  const stamp = new Date().toISOString()
  const buildings: DormBuildingRow[] = [0, 1, 2, 3].map((i) => ({ id: crypto.randomUUID(), site_id: SITE, name: `${i + 1} 号楼`, floors: 10, rules: null, updated_at: stamp, deleted_at: null }))
  const rooms: DormRoomRow[] = []
  const beds: DormBedRow[] = []
  const stays: DormStayRow[] = []
  const events: DormBedEventRow[] = []
  const day = 86_400_000
  const start = Date.UTC(2021, 11, 1)
  for (let r = 0; r < roomCount; r++) {
    const building = buildings[r % buildings.length]!
    const floor = 1 + Math.floor(r / buildings.length / 5)
    const room: DormRoomRow = {
      id: crypto.randomUUID(), building_id: building.id, site_id: SITE, floor, number: `${floor}${String(r % 5 + 1).padStart(2, '0')}`,
      room_type: 6, gender: r % 3 === 0 ? 'female' : 'male', fee_fen: 20000, furniture: [], updated_at: stamp, deleted_at: null,
    }
    rooms.push(room)
    for (let b = 0; b < 5; b++) {
      const bedId = crypto.randomUUID()
      let t = start + ((r * 5 + b) % 90) * day
      let current: DormStayRow | null = null
      // A stay of about half a year after another, for `years` years; the last one still lived in (mostly).
      for (let k = 0; t < start + years * 365 * day; k++) {
        const occupant = PEOPLE[(r * 5 + b + k * 7) % PEOPLE.length]!
        const end = t + (150 + ((r + b + k) % 60)) * day
        const ongoing = end >= start + years * 365 * day && (r + b) % 5 !== 0
        const s: DormStayRow = {
          id: crypto.randomUUID(), bed_id: bedId, room_id: room.id, building_id: building.id, site_id: SITE, occupant_id: occupant, gender: room.gender,
          department_id: null, shift: k % 2 ? '夜班' : '白班', starts_on: new Date(t).toISOString().slice(0, 10), ends_on: null, request_id: null,
          allocated_by: PEOPLE[0]!, allocated_at: new Date(t - day).toISOString(), status: ongoing ? 'active' : 'ended', checked_in_at: new Date(t).toISOString(),
          ended_at: ongoing ? null : new Date(end).toISOString(), contested: false, updated_at: stamp, deleted_at: null,
        }
        stays.push(s)
        const ev = (type: DormBedEventRow['type'], at: number): DormBedEventRow => ({
          id: crypto.randomUUID(), bed_id: bedId, site_id: SITE, stay_id: s.id, type, actor_id: PEOPLE[0]!, device_time: new Date(at).toISOString(), server_time: null,
          payload: { stay_id: s.id, occupant_id: occupant }, photo_ids: [], flagged: false, updated_at: stamp, deleted_at: null,
        } as DormBedEventRow)
        events.push(ev('allocate', t - day), ev('check_in', t))
        if (!ongoing) events.push(ev('check_out', end))
        current = ongoing ? s : null
        t = end + 3 * day
      }
      beds.push({
        id: bedId, room_id: room.id, building_id: building.id, site_id: SITE, code: String(b + 1), label_token: `BENCH${String(r * 5 + b).padStart(12, '0')}`,
        status: current ? 'occupied' : 'vacant', stay_id: current?.id ?? null, occupant_id: current?.occupant_id ?? null, in_repair: false, has_conflict: false, conflicts: [],
        updated_at: stamp, deleted_at: null,
      } as DormBedRow)
    }
  }
  await db.transaction('rw', [db.dorm_buildings, db.dorm_rooms, db.dorm_beds, db.dorm_stays, db.dorm_bed_events], async () => {
    await db.dorm_buildings.bulkAdd(buildings)
    await db.dorm_rooms.bulkAdd(rooms)
    await db.dorm_beds.bulkAdd(beds)
    await db.dorm_stays.bulkAdd(stays)
    await db.dorm_bed_events.bulkAdd(events)
  })
  return { rooms: rooms.length, beds: beds.length, stays: stays.length, events: events.length, seedMs: performance.now() - t0 }
}

window.measureOccupancy = async (runs) => {
  const samples: number[] = []
  let floors = 0
  let bedCount = 0
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const snapshot = await loadDormSnapshot(db)
    const summary = occupancyByFloor(snapshot.views)
    samples.push(performance.now() - t0)
    floors = summary.length
    bedCount = snapshot.views.length
  }
  return { samples, floors, beds: bedCount }
}
