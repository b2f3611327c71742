/**
 * Allocation rules (分配床位) and suggestions: a bed goes to someone of the room's gender; people of
 * the same department or shift sleep together; only vacant beds are suggested (a bed reserved,
 * occupied, under repair or in an open conflict is not). The manager may still choose another bed:
 * `allocationWarnings` says what is wrong with it, and the fact is kept and flagged, never refused.
 */
import type { BedStatus, Gender } from './rooms'

export interface BedView {
  bed_id: string
  bed_code: string
  room_id: string
  room_number: string
  floor: number
  building_id: string
  building_name: string
  room_gender: Gender
  status: BedStatus
  has_open_conflict: boolean
  /** The resident is away (长期外出): the bed stays theirs. */
  away?: boolean
}

/** Someone with a live stay (reserved or active) in a room. */
export interface Roommate {
  room_id: string
  department_id: string | null
  shift: string | null
}

export interface Applicant {
  gender: Gender
  department_id: string | null
  shift: string | null
}

export type SuggestionReason = 'sameDepartment' | 'sameShift' | 'emptyRoom'

export interface Suggestion {
  bed: BedView
  score: number
  reasons: SuggestionReason[]
  /** Roommates already there (reserved or living in the room). */
  roommates: number
}

export type AllocationWarning = 'genderMismatch' | 'notVacant' | 'inRepair' | 'conflict'

/** What is wrong with giving this bed to this person (empty: nothing). */
export function allocationWarnings(bed: BedView, applicant: Pick<Applicant, 'gender'>): AllocationWarning[] {
  const out: AllocationWarning[] = []
  if (bed.room_gender !== applicant.gender) out.push('genderMismatch')
  if (bed.status === 'reserved' || bed.status === 'occupied') out.push('notVacant')
  if (bed.status === 'under_repair') out.push('inRepair')
  if (bed.has_open_conflict) out.push('conflict')
  return out
}

function placeOrder(a: BedView, b: BedView): number {
  return (
    a.building_name.localeCompare(b.building_name, 'zh-CN') ||
    a.floor - b.floor ||
    a.room_number.localeCompare(b.room_number, 'zh-CN', { numeric: true }) ||
    a.bed_code.localeCompare(b.bed_code, 'zh-CN', { numeric: true })
  )
}

/**
 * Vacant beds of the applicant's gender, best first: a roommate of the same department counts 2, of
 * the same shift 1 (each), so a department fills its rooms together; then by building, floor, room, bed.
 */
export function suggestBeds(beds: readonly BedView[], roommates: readonly Roommate[], applicant: Applicant, limit = 10): Suggestion[] {
  const byRoom = new Map<string, Roommate[]>()
  for (const r of roommates) byRoom.set(r.room_id, [...(byRoom.get(r.room_id) ?? []), r])
  const out: Suggestion[] = []
  for (const bed of beds) {
    if (allocationWarnings(bed, applicant).length > 0) continue
    const mates = byRoom.get(bed.room_id) ?? []
    const sameDept = applicant.department_id === null ? 0 : mates.filter((m) => m.department_id === applicant.department_id).length
    const sameShift = applicant.shift === null ? 0 : mates.filter((m) => m.shift === applicant.shift).length
    const reasons: SuggestionReason[] = []
    if (sameDept > 0) reasons.push('sameDepartment')
    if (sameShift > 0) reasons.push('sameShift')
    if (mates.length === 0) reasons.push('emptyRoom')
    out.push({ bed, score: sameDept * 2 + sameShift, reasons, roommates: mates.length })
  }
  return out.sort((a, b) => b.score - a.score || placeOrder(a.bed, b.bed)).slice(0, limit)
}

export interface FloorSummary {
  building_id: string
  floor: number
  vacant: Record<Gender, number>
  reserved: number
  occupied: number
  under_repair: number
  conflicts: number
  total: number
}

/** The occupancy view's figures per building and floor: vacant beds by gender at a glance. */
export function occupancyByFloor(beds: readonly BedView[]): FloorSummary[] {
  const map = new Map<string, FloorSummary>()
  for (const b of beds) {
    const key = `${b.building_id}:${b.floor}`
    let s = map.get(key)
    if (!s) map.set(key, (s = { building_id: b.building_id, floor: b.floor, vacant: { male: 0, female: 0 }, reserved: 0, occupied: 0, under_repair: 0, conflicts: 0, total: 0 }))
    s.total++
    if (b.status === 'vacant') s.vacant[b.room_gender]++
    else s[b.status]++
    if (b.has_open_conflict) s.conflicts++
  }
  return [...map.values()].sort((a, b) => a.building_id.localeCompare(b.building_id) || a.floor - b.floor)
}
