/**
 * Accident reports (车辆肇事处理): a driver reports from the phone (position only if the user
 * allows it), the fleet manager reviews, files the insurance claim and closes with the cost.
 * A claim is optional: under_review → closed when the company pays or nothing is owed.
 */
import { z } from 'zod'
import { E } from './fields'
import { bool, dateTime, decimal, nullableUuid, optionalText, photoIds, text, uuid } from './fieldSchemas'
import { actionsFrom, checkMove, type Actor, type Transition, type TransitionTable } from './lifecycle'

export const ACCIDENT_STATUSES = ['reported', 'under_review', 'claim_filed', 'closed'] as const
export type AccidentStatus = (typeof ACCIDENT_STATUSES)[number]

export const positionSchema = z.object(
  {
    lat: z.number({ error: E.position }).min(-90, { error: E.position }).max(90, { error: E.position }),
    lng: z.number({ error: E.position }).min(-180, { error: E.position }).max(180, { error: E.position }),
    accuracy_m: z.number({ error: E.position }).nonnegative({ error: E.position }).nullish().transform((v) => v ?? null),
  },
  { error: E.position },
)
export type Position = z.output<typeof positionSchema>

export const accidentReportSchema = z.object({
  id: uuid(),
  vehicle_id: uuid(),
  reported_by: uuid(),
  /** The driver at the wheel, when not the reporter. */
  driver_id: nullableUuid(),
  /** The trip it happened on, if one was open. */
  trip_id: nullableUuid(),
  occurred_at: dateTime(),
  reported_at: dateTime(),
  place: text(200),
  position: positionSchema.nullish().transform((v) => v ?? null),
  description: text(2000),
  injuries: bool(),
  injury_details: optionalText(1000),
  /** Name, plate, phone and insurer of the other party, as written on the spot. */
  other_party: optionalText(500),
  police_report_number: optionalText(50),
  photo_ids: photoIds(20),
})
export type AccidentReportInput = z.input<typeof accidentReportSchema>
export type AccidentReportNew = z.output<typeof accidentReportSchema>

export interface AccidentReport extends AccidentReportNew {
  status: AccidentStatus
  reviewed_by: string | null
  reviewed_at: string | null
  claim_number: string | null
  claim_filed_at: string | null
  /** Yuan the company bore, 0.01; known at closing. */
  cost: number | null
  closed_at: string | null
  closing_note: string | null
}

export type AccidentAction = 'review' | 'file_claim' | 'close'

const TABLE: TransitionTable<AccidentStatus, AccidentAction> = {
  review: { from: ['reported'], to: 'under_review' },
  file_claim: { from: ['under_review'], to: 'claim_filed' },
  close: { from: ['under_review', 'claim_filed'], to: 'closed' },
}

export const accidentActionSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('review'), at: dateTime() }),
    z.object({ action: z.literal('file_claim'), at: dateTime(), claim_number: text(50) }),
    z.object({ action: z.literal('close'), at: dateTime(), cost: decimal(10_000_000).nullish().transform((v) => v ?? null), note: optionalText(1000) }),
  ],
  { error: E.choice },
)
export type AccidentActionInput = z.output<typeof accidentActionSchema>

export function newAccidentReport(input: AccidentReportNew): AccidentReport {
  return {
    ...input,
    status: 'reported',
    reviewed_by: null,
    reviewed_at: null,
    claim_number: null,
    claim_filed_at: null,
    cost: null,
    closed_at: null,
    closing_note: null,
  }
}

export function transitionAccident(report: AccidentReport, input: AccidentActionInput, actor: Actor): Transition<AccidentReport> {
  const move = checkMove(TABLE, report.status, input.action, actor)
  if (!move.ok) return move
  const next: AccidentReport = { ...report, status: move.to }
  switch (input.action) {
    case 'review':
      return { ok: true, value: { ...next, reviewed_by: actor.id, reviewed_at: input.at } }
    case 'file_claim':
      return { ok: true, value: { ...next, claim_number: input.claim_number, claim_filed_at: input.at } }
    case 'close':
      return { ok: true, value: { ...next, cost: input.cost, closed_at: input.at, closing_note: input.note } }
  }
}

export const accidentActions = (status: AccidentStatus) => actionsFrom(TABLE, status)
