/**
 * Writing plans. Drafting is ONE transaction: the 'inspection_plan' application (requests engine,
 * pushed first) and the plan naming it. Each act is one transaction: the plan as the domain moved
 * it, the fact, the op; publishing also assigns one task per finding (tasks engine) in the same
 * transaction, so the findings never go out without their tasks nor the other way round.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { SupervisionPlanRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox, entityKey } from '@/platform/sync/outbox'
import { calendarDate } from '@/shared/lib/zonedTime'
import type { CompanyCalendar } from '@/shared/lib/calendar'
import { REQUEST_TABLES, submitRequest, type Applicant } from '@/features/requests/data/requestWrites'
import type { RequestContext } from '@/features/requests/data/context'
import type { TaskActor } from '@/features/tasks/domain'
import { assignTask } from '@/features/tasks/domain/act'
import { saveAssignedTask } from '@/features/tasks/data/taskWrites'
import { PHOTO_TABLES } from '@/platform/photos'
import { applyPlanAct, findingTasks, mayActOnPlan, newPlan, planActSchema, planDraftSchema, type Approval, type PlanDraftInput, type SupervisionErrorKey } from '../domain'
import { planOf } from './planReads'

const PLAN_TABLES = ['supervision_plans', 'supervision_events']

/** A refusal the page shows (an i18n key). */
export class PlanRefused extends Error {
  constructor(
    readonly reason: string,
    readonly field?: string,
  ) {
    super(reason)
  }
}

const firstIssue = (e: { issues: readonly { message: string; path: readonly PropertyKey[] }[] }) =>
  new PlanRefused(e.issues[0]?.message ?? 'supervision.errors.required', String(e.issues[0]?.path[0] ?? ''))

/** The application and the plan, together. Returns the plan's id. */
export async function draftPlan(
  database: AdminFieldDb,
  args: { input: PlanDraftInput; requestForm: Record<string, string>; applicant: Applicant; ctx: RequestContext; draftKey?: string | null },
  now = new Date(),
): Promise<string> {
  const parsed = planDraftSchema.safeParse(args.input)
  if (!parsed.success) throw firstIssue(parsed.error)
  const id = crypto.randomUUID()
  const requestId = crypto.randomUUID()
  const at = now.toISOString()
  const plan = newPlan(id, parsed.data, requestId, args.applicant.id, at)
  const op = buildOp('supervision_plan.create', 'supervision_plans', id, { ...parsed.data, request_id: requestId }, now)
  await commitWithOutbox(database, [...REQUEST_TABLES, ...PLAN_TABLES], op, async () => {
    await submitRequest(database, { id: requestId, type: 'inspection_plan', form: args.requestForm, applicant: args.applicant, fulfillerRole: 'inspector', ctx: args.ctx }, now)
    await database.supervision_plans.add(plan as SupervisionPlanRow)
  }, { draftKey: args.draftKey })
  return id
}

export interface PlanActArgs {
  plan: SupervisionPlanRow
  input: unknown
  actor: TaskActor
  /** Where the plan's application stands (approved: it may be notified; refused: it may be called off). */
  approval: Approval
  timeZone: string
  /** Needed to publish: the findings' deadlines are working days on it. */
  calendar: CompanyCalendar | null
  /** The act form's device draft, dropped in the act's transaction. */
  draftKey?: string | null
}

/** One fact on the plan (notice, report, review, publish, cancel). */
export async function actOnPlan(database: AdminFieldDb, args: PlanActArgs, now = new Date()): Promise<SupervisionPlanRow> {
  const parsed = planActSchema.safeParse(args.input)
  if (!parsed.success) throw firstIssue(parsed.error)
  const act = parsed.data
  const plan = planOf(args.plan)
  if (act.plan_id !== plan.id || !mayActOnPlan(plan, act.type, args.actor)) throw new PlanRefused('supervision.errors.notAllowed')
  const at = now.toISOString()
  const day = calendarDate(now, args.timeZone)
  const moved = applyPlanAct(plan, act, { actorId: args.actor.id, at, approval: args.approval, publishDay: day })
  if (!moved.ok) throw new PlanRefused(moved.reason satisfies SupervisionErrorKey)
  const tasks = act.type === 'publish' ? publishTasks(moved.plan, args, day, at) : []
  const eventId = crypto.randomUUID()
  const { type, plan_id: planId, ...data } = act
  const payload = Object.fromEntries(Object.entries(act).filter(([, v]) => v !== null))
  const op = buildOp('supervision_plan.act', 'supervision_events', eventId, payload, now)
  op.related = [entityKey('supervision_plans', planId)]
  const row = moved.plan as SupervisionPlanRow
  await commitWithOutbox(database, [...PLAN_TABLES, 'tasks', ...PHOTO_TABLES], op, async () => {
    await database.supervision_plans.put(row)
    await database.supervision_events.add({ id: eventId, plan_id: planId, type, actor_id: args.actor.id, device_time: at, data, flagged: false, updated_at: at, deleted_at: null })
    for (const t of tasks) await saveAssignedTask(database, t, [], now)
  }, { draftKey: args.draftKey })
  return row
}

function publishTasks(plan: ReturnType<typeof planOf>, args: PlanActArgs, day: string, at: string) {
  if (plan.findings.length > 0 && !args.calendar) throw new PlanRefused('supervision.errors.noCalendar')
  return findingTasks(plan, args.calendar as CompanyCalendar, day, at).map((input) => {
    const made = assignTask(input, args.actor, args.timeZone)
    if (!made.ok) throw new PlanRefused(made.reason, made.field)
    return made.value
  })
}
