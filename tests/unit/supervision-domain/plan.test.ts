import { beforeAll, describe, expect, it } from 'vitest'
import { loadStatutoryDays, makeCalendar, type CompanyCalendar } from '@/shared/lib/calendar'
import {
  applyPlanAct,
  approvalOf,
  defaultPublishDue,
  findingTasks,
  mayActOnPlan,
  mayDraftPlan,
  newPlan,
  nextPlanAct,
  planActSchema,
  planDraftSchema,
  planRequestForm,
  type Approval,
  type Plan,
  type PlanActInput,
  type PlanActor,
} from '@/features/supervision/domain'

const SITE = '00000000-0000-4000-8000-000000000001'
const DEPT = '00000000-0000-4000-8000-000000000002'
const INSPECTOR = '00000000-0000-4000-8000-000000000003'
const HEAD = '00000000-0000-4000-8000-000000000004'
const PLAN = '00000000-0000-4000-8000-000000000005'
const REQ = '00000000-0000-4000-8000-000000000006'
const inspector: PlanActor = { id: INSPECTOR, grants: [{ role: 'inspector', siteId: SITE }] }
const head: PlanActor = { id: HEAD, grants: [{ role: 'admin_head', siteId: SITE }] }
const staff: PlanActor = { id: '00000000-0000-4000-8000-000000000007', grants: [{ role: 'employee', siteId: SITE }] }

const draft = {
  site_id: SITE,
  department_id: DEPT,
  focus: '消防与卫生',
  scope: '办公区',
  starts_on: '2026-02-12',
  ends_on: '2026-02-13',
  publish_due_on: '2026-02-25',
  inspector_ids: [INSPECTOR],
  template_codes: ['sanitation'],
}
const plan = (): Plan => newPlan(PLAN, planDraftSchema.parse(draft), REQ, INSPECTOR, '2026-02-10T09:00:00+08:00')

function step(p: Plan, input: PlanActInput, actorId: string, approval: Approval = 'approved', publishDay = '2026-02-24') {
  const r = applyPlanAct(p, planActSchema.parse(input), { actorId, at: `${publishDay}T10:00:00+08:00`, approval, publishDay })
  if (!r.ok) throw new Error(r.reason)
  return r.plan
}

let cal: CompanyCalendar
beforeAll(async () => {
  cal = makeCalendar(await loadStatutoryDays())
})

describe('the plan as drafted', () => {
  it('needs inspectors, checklists, an end not before the start and a publishing day not before the end', () => {
    const issue = (over: Record<string, unknown>) => planDraftSchema.safeParse({ ...draft, ...over }).error?.issues[0]?.message
    expect(issue({ inspector_ids: [] })).toBe('supervision.errors.inspectorsRequired')
    expect(issue({ template_codes: [] })).toBe('supervision.errors.checklistsRequired')
    expect(issue({ ends_on: '2026-02-11' })).toBe('supervision.errors.endsBeforeStart')
    expect(issue({ publish_due_on: '2026-02-12' })).toBe('supervision.errors.publishBeforeEnd')
    expect(planDraftSchema.safeParse(draft).success).toBe(true)
  })

  it('publishes by default 3 working days after it ends: across the Spring Festival and its make-up Saturday', () => {
    // Ends Friday 13 Feb 2026; the holiday runs 15–23 Feb, Saturday 14 Feb is a make-up working day.
    expect(defaultPublishDue(cal, '2026-02-13', SITE)).toBe('2026-02-25')
  })

  it('is an application the admin head reads in words', () => {
    const form = planRequestForm(planDraftSchema.parse(draft), { department: '财务部', inspectors: ['张三', '李四'], checklists: ['卫生检查表'] })
    expect(form).toEqual({ focus: '消防与卫生', department: '财务部', period: '2026-02-12 ~ 2026-02-13', scope: '办公区', inspectors: '张三、李四', checklists: '卫生检查表' })
  })
})

