/**
 * A supervisory inspection plan (监督检查方案, manual 1.4) and its stages. The plan is approved as an
 * 'inspection_plan' application on the requests engine; then its facts move it, here and in
 * private.sync_apply_supervision_plan_act alike (both must agree):
 *
 *   planned --notice (application approved)--> notified --report--> reported
 *   reported --review accept--> reviewed --publish--> published
 *   reported --review return--> notified (the report is redone)
 *   planned --cancel (application rejected or withdrawn)--> cancelled (the drafter or the admin head, with a reason)
 *
 * A fact that does not fit the stage is kept and flagged by the server; the device refuses it here.
 */
import { z } from 'zod'
import { E, LIMITS, calendarDate, choice, int, optionalText, photoIds, text, uuid, type SupervisionErrorKey } from './fields'

export const PLAN_STAGES = ['planned', 'notified', 'reported', 'reviewed', 'published', 'cancelled'] as const
export type PlanStage = (typeof PLAN_STAGES)[number]

export const PLAN_ACTS = ['notice', 'report', 'review', 'publish', 'cancel'] as const
export type PlanAct = (typeof PLAN_ACTS)[number]

export interface Finding {
  text: string
  /** Working days to fix it, counted from the day the result is published. */
  days: number
}

export interface Plan {
  id: string
  site_id: string
  department_id: string
  request_id: string
  created_by: string
  focus: string
  scope: string
  starts_on: string
  ends_on: string
  publish_due_on: string
  inspector_ids: string[]
  template_codes: string[]
  stage: PlanStage
  notice: string | null
  notified_at: string | null
  summary: string | null
  findings: Finding[]
  inspection_ids: string[]
  reported_by: string | null
  reported_at: string | null
  review_note: string | null
  reviewed_by: string | null
  reviewed_at: string | null
  published_by: string | null
  published_at: string | null
  published_on_time: boolean | null
  /** Called off after its application was rejected or withdrawn: when, and why. Absent on rows from before. */
  cancelled_at?: string | null
  cancel_note?: string | null
  created_at: string
  updated_at: string
  deleted_at: string | null
}

/** What the drafter sends (op 'supervision_plan.create'); the id is made on the device. */
export const planDraftSchema = z
  .object({
    site_id: uuid(),
    department_id: uuid(),
    focus: text(LIMITS.focus),
    scope: text(LIMITS.scope),
    starts_on: calendarDate(),
    ends_on: calendarDate(),
    publish_due_on: calendarDate(),
    inspector_ids: z.array(uuid(), { error: E.inspectorsRequired }).min(1, { error: E.inspectorsRequired }).max(LIMITS.ids, { error: E.range }),
    template_codes: z.array(z.string(), { error: E.checklistsRequired }).min(1, { error: E.checklistsRequired }).max(LIMITS.ids, { error: E.range }),
  })
  .refine((p) => p.ends_on >= p.starts_on, { error: E.endsBeforeStart, path: ['ends_on'] })
  .refine((p) => p.publish_due_on >= p.ends_on, { error: E.publishBeforeEnd, path: ['publish_due_on'] })
export type PlanDraftInput = z.input<typeof planDraftSchema>
export type PlanDraft = z.output<typeof planDraftSchema>

export const findingSchema = z.object({ text: text(LIMITS.finding), days: int(1, LIMITS.fixDays) })

/** The payload of 'supervision_plan.act', by type. */
export const planActSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('notice'), plan_id: uuid(), note: text(LIMITS.notice) }),
    z.object({
      type: z.literal('report'),
      plan_id: uuid(),
      summary: text(LIMITS.summary),
      findings: z.array(findingSchema).max(LIMITS.findings, { error: E.range }),
      inspection_ids: photoIds(LIMITS.ids),
    }),
    z.object({ type: z.literal('review'), plan_id: uuid(), decision: choice(['accept', 'return'] as const), note: optionalText(LIMITS.note) })
      .refine((r) => r.decision !== 'return' || r.note !== null, { error: E.required, path: ['note'] }),
    z.object({ type: z.literal('publish'), plan_id: uuid() }),
    /** A plan whose application was rejected (or withdrawn) is called off, with the reason. */
    z.object({ type: z.literal('cancel'), plan_id: uuid(), note: text(LIMITS.note) }),
  ],
  { error: E.choice },
)
export type PlanActInput = z.input<typeof planActSchema>
export type PlanActPayload = z.output<typeof planActSchema>

