/**
 * The room and building editor's rules (the server's twin: supabase/migrations/20261202170300_dorm_editor.sql
 * and dorm_room.upsert): a room's floor within its building, a room number once per building, beds
 * resized with the room type (kept beds keep their labels; new ones get new labels), a bed someone
 * holds never dropped; a room or building in use never taken out of use.
 */
import { roomSchema, buildingSchema, defaultBedCodes, type BuildingInput, type RoomInput } from './rooms'
import { E } from './fields'

export interface EditorIssue {
  field: string
  message: string
}

const issuesOf = (error: { issues: { path: PropertyKey[]; message: string }[] }): EditorIssue[] =>
  error.issues.map((i) => ({ field: String(i.path[0] ?? '_'), message: i.message }))

export interface EditorBed {
  id: string
  code: string
  label_token: string
}

/**
 * The beds of a room of `count` beds: the first `count` of the current ones (their ids and labels kept),
 * then new ones with the next free numbers and new labels.
 */
export function resizeBeds(current: readonly EditorBed[], count: number, newId: () => string, newToken: () => string): EditorBed[] {
  const kept = current.slice(0, count).map((b) => ({ ...b }))
  const used = new Set(kept.map((b) => b.code))
  const free = defaultBedCodes(count + current.length).filter((c) => !used.has(c))
  while (kept.length < count) kept.push({ id: newId(), code: free.shift() ?? String(kept.length + 1), label_token: newToken() })
  return kept
}

export interface RoomContext {
  /** The building's floors (rooms go on 1..floors, or a basement -1..-3). */
  floors: number
  /** The numbers of the building's other rooms in use. */
  otherNumbers: readonly string[]
  /** Beds of this room someone holds or is about to take (they cannot be dropped). */
  heldBedIds: readonly string[]
}

export type Checked<T> = { ok: true; value: T } | { ok: false; issues: EditorIssue[] }

export function checkRoom(input: RoomInput, ctx: RoomContext): Checked<ReturnType<typeof roomSchema.parse>> {
  const parsed = roomSchema.safeParse(input)
  const issues = parsed.success ? [] : issuesOf(parsed.error)
  if (typeof input.floor === 'number' && input.floor > ctx.floors) issues.push({ field: 'floor', message: E.floorAbove })
  const number = String(input.number ?? '').trim().toUpperCase()
  if (number && ctx.otherNumbers.some((n) => n.trim().toUpperCase() === number)) issues.push({ field: 'number', message: E.numberTaken })
  const kept = new Set((input.beds ?? []).map((b) => b.id))
  if (ctx.heldBedIds.some((id) => !kept.has(id))) issues.push({ field: 'beds', message: E.bedHeld })
  if (!parsed.success || issues.length) return { ok: false, issues }
  return { ok: true, value: parsed.data }
}

export function checkBuilding(input: BuildingInput, topRoomFloor: number | null): Checked<ReturnType<typeof buildingSchema.parse>> {
  const parsed = buildingSchema.safeParse(input)
  const issues = parsed.success ? [] : issuesOf(parsed.error)
  if (topRoomFloor !== null && typeof input.floors === 'number' && input.floors < topRoomFloor) issues.push({ field: 'floors', message: E.floorsBelowRooms })
  if (!parsed.success || issues.length) return { ok: false, issues }
  return { ok: true, value: parsed.data }
}

/** Why a room cannot be taken out of use now, or null. */
export function roomDeleteBlock(heldBedIds: readonly string[]): string | null {
  return heldBedIds.length ? E.inUse : null
}

/** Why a building cannot be taken out of use now, or null. */
export function buildingDeleteBlock(roomsInUse: number): string | null {
  return roomsInUse > 0 ? E.hasRooms : null
}
