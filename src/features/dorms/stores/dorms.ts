/**
 * The dormitories for the UI: the live snapshot (buildings, rooms, beds, live stays) from the device
 * database, the occupancy figures, and the dorm manager's acts on beds. Every act is one bed event
 * validated by the domain's schema and written with its op (data/bedWrite.ts).
 */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { getDb, observe } from '@/platform/db'
import type { DormAbsenceRow, DormStayRow } from '@/platform/db/rows'
import { useSessionStore } from '@/features/auth'
import { bedEventSchema, type BedEventInput } from '../domain/bedEvents'
import { occupancyByFloor } from '../domain/allocation'
import type { Gender } from '../domain/rooms'
import { loadDormSnapshot, type DormSnapshot } from '../data/snapshot'
import { recordBedEvent } from '../data/bedWrite'
import { recordRoomRepair } from '../data/roomRepair'
import { saveAbsence, saveReturn } from '../data/absences'
import { absenceReturnSchema, absenceSchema, type AbsenceInput } from '../domain/absence'
import { roomRepairPlan, type RoomRepairPlan } from '../domain/roomRepair'

export interface Allocation {
  bedId: string
  occupantId: string
  gender: Gender
  departmentId: string | null
  shift: string | null
  startsOn: string
  endsOn: string | null
  requestId: string | null
  note?: string | null
  /** The allocation form's device draft, dropped in the same transaction. */
  draftKey?: string | null
}

/** Thrown with the i18n error keys when an act does not pass the domain's schema; `fields`: the payload field of each. */
export class DormInputError extends Error {
  constructor(
    readonly keys: string[],
    readonly fields: string[] = [],
  ) {
    super(keys[0] ?? 'dorms.errors.required')
  }
}

export const useDormsStore = defineStore('dorms', () => {
  const session = useSessionStore()
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const snapshot = shallowRef<DormSnapshot | null>(null)
  let stop: (() => void) | null = null

  function start(): void {
    if (stop && status.value !== 'error') return
    stop?.()
    status.value = 'loading'
    stop = observe(
      () => loadDormSnapshot(getDb()),
      (s) => {
        snapshot.value = s
        status.value = 'ready'
      },
      (e) => {
        console.error('dorms failed', e)
        status.value = 'error'
      },
    )
  }
  function retry(): void {
    stop?.()
    stop = null
    start()
  }

  const floors = computed(() => occupancyByFloor(snapshot.value?.views ?? []))
  const personName = (id: string | null) => (id ? (snapshot.value?.directory.people.find((p) => p.id === id)?.name ?? '') : '')

  async function record(input: Omit<BedEventInput, 'id' | 'actor_id' | 'device_time'>, stay?: DormStayRow, draftKey?: string | null): Promise<void> {
    const actor = session.userId
    const bed = snapshot.value?.beds.find((b) => b.id === input.bed_id) ?? (await getDb().dorm_beds.get(input.bed_id))
    if (!actor || !bed) throw new Error('dorms: no user or bed')
    const now = new Date()
    const parsed = bedEventSchema.safeParse({ ...input, id: crypto.randomUUID(), actor_id: actor, device_time: now.toISOString() })
    if (!parsed.success) throw new DormInputError(parsed.error.issues.map((i) => i.message), parsed.error.issues.map((i) => String(i.path.at(-1) ?? '')))
    await recordBedEvent(getDb(), { event: parsed.data, siteId: bed.site_id, stay, draftKey }, now)
  }

  async function allocate(a: Allocation): Promise<string> {
    const bed = snapshot.value?.beds.find((b) => b.id === a.bedId)
    if (!bed || !session.userId) throw new Error('dorms: no bed')
    const stayId = crypto.randomUUID()
    const at = new Date().toISOString()
    const stay: DormStayRow = {
      id: stayId,
      bed_id: bed.id,
      room_id: bed.room_id,
      building_id: bed.building_id,
      site_id: bed.site_id,
      occupant_id: a.occupantId,
      gender: a.gender,
      department_id: a.departmentId,
      shift: a.shift?.trim() || null,
      starts_on: a.startsOn,
      ends_on: a.endsOn || null,
      request_id: a.requestId,
      allocated_by: session.userId,
      allocated_at: at,
      status: 'reserved',
      checked_in_at: null,
      ended_at: null,
      contested: false,
      updated_at: at,
      deleted_at: null,
    }
    const payload = {
      stay_id: stayId,
      occupant_id: a.occupantId,
      gender: a.gender,
      department_id: a.departmentId,
      shift: stay.shift,
      starts_on: a.startsOn,
      ends_on: stay.ends_on,
      request_id: a.requestId,
      note: a.note?.trim() || null,
    }
    await record({ bed_id: bed.id, type: 'allocate', payload }, stay, a.draftKey)
    return stayId
  }

  const cancel = (bedId: string, stayId: string, note?: string) => record({ bed_id: bedId, type: 'cancel', payload: { stay_id: stayId, note } })
  const repair = (bedId: string, start: boolean, note?: string) => record({ bed_id: bedId, type: start ? 'repair_start' : 'repair_end', payload: { note } })
  /**
   * Puts a room's vacant beds (or the one named) under repair, or back in use, in one act; answers the
   * plan (the beds changed, those left alone and why). With a 报修 task, the server frees them when it is done.
   */
  async function repairRoom(roomId: string, action: 'start' | 'end', opts: { taskId?: string | null; only?: string | null; note?: string | null } = {}): Promise<RoomRepairPlan> {
    const actor = session.userId
    const room = snapshot.value?.rooms.get(roomId)
    if (!actor || !room) throw new Error('dorms: no user or room')
    const beds = (snapshot.value?.beds ?? []).filter((b) => b.room_id === roomId)
    const plan = roomRepairPlan(beds, action, opts.only ?? null)
    await recordRoomRepair(getDb(), { roomId, siteId: room.site_id, actorId: actor, action, plan, taskId: opts.taskId, note: opts.note })
    return plan
  }
  /** 长期外出: records (or changes, while not ended) a resident's absence; throws DormInputError with the form's keys. */
  async function recordAbsence(stay: DormStayRow, input: Omit<AbsenceInput, 'stay_id'>, id: string = crypto.randomUUID()): Promise<DormAbsenceRow> {
    if (!session.userId) throw new Error('dorms: no user')
    const parsed = absenceSchema.safeParse({ ...input, stay_id: stay.id })
    if (!parsed.success) throw new DormInputError(parsed.error.issues.map((i) => i.message), parsed.error.issues.map((i) => String(i.path.at(-1) ?? '')))
    return saveAbsence(getDb(), id, stay, parsed.data, session.userId)
  }
  /** The return that ends an absence (the day they were back). */
  async function endAbsence(absence: DormAbsenceRow, returnedOn: string): Promise<void> {
    if (!session.userId) throw new Error('dorms: no user')
    const parsed = absenceReturnSchema.safeParse({ returned_on: returnedOn })
    if (!parsed.success || returnedOn < absence.starts_on) throw new DormInputError(['dorms.errors.dateOrder'], ['returned_on'])
    await saveReturn(getDb(), absence, parsed.data.returned_on, session.userId)
  }
  const resolve = (bedId: string, conflictIds: string[], keepStayId: string | null) =>
    record({ bed_id: bedId, type: 'resolve_conflict', payload: { conflict_ids: conflictIds, keep_stay_id: keepStayId } })

  return { status, snapshot, floors, personName, start, retry, allocate, cancel, repair, repairRoom, recordAbsence, endAbsence, resolve }
})
