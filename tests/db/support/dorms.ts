// Helpers for the dormitories' db tests: a building with rooms and labelled beds, bed events as ops.
import { randomUUID } from 'node:crypto'
import { newLabelToken } from '@/features/assets/domain/labelToken'
import type { OpResult } from '../../../src/platform/sync/protocol'
import type { TestDb } from './database'
import { makeOp, push } from './sync'

export async function dormOp(db: TestDb, user: string, kind: string, id: string, payload: Record<string, unknown>, deviceTime?: string): Promise<OpResult> {
  const [r] = await push(db, user, [makeOp(kind, id, payload, deviceTime ? { device_time: deviceTime } : {})])
  if (!r) throw new Error('no result')
  return r
}

export function roomPayload(buildingId: string, number: string, over: Record<string, unknown> = {}) {
  const beds = Number(over.room_type ?? 4)
  return {
    building_id: buildingId,
    floor: 3,
    number,
    room_type: beds,
    gender: 'male',
    fee_fen: 30000,
    furniture: [{ name: '空调', qty: 1 }],
    beds: Array.from({ length: beds }, (_, i) => ({ id: randomUUID(), code: String(i + 1), label_token: newLabelToken() })),
    ...over,
  }
}

/** A building with one room as the user (a dorm manager); returns the ids. */
export async function makeRoom(db: TestDb, user: string, site: string, over: Record<string, unknown> = {}) {
  const buildingId = randomUUID()
  const b = await dormOp(db, user, 'dorm_building.upsert', buildingId, { site_id: site, name: `楼 ${buildingId.slice(0, 4)}`, floors: 6, rules: '23:00 熄灯' })
  if (b.status !== 'applied') throw new Error(JSON.stringify(b))
  const roomId = randomUUID()
  const payload = roomPayload(buildingId, '301', over)
  const r = await dormOp(db, user, 'dorm_room.upsert', roomId, payload)
  if (r.status !== 'applied') throw new Error(JSON.stringify(r))
  return { buildingId, roomId, beds: payload.beds as { id: string; code: string; label_token: string }[] }
}

export function bedOp(db: TestDb, user: string, bedId: string, type: string, payload: Record<string, unknown>, deviceTime?: string, eventId = randomUUID()) {
  return dormOp(db, user, 'dorm_bed.record', eventId, { bed_id: bedId, type, payload }, deviceTime)
}

export const allocation = (occupant: string, over: Record<string, unknown> = {}) => ({
  stay_id: randomUUID(),
  occupant_id: occupant,
  gender: 'male',
  starts_on: '2026-03-01',
  ...over,
})

/** Device times in the past (the server flags a clock more than 1 h ahead): minutes after a start `hoursBack` ago. */
export function pastClock(hoursBack = 6): (minutes: number) => string {
  const t0 = Date.now() - hoursBack * 3600_000
  return (minutes) => new Date(t0 + minutes * 60_000).toISOString()
}
