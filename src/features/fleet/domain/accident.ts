/**
 * An accident row's claim steps (车辆肇事处理), moved by the vehicles domain's transition
 * table; here what the row and the 'accident.update' payload need (claim number to file, cost).
 */
import type { AccidentRow } from '@/platform/db/rows'
import { accidentActions, type AccidentAction } from '@/features/vehicles/domain/accidents'

export type AccidentStatus = AccidentRow['status']
export { ACCIDENT_STATUSES } from '@/features/vehicles/domain/accidents'

/** The domain's actions (its transition table) as the statuses the row and the op carry. */
const STATUS_OF: Record<AccidentAction, AccidentStatus> = { review: 'under_review', file_claim: 'claim_filed', close: 'closed' }

export const nextAccidentStatuses = (s: AccidentStatus): readonly AccidentStatus[] => accidentActions(s).map((a) => STATUS_OF[a])

export interface AccidentUpdate {
  status: AccidentStatus
  claim_no?: string | null
  cost?: number | null
  note?: string | null
}

export type AccidentError = 'notFound' | 'transition' | 'cost' | 'claimNoRequired'
export type AccidentResult = { ok: true; row: AccidentRow; payload: Record<string, unknown> } | { ok: false; error: AccidentError }

export function applyAccidentUpdate(current: AccidentRow | undefined, input: AccidentUpdate, now: Date): AccidentResult {
  if (!current || current.deleted_at) return { ok: false, error: 'notFound' }
  if (!nextAccidentStatuses(current.status).includes(input.status)) return { ok: false, error: 'transition' }
  const cost = input.cost ?? null
  if (cost !== null && (!Number.isFinite(cost) || cost < 0 || Math.round(cost * 100) !== cost * 100)) return { ok: false, error: 'cost' }
  const claimNo = input.claim_no?.trim() || current.claim_no
  if (input.status === 'claim_filed' && !claimNo) return { ok: false, error: 'claimNoRequired' }
  const note = input.note?.trim() || null
  const row: AccidentRow = { ...current, status: input.status, claim_no: claimNo ?? null, cost: cost ?? current.cost, updated_at: now.toISOString() }
  const payload: Record<string, unknown> = { accident_id: current.id, status: input.status }
  if (claimNo) payload.claim_no = claimNo
  if (cost !== null) payload.cost = cost
  if (note) payload.note = note
  return { ok: true, row, payload }
}

/** Open first (oldest status first), then newest. */
export function sortAccidents(rows: readonly AccidentRow[]): AccidentRow[] {
  const rank = (s: AccidentStatus) => (s === 'closed' ? 1 : 0)
  return [...rows].sort((a, b) => rank(a.status) - rank(b.status) || b.occurred_at.localeCompare(a.occurred_at))
}
