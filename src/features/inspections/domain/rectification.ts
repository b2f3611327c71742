/**
 * 整改: each failed item of a submitted inspection becomes a task for the area's
 * responsible person (the tasks engine's deadline + escalation, DESIGN.md "Four engines").
 * Ids are made on the device and sent with the inspection (payload `rectifications:
 * [{ id, item_key }]`), so the server creates the same rows and a retry is idempotent.
 */
import { addWorkingDays, type CompanyCalendar } from '@/shared/lib/calendar'
import { fromZonedInput } from '@/shared/lib/zonedInput'
import { calendarDate } from '@/shared/lib/zonedTime'
import { DEADLINE_TIME } from './due'
import { E, type InspectionErrorKey } from './fields'
import { scoreInspection } from './scoring'
import type { TemplateVersion } from './template'

/**
 * Working days from the act (a submit, a reopening) to the due day, by severity: due at
 * DEADLINE_TIME (18:00, company zone) on that working day of the company calendar at the
 * area's site (issue #12 point 8; the server's private.rectification_due is the same).
 */
export const RECTIFICATION_DUE_WORKING_DAYS = { critical: 1, normal: 3 } as const

/** The company calendar, its zone and the area's site: what a deadline needs. */
export interface DueCalendar {
  calendar: CompanyCalendar
  timeZone: string
  siteId: string | null
}

/** 18:00 company time on the 1st (critical) / 3rd (normal) working day after the act's company day. */
export function rectificationDueAt(at: Date | number | string, severity: Severity, c: DueCalendar): string {
  const day = addWorkingDays(c.calendar, calendarDate(at, c.timeZone), RECTIFICATION_DUE_WORKING_DAYS[severity], c.siteId)
  const due = fromZonedInput(`${day}T${DEADLINE_TIME}`, c.timeZone)
  if (!due) throw new RangeError('invalid due day')
  return due
}

/** Who hears about an overdue task (a role code, see features/auth ROLES). */
export const ESCALATE_TO_ROLE = 'admin_head'

/**
 * Roles that verify a fix on the spot (close or reopen), never the person who recorded the
 * fix (issue #12: an admin head who fixed an unassigned task, or an assignee who is also an
 * inspector, does not close their own work). A reopened task gets a new deadline: the
 * verifier's, if after the verification, else rectificationDueAt from it. The server's
 * rectification_derive keeps the same rules.
 */
export const VERIFIER_ROLES: readonly string[] = ['inspector', 'admin_head']

export type RectificationStatus = 'open' | 'fixed' | 'closed' | 'reopened'
export type Severity = 'critical' | 'normal'

/** The rectifications row (RectificationRow fits this exactly). */
export interface Rectification {
  id: string
  inspection_id: string
  area_id: string
  item_key: string
  item_text: string
  assignee_id: string | null
  severity: Severity
  due_at: string
  status: RectificationStatus
  fix_note: string | null
  fix_photo_ids: string[]
  fixed_at: string | null
  /** Who recorded the fix; absent on rows from before it was kept. */
  fixed_by?: string | null
  verified_by: string | null
  verified_at: string | null
  updated_at: string
  deleted_at: string | null
}

export interface InspectionForRectification {
  id: string
  area_id: string
  submitted_at: string
  answers: unknown
}

export interface AreaForRectification {
  responsible_id: string | null
  /** The site whose own days count (null: the company's only). */
  site_id?: string | null
}

/**
 * The rows to create for a submitted inspection: one per failed item, in template order.
 * `item_text` is the zh-CN text (the company's language; the UI can show the English
 * one by looking up `item_key` in the inspection's template version).
 */
export function rectificationsFor(
  inspection: InspectionForRectification,
  template: TemplateVersion,
  area: AreaForRectification,
  newId: () => string,
  cal: Omit<DueCalendar, 'siteId'>,
): Rectification[] {
  const submitted = Date.parse(inspection.submitted_at)
  if (Number.isNaN(submitted)) throw new RangeError('invalid submitted_at')
  return scoreInspection(template, inspection.answers).failed_items.map((f) => {
    const severity: Severity = f.critical ? 'critical' : 'normal'
    return {
      id: newId(),
      inspection_id: inspection.id,
      area_id: inspection.area_id,
      item_key: f.key,
      item_text: f.text_zh,
      assignee_id: area.responsible_id,
      severity,
      due_at: rectificationDueAt(submitted, severity, { ...cal, siteId: area.site_id ?? null }),
      status: 'open',
      fix_note: null,
      fix_photo_ids: [],
      fixed_at: null,
      fixed_by: null,
      verified_by: null,
      verified_at: null,
      updated_at: inspection.submitted_at,
      deleted_at: null,
    }
  })
}

