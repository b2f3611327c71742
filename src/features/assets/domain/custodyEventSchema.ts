/**
 * The zod schema of a custody event (messages are i18n keys). Imported where an event is
 * validated, with `await import()` from code that also shows pages: importing it loads zod.
 */
import { z } from 'zod'
import { CONDITIONS, CUSTODY_STATUSES, CUSTODY_TEXT_MAX, type CustodyEventType } from './custodyEvents'
import { E } from './fields'
import { choice, dateTime, optionalText, photoIds, text, uuid } from './fieldSchemas'
import { isLabelToken } from './labelToken'

/**
 * A custody event as the device records and pushes it. Built at its first parse (z.lazy): pages
 * that record load this module once they show, and building every event type's schema then
 * was a long task of their start (issue 13).
 */
export const custodyEventSchema = z.lazy(buildCustodyEventSchema)

function buildCustodyEventSchema() {
  const envelope = {
    /** Device-made UUID: pushing the same event twice is one row. */
    id: uuid(),
    asset_id: uuid(),
    /** Who recorded it (profiles.id). */
    actor_id: uuid(),
    /** When it happened by the device clock; facts are ordered by this. */
    device_time: dateTime(),
    /** When the server received it; trusted for audit, used here only to break ties. */
    server_time: dateTime().nullish(),
    photo_ids: photoIds().optional(),
  }

  const note = optionalText(CUSTODY_TEXT_MAX.note).optional()

  const payloads = {
    check_out: z.object({
      to_person: uuid(),
      /** Null: no deadline (e.g. a uniform issued for good). */
      due_at: dateTime().nullish().transform((v) => v ?? null),
      purpose: text(CUSTODY_TEXT_MAX.purpose),
      condition: choice(CONDITIONS),
      /** 证照借用: the approved borrowing this lending carries out. */
      request_id: uuid().nullish(),
    }),
    check_in: z.object({ condition: choice(CONDITIONS), note }),
    /** Straight from holder to holder without coming back; a new due date may be set. */
    transfer: z.object({ to_person: uuid(), due_at: dateTime().nullish().transform((v) => v ?? null), note }),
    /**
     * "Seen here". Also the periodic check (定期检查, manual 2.2 node 6): the
     * condition found and whether the item was in its designated place (a seal in its cabinet).
     */
    audit_seen: z.object({ location: text(CUSTODY_TEXT_MAX.location), condition: choice(CONDITIONS).optional(), in_place: z.boolean().optional() }),
    report_damaged: z.object({ note }),
    report_lost: z.object({ note }),
    send_to_repair: z.object({ note }),
    back_from_repair: z.object({ condition: choice(CONDITIONS), note }),
    /** A seal is retired only through an approved 印章停用 application (its id). */
    retire: z.object({ note, request_id: uuid().nullish() }),
    label_replaced: z.object({
      new_token: z.string().refine(isLabelToken, { error: E.token }),
      old_token: z.string().refine(isLabelToken, { error: E.token }).nullish(),
    }),
    /** The holder's word that it is back, in this condition; the keeper's check-in confirms it. */
    return_claimed: z.object({ condition: choice(CONDITIONS), note }),
    /** A keeper states what is true, closing the listed conflicts. */
    resolve_conflict: z.object({
      conflict_ids: z.array(uuid()).min(1, { error: E.required }),
      status: choice(CUSTODY_STATUSES),
      holder_id: uuid().nullable(),
      due_at: dateTime().nullable(),
      note,
    }),
  } as const

  function eventSchema<T extends CustodyEventType>(type: T) {
    return z.object({ ...envelope, type: z.literal(type), payload: payloads[type] })
  }

  return z
    .discriminatedUnion('type', [
      eventSchema('check_out'),
      eventSchema('check_in'),
      eventSchema('transfer'),
      eventSchema('audit_seen'),
      eventSchema('report_damaged'),
      eventSchema('report_lost'),
      eventSchema('send_to_repair'),
      eventSchema('back_from_repair'),
      eventSchema('retire'),
      eventSchema('label_replaced'),
      eventSchema('resolve_conflict'),
      eventSchema('return_claimed'),
    ])
    .superRefine((e, ctx) => {
      // A deadline before the hand-over is a typing slip; the clock is the same device's.
      if ((e.type === 'check_out' || e.type === 'transfer') && e.payload.due_at !== null) {
        if (Date.parse(e.payload.due_at) <= Date.parse(e.device_time)) {
          ctx.addIssue({ code: 'custom', message: E.dueBeforeStart, path: ['payload', 'due_at'] })
        }
      }
      if (e.type === 'resolve_conflict') {
        const p = e.payload
        // The stated truth must itself be coherent: a holder exactly when checked out.
        if ((p.status === 'checked_out') !== (p.holder_id !== null)) {
          ctx.addIssue({ code: 'custom', message: E.required, path: ['payload', 'holder_id'] })
        }
      }
    })
}

export type CustodyEvent = z.output<typeof custodyEventSchema>
export type CustodyEventInput = z.input<typeof custodyEventSchema>
export type CustodyEventOf<T extends CustodyEventType> = Extract<CustodyEvent, { type: T }>
