import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import type { RequestContext } from '@/features/requests/data/context'
import { actOnPlan, draftPlan, PlanRefused } from '@/features/supervision/data/planWrites'
import { loadPlanDetail, plansFor } from '@/features/supervision/data/planReads'
import { loadStatutoryDays, makeCalendar, type CompanyCalendar } from '@/shared/lib/calendar'
import type { TaskActor } from '@/features/tasks/domain'
import type { Approval } from '@/features/supervision/domain'
import { freshDb } from '../features/testDb'

const SITE = '00000000-0000-4000-8000-0000000000a1'
const DEPT = '00000000-0000-4000-8000-0000000000a2'
const inspector: TaskActor = { id: '00000000-0000-4000-8000-0000000000b1', grants: [{ role: 'inspector', siteId: SITE }], departmentId: null }
const head: TaskActor = { id: '00000000-0000-4000-8000-0000000000b2', grants: [{ role: 'admin_head', siteId: SITE }], departmentId: null }
const finStaff: TaskActor = { id: '00000000-0000-4000-8000-0000000000b3', grants: [{ role: 'employee', siteId: SITE }], departmentId: DEPT }
const ctx: RequestContext = {
  companyId: null,
  timeZone: 'Asia/Shanghai',
  amountThreshold: 5000,
  delegations: [],
  rolesAt: (id) => (id === inspector.id ? ['inspector'] : id === head.id ? ['admin_head'] : []),
  rolesAnywhere: () => [],
  personName: () => '',
  departmentName: () => '',
}
const input = {
  site_id: SITE,
  department_id: DEPT,
  focus: '消防与卫生',
  scope: '办公区',
  starts_on: '2026-02-12',
  ends_on: '2026-02-12',
  publish_due_on: '2026-02-24',
  inspector_ids: [inspector.id],
  template_codes: ['sanitation'],
}
const form = { focus: '消防与卫生', department: '财务部', period: '2026-02-12', scope: '办公区', inspectors: '检查员', checklists: '卫生检查表' }

let db: AdminFieldDb
let cal: CompanyCalendar
beforeAll(async () => {
  cal = makeCalendar(await loadStatutoryDays())
})
beforeEach(() => {
  db = freshDb()
})

const act = async (planId: string, who: TaskActor, body: Record<string, unknown>, at: string, approval: Approval = 'approved') => {
  const plan = await db.supervision_plans.get(planId)
  if (!plan) throw new Error('no plan')
  return actOnPlan(db, { plan, input: { plan_id: planId, ...body }, actor: who, approval, timeZone: 'Asia/Shanghai', calendar: cal }, new Date(at))
}

describe('plans on the device', () => {
  it('drafting stores the application and the plan in one go; the application is pushed first', async () => {
    const id = await draftPlan(db, { input, requestForm: form, applicant: { id: inspector.id, site_id: SITE, department_id: null }, ctx }, new Date('2026-02-10T01:00:00Z'))
    const ops = await db.outbox.orderBy('seq').toArray()
    expect(ops.map((o) => o.kind)).toEqual(['request.submit', 'supervision_plan.create'])
    const plan = await db.supervision_plans.get(id)
    expect(plan).toMatchObject({ stage: 'planned', created_by: inspector.id })
    expect(ops[1]?.payload).toEqual({ ...input, request_id: plan?.request_id })
    expect(await db.requests.get(plan?.request_id ?? '')).toMatchObject({ type: 'inspection_plan', status: 'pending', waiting_role: 'admin_head', fulfiller_role: 'inspector' })
    expect((await plansFor(db, finStaff)).length).toBe(0)
    expect((await plansFor(db, head)).map((p) => p.id)).toEqual([id])
  })

  it('refuses a bad draft with the field, and an act out of turn', async () => {
    await expect(draftPlan(db, { input: { ...input, inspector_ids: [] }, requestForm: form, applicant: { id: inspector.id, site_id: SITE, department_id: null }, ctx })).rejects.toMatchObject({
      reason: 'supervision.errors.inspectorsRequired',
      field: 'inspector_ids',
    })
    const id = await draftPlan(db, { input, requestForm: form, applicant: { id: inspector.id, site_id: SITE, department_id: null }, ctx })
    await expect(act(id, inspector, { type: 'notice', note: '通知' }, '2026-02-11T01:00:00Z', 'open')).rejects.toBeInstanceOf(PlanRefused)
    await expect(act(id, finStaff, { type: 'notice', note: '通知' }, '2026-02-11T01:00:00Z')).rejects.toMatchObject({ reason: 'supervision.errors.notAllowed' })
  })

  it('publishing stores the result and one department task per finding, due on working days, with their ops', async () => {
    const id = await draftPlan(db, { input, requestForm: form, applicant: { id: inspector.id, site_id: SITE, department_id: null }, ctx })
    await act(id, inspector, { type: 'notice', note: '通知' }, '2026-02-11T01:00:00Z')
    await act(id, inspector, { type: 'report', summary: '两处', findings: [{ text: '灭火器过期', days: 3 }, { text: '杂物', days: 1 }], inspection_ids: [] }, '2026-02-12T08:00:00Z')
    await act(id, head, { type: 'review', decision: 'accept', note: '限期整改' }, '2026-02-12T09:00:00Z')
    const published = await act(id, head, { type: 'publish' }, '2026-02-12T10:00:00Z')
    expect(published).toMatchObject({ stage: 'published', published_on_time: true })
    const detail = await loadPlanDetail(db, id)
    expect(detail?.events.map((e) => e.type)).toEqual(['notice', 'report', 'review', 'publish'])
    expect(detail?.tasks.map((t) => [t.title, t.due_on, t.source, t.department_id, t.assigner_id]).sort()).toEqual([
      ['杂物', '2026-02-13', 'inspection', DEPT, head.id],
      ['灭火器过期', '2026-02-24', 'inspection', DEPT, head.id],
    ])
    const kinds = (await db.outbox.orderBy('seq').toArray()).map((o) => o.kind)
    expect(kinds.slice(-3).sort()).toEqual(['supervision_plan.act', 'task.assign', 'task.assign'])
    expect((await plansFor(db, finStaff)).map((p) => p.id)).toEqual([id])
  })
})