/** What inspection.submit carries so the server makes the same rows with the same ids. */
export function rectificationPayload(rows: readonly Pick<Rectification, 'id' | 'item_key'>[]): { id: string; item_key: string }[] {
  return rows.map((r) => ({ id: r.id, item_key: r.item_key }))
}

type Timed = Pick<Rectification, 'status' | 'due_at' | 'deleted_at'>

/** Still waiting for the assignee (open or reopened) and past its due time. */
export function isOverdue(rect: Timed, now: Date | number | string): boolean {
  if (rect.deleted_at || (rect.status !== 'open' && rect.status !== 'reopened')) return false
  const due = Date.parse(rect.due_at)
  const at = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now)
  return !Number.isNaN(due) && at > due
}

/** Overdue open/reopened tasks escalate to the admin head (ESCALATE_TO_ROLE). */
export function needsEscalation(rect: Timed, now: Date | number | string): boolean {
  return isOverdue(rect, now)
}

// --- transitions ------------------------------------------------------------------

export interface Actor {
  id: string
  roles: readonly string[]
}

export type RectificationAction = 'fix' | 'close' | 'reopen'

export type TransitionResult = { ok: true; row: Rectification } | { ok: false; error: InspectionErrorKey }

function isVerifier(actor: Actor): boolean {
  return actor.roles.some((r) => VERIFIER_ROLES.includes(r))
}

const ownFix = (rect: Rectification, actor: Actor): boolean => !!rect.fixed_by && rect.fixed_by === actor.id

// The assignee fixes; an unassigned task (area without a responsible person) falls to the admin head.
function mayFix(rect: Rectification, actor: Actor): boolean {
  return rect.assignee_id === null ? actor.roles.includes(ESCALATE_TO_ROLE) : rect.assignee_id === actor.id
}

/** What this actor may do with the task now: the buttons to show. */
export function allowedActions(rect: Rectification, actor: Actor): RectificationAction[] {
  if (rect.deleted_at) return []
  if (rect.status === 'open' || rect.status === 'reopened') return mayFix(rect, actor) ? ['fix'] : []
  if (rect.status === 'fixed') return isVerifier(actor) && !ownFix(rect, actor) ? ['close', 'reopen'] : []
  return []
}

export interface FixInput {
  actor: Actor
  at: string
  /** "After" photos: at least one. */
  photo_ids: readonly string[]
  note?: string | null
}

/** open/reopened → fixed, by the assignee, with at least one "after" photo. */
export function fixRectification(rect: Rectification, input: FixInput): TransitionResult {
  if (rect.deleted_at || (rect.status !== 'open' && rect.status !== 'reopened')) return { ok: false, error: E.badTransition }
  if (!mayFix(rect, input.actor)) return { ok: false, error: E.notAssignee }
  if (input.photo_ids.length === 0) return { ok: false, error: E.afterPhotoRequired }
  const note = input.note?.trim() ?? ''
  return {
    ok: true,
    row: {
      ...rect,
      status: 'fixed',
      fix_note: note === '' ? null : note,
      fix_photo_ids: [...input.photo_ids],
      fixed_at: input.at,
      fixed_by: input.actor.id,
      updated_at: input.at,
    },
  }
}

export interface VerifyInput {
  actor: Actor
  at: string
  outcome: 'close' | 'reopen'
  /** A reopened task's new due time (after `at`); by default rectificationDueAt from `at`. */
  due_at?: string
  /** The calendar the default due time is counted on. */
  calendar: DueCalendar
}

/** fixed → closed or reopened, by an inspector (or the admin head) re-inspecting on the spot. */
export function verifyRectification(rect: Rectification, input: VerifyInput): TransitionResult {
  if (rect.deleted_at || rect.status !== 'fixed') return { ok: false, error: E.badTransition }
  if (!isVerifier(input.actor)) return { ok: false, error: E.notInspector }
  if (ownFix(rect, input.actor)) return { ok: false, error: E.ownFix }
  const base = { ...rect, verified_by: input.actor.id, verified_at: input.at, updated_at: input.at }
  if (input.outcome === 'close') return { ok: true, row: { ...base, status: 'closed' } }
  const at = Date.parse(input.at)
  if (input.due_at !== undefined && !(Date.parse(input.due_at) > at)) return { ok: false, error: E.dueBeforeNow }
  const due = input.due_at ?? rectificationDueAt(at, rect.severity, input.calendar)
  return { ok: true, row: { ...base, status: 'reopened', due_at: due } }
}