export function newPlan(id: string, d: PlanDraft, requestId: string, by: string, at: string): Plan {
  return {
    id,
    ...d,
    request_id: requestId,
    created_by: by,
    stage: 'planned',
    notice: null,
    notified_at: null,
    summary: null,
    findings: [],
    inspection_ids: [],
    reported_by: null,
    reported_at: null,
    review_note: null,
    reviewed_by: null,
    reviewed_at: null,
    published_by: null,
    published_at: null,
    published_on_time: null,
    cancelled_at: null,
    cancel_note: null,
    created_at: at,
    updated_at: at,
    deleted_at: null,
  }
}

export interface PlanActor {
  id: string
  grants: readonly { role: string; siteId: string | null }[]
}

const holdsAt = (a: PlanActor, role: string, siteId: string) => a.grants.some((g) => g.role === role && (g.siteId === null || g.siteId === siteId))
export const isPlanAdminHead = (a: PlanActor, plan: Pick<Plan, 'site_id'>) => holdsAt(a, 'admin_head', plan.site_id)
/** Who drafts plans: an inspector or the admin head of the site. */
export const mayDraftPlan = (a: PlanActor, siteId: string) => holdsAt(a, 'inspector', siteId) || holdsAt(a, 'admin_head', siteId)
const isPlanInspector = (a: PlanActor, plan: Pick<Plan, 'inspector_ids' | 'created_by'>) => plan.inspector_ids.includes(a.id) || plan.created_by === a.id

/**
 * Who may record the fact: the admin head reviews and publishes; the plan's inspectors (or its
 * drafter) notify and report; its drafter or the admin head calls it off.
 */
export function mayActOnPlan(plan: Plan, type: PlanAct, a: PlanActor): boolean {
  if (type === 'review' || type === 'publish') return isPlanAdminHead(a, plan)
  if (type === 'cancel') return plan.created_by === a.id || isPlanAdminHead(a, plan)
  return isPlanInspector(a, plan) || (type === 'notice' && isPlanAdminHead(a, plan))
}

/** The stage each act needs. */
const NEEDS: Record<PlanAct, PlanStage> = { notice: 'planned', report: 'notified', review: 'reported', publish: 'reviewed', cancel: 'planned' }

/** Where the plan's application stands, as far as the plan's steps care. */
export type Approval = 'approved' | 'refused' | 'open'

export type PlanStep = { ok: true; plan: Plan } | { ok: false; reason: SupervisionErrorKey }

/**
 * One fact on the plan. `approval`: where the plan's application stands (a notice needs it
 * approved, calling the plan off needs it rejected or withdrawn: 'refused');
 * `publishDay`: the company day of the act (on time = not after publish_due_on).
 */
export function applyPlanAct(plan: Plan, act: PlanActPayload, ctx: { actorId: string; at: string; approval: Approval; publishDay: string }): PlanStep {
  if (plan.stage !== NEEDS[act.type]) return { ok: false, reason: E.badStage }
  const at = ctx.at
  const base = { ...plan, updated_at: at }
  switch (act.type) {
    case 'cancel':
      if (ctx.approval !== 'refused') return { ok: false, reason: E.notRefused }
      return { ok: true, plan: { ...base, stage: 'cancelled', cancelled_at: at, cancel_note: act.note } }
    case 'notice':
      if (ctx.approval !== 'approved') return { ok: false, reason: E.notApproved }
      return { ok: true, plan: { ...base, stage: 'notified', notice: act.note, notified_at: at } }
    case 'report':
      return {
        ok: true,
        plan: { ...base, stage: 'reported', summary: act.summary, findings: act.findings, inspection_ids: act.inspection_ids, reported_by: ctx.actorId, reported_at: at },
      }
    case 'review':
      return {
        ok: true,
        plan: { ...base, stage: act.decision === 'accept' ? 'reviewed' : 'notified', review_note: act.note, reviewed_by: ctx.actorId, reviewed_at: at },
      }
    case 'publish':
      return { ok: true, plan: { ...base, stage: 'published', published_by: ctx.actorId, published_at: at, published_on_time: ctx.publishDay <= plan.publish_due_on } }
  }
}

/** The next act this person may take on the plan now, if any: a refused plan's is calling it off. */
export function nextPlanAct(plan: Plan, a: PlanActor, approval: Approval): PlanAct | null {
  const next = plan.stage === 'planned' ? (approval === 'refused' ? 'cancel' : 'notice') : PLAN_ACTS.find((t) => NEEDS[t] === plan.stage)
  if (!next || !mayActOnPlan(plan, next, a)) return null
  return next === 'notice' && approval !== 'approved' ? null : next
}

/** The application's status as the plan's steps read it. */
export const approvalOf = (status: string | null | undefined): Approval =>
  status === 'approved' ? 'approved' : status === 'rejected' || status === 'withdrawn' ? 'refused' : 'open'

export type { SupervisionErrorKey }
