/**
 * Bed events: the facts of the dormitory (append-only), their zod schema (messages are i18n keys).
 * A stay (入住) is made by `allocate` (the dorm manager gives a bed to a person: the bed is reserved),
 * goes on with `check_in` (the person moved in: occupied) and ends with `check_out`, or `cancel`
 * before moving in. The bed's status and its conflicts are folded from these (bedFold.ts).
 */
import { z } from 'zod'
import { GENDERS } from './rooms'
import { E } from './fields'
import { calendarDate, choice, dateTime, optionalText, photoIds, uuid } from './fieldSchemas'

export const BED_EVENT_TYPES = ['allocate', 'cancel', 'check_in', 'check_out', 'repair_start', 'repair_end', 'resolve_conflict'] as const
export type BedEventType = (typeof BED_EVENT_TYPES)[number]

const envelope = {
  /** Device-made UUID: pushing the same event twice is one row. */
  id: uuid(),
  bed_id: uuid(),
  actor_id: uuid(),
  /** When it happened by the device clock; facts are ordered by this. */
  device_time: dateTime(),
  /** When the server received it: used only to break ties. */
  server_time: dateTime().nullish(),
  photo_ids: photoIds().optional(),
}

/** What an allocation's typed fields take, in characters (the form's messages state it). */
export const STAY_TEXT_MAX = { shift: 20, note: 500 } as const

const note = optionalText(STAY_TEXT_MAX.note).optional()
const optionalUuid = () => uuid().nullish().transform((v) => v ?? null)

const payloads = {
  allocate: z.object({
    stay_id: uuid(),
    occupant_id: uuid(),
    /** The occupant's gender as the manager recorded it (profiles carry none); checked against the room's. */
    gender: choice(GENDERS),
    department_id: optionalUuid(),
    /** 班次 (e.g. 白班, 夜班): people on one shift sleep and wake together. */
    shift: optionalText(STAY_TEXT_MAX.shift),
    starts_on: calendarDate(),
    ends_on: calendarDate().nullish().transform((v) => v ?? null),
    /** The approved 入住申请 this allocation carries out, if any. */
    request_id: optionalUuid(),
    note,
  }),
  cancel: z.object({ stay_id: uuid(), note }),
  check_in: z.object({ stay_id: uuid(), occupant_id: uuid() }),
  check_out: z.object({ stay_id: uuid(), note }),
  /** task_id: the 报修 task that put the bed under repair (dorm_room.repair); its end frees the bed. */
  repair_start: z.object({ note, task_id: uuid().optional() }),
  repair_end: z.object({ note, task_id: uuid().optional() }),
  /** The dorm manager states who keeps the bed; every other stay named in the conflicts is cancelled (or ended). */
  resolve_conflict: z.object({
    conflict_ids: z.array(uuid()).min(1, { error: E.required }),
    keep_stay_id: optionalUuid(),
    note,
  }),
} as const

function eventSchema<T extends BedEventType>(type: T) {
  return z.object({ ...envelope, type: z.literal(type), payload: payloads[type] })
}

export const bedEventSchema = z
  .discriminatedUnion('type', [
    eventSchema('allocate'),
    eventSchema('cancel'),
    eventSchema('check_in'),
    eventSchema('check_out'),
    eventSchema('repair_start'),
    eventSchema('repair_end'),
    eventSchema('resolve_conflict'),
  ])
  .superRefine((e, ctx) => {
    if (e.type === 'allocate' && e.payload.ends_on !== null && e.payload.ends_on < e.payload.starts_on) {
      ctx.addIssue({ code: 'custom', message: E.dateOrder, path: ['payload', 'ends_on'] })
    }
  })

export type BedEvent = z.output<typeof bedEventSchema>
export type BedEventInput = z.input<typeof bedEventSchema>
export type BedEventOf<T extends BedEventType> = Extract<BedEvent, { type: T }>