describe('the stages', () => {
  it('notice (once approved) → report → return → report → accept → publish, each by whom the manual says', () => {
    let p = plan()
    expect(nextPlanAct(p, inspector, 'open')).toBe(null)
    expect(applyPlanAct(p, planActSchema.parse({ type: 'notice', plan_id: PLAN, note: '通知' }), { actorId: INSPECTOR, at: 'x', approval: 'open', publishDay: 'x' })).toEqual({
      ok: false,
      reason: 'supervision.errors.notApproved',
    })
    expect(nextPlanAct(p, inspector, 'approved')).toBe('notice')
    p = step(p, { type: 'notice', plan_id: PLAN, note: '通知' }, INSPECTOR)
    expect(p.stage).toBe('notified')
    const report = { type: 'report' as const, plan_id: PLAN, summary: '两处问题', findings: [{ text: '灭火器过期', days: 3 }, { text: '杂物', days: 5 }], inspection_ids: [] }
    p = step(p, report, INSPECTOR)
    expect(nextPlanAct(p, inspector, 'approved')).toBe(null)
    expect(nextPlanAct(p, head, 'approved')).toBe('review')
    expect(planActSchema.safeParse({ type: 'review', plan_id: PLAN, decision: 'return' }).success).toBe(false)
    p = step(p, { type: 'review', plan_id: PLAN, decision: 'return', note: '补照片' }, HEAD)
    expect(p.stage).toBe('notified')
    p = step(step(p, report, INSPECTOR), { type: 'review', plan_id: PLAN, decision: 'accept', note: '限期整改' }, HEAD)
    expect(p.stage).toBe('reviewed')
    const onTime = step(p, { type: 'publish', plan_id: PLAN }, HEAD, 'approved', '2026-02-25')
    expect(onTime).toMatchObject({ stage: 'published', published_on_time: true, published_by: HEAD })
    expect(step(p, { type: 'publish', plan_id: PLAN }, HEAD, 'approved', '2026-02-26').published_on_time).toBe(false)
    // Out of order: refused on the device (the server keeps and flags it).
    expect(applyPlanAct(onTime, planActSchema.parse({ type: 'publish', plan_id: PLAN }), { actorId: HEAD, at: 'x', approval: 'approved', publishDay: 'x' })).toEqual({
      ok: false,
      reason: 'supervision.errors.badStage',
    })
  })

  it('a plan whose application was rejected or withdrawn is called off, with a reason, by its drafter or the admin head', () => {
    const p = plan()
    expect(approvalOf('rejected')).toBe('refused')
    expect(approvalOf('withdrawn')).toBe('refused')
    expect(approvalOf('pending')).toBe('open')
    expect(approvalOf(undefined)).toBe('open')
    expect(nextPlanAct(p, inspector, 'refused')).toBe('cancel')
    expect(nextPlanAct(p, head, 'refused')).toBe('cancel')
    expect(mayActOnPlan(p, 'cancel', { id: '00000000-0000-4000-8000-0000000000ff', grants: [{ role: 'inspector', siteId: SITE }] })).toBe(false)
    expect(planActSchema.safeParse({ type: 'cancel', plan_id: PLAN, note: '' }).success).toBe(false)
    const cancel = planActSchema.parse({ type: 'cancel', plan_id: PLAN, note: '方案未获批准，改期另拟' })
    // Not while the application is pending or once it is approved.
    for (const approval of ['open', 'approved'] as const) {
      expect(applyPlanAct(p, cancel, { actorId: INSPECTOR, at: 'x', approval, publishDay: 'x' })).toEqual({ ok: false, reason: 'supervision.errors.notRefused' })
    }
    const off = step(p, cancel, INSPECTOR, 'refused')
    expect(off).toMatchObject({ stage: 'cancelled', cancel_note: '方案未获批准，改期另拟', cancelled_at: '2026-02-24T10:00:00+08:00' })
    expect(nextPlanAct(off, head, 'refused')).toBe(null)
    // Only a plan not yet under way.
    const notified = step(p, { type: 'notice', plan_id: PLAN, note: '通知' }, INSPECTOR)
    expect(applyPlanAct(notified, cancel, { actorId: INSPECTOR, at: 'x', approval: 'refused', publishDay: 'x' })).toEqual({ ok: false, reason: 'supervision.errors.badStage' })
  })

  it('who may act: inspectors notify and report, the admin head also notifies, reviews and publishes; others nothing', () => {
    const p = plan()
    expect(mayActOnPlan(p, 'report', inspector)).toBe(true)
    expect(mayActOnPlan(p, 'review', inspector)).toBe(false)
    expect(mayActOnPlan(p, 'notice', head)).toBe(true)
    expect(mayActOnPlan(p, 'report', head)).toBe(false)
    expect(mayActOnPlan(p, 'publish', head)).toBe(true)
    for (const t of ['notice', 'report', 'review', 'publish'] as const) expect(mayActOnPlan(p, t, staff)).toBe(false)
    expect(mayDraftPlan(inspector, SITE)).toBe(true)
    expect(mayDraftPlan(staff, SITE)).toBe(false)
  })
})

describe('findings become tasks', () => {
  it('one per finding for the inspected department, due its working days after publishing (on the company calendar)', () => {
    const p: Plan = { ...plan(), findings: [{ text: '灭火器过期', days: 3 }, { text: '杂物', days: 1 }], review_note: '限期整改' }
    let n = 0
    const tasks = findingTasks(p, cal, '2026-02-12', '2026-02-12T10:00:00+08:00', () => `t${++n}`)
    expect(tasks).toEqual([
      expect.objectContaining({ id: 't1', title: '灭火器过期', source: 'inspection', source_ref: PLAN, department_id: DEPT, assignee_id: null, due_on: '2026-02-24', method: '限期整改' }),
      // 1 working day after Thursday 12 Feb: Friday 13.
      expect.objectContaining({ id: 't2', due_on: '2026-02-13' }),
    ])
  })
})
