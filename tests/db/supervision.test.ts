// Supervisory inspections (监督检查, manual 1.4): a plan approved as an 'inspection_plan' application
// on the requests engine, the notice, the report resting on checklist runs of the inspected
// department's areas, the admin head's review (accept or return), publishing on time, and the
// findings as tasks of the tasks engine. Refusals with reasons; facts that do not fit are kept,
// flagged; RLS: the inspected department sees the plan only once notified.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createArea, inspect } from './support/checklists'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, push } from './support/sync'
import { FIN, HQ, HR, SZ, op, person } from './support/tasks'

let db: TestDb
const U = DEMO.users
const head = U.adminHead as string
const inspector = U.inspector as string
let finStaff: string, hrStaff: string, finArea: string, hrArea: string

const form = {
  focus: '消防与卫生',
  department: '财务部',
  period: '2026-11-16 ~ 2026-11-17',
  scope: '办公区、档案室',
  inspectors: '检查员',
  checklists: '卫生检查表',
}
const planPayload = (request_id: string, extra: Record<string, unknown> = {}) => ({
  site_id: HQ,
  department_id: FIN,
  request_id,
  focus: '消防与卫生',
  scope: '办公区、档案室',
  starts_on: '2026-11-16',
  ends_on: '2026-11-17',
  publish_due_on: '2026-11-20',
  inspector_ids: [inspector],
  template_codes: ['sanitation'],
  ...extra,
})

/** The application and the plan, pushed together as the device does. */
async function draft(user = inspector, extra: Record<string, unknown> = {}) {
  const request = randomUUID()
  const plan = randomUUID()
  const results = await push(db, user, [
    makeOp('request.submit', request, { event_id: randomUUID(), type: 'inspection_plan', form, photo_ids: [] }),
    makeOp('supervision_plan.create', plan, planPayload(request, extra)),
  ])
  return { request, plan, results: results.map((r) => ({ status: r.status, reason: r.reason, detail: r.detail })) }
}
const actOn = (user: string, plan_id: string, type: string, data: Record<string, unknown> = {}, at?: string) =>
  op(db, user, 'supervision_plan.act', { type, plan_id, ...data }, at)
const approve = (request_id: string) => op(db, head, 'request.act', { request_id, action: 'approve', step: 0, revision: 1 })
const planRow = async (id: string) =>
  (await db.query<Record<string, unknown>>('select * from public.supervision_plans where id = $1', [id]))[0] as Record<string, unknown>

beforeAll(async () => {
  db = await openTestDb()
  finStaff = await person(db, 'employee', HQ, FIN, 'fin')
  hrStaff = await person(db, 'employee', HQ, HR, 'hr')
  finArea = await createArea(db, { department_id: FIN })
  hrArea = await createArea(db, { department_id: HR })
})
afterAll(() => db?.close())

describe('a plan from drafting to published findings', () => {
  it('is approved on the requests engine, notified, reported, returned, reported again, accepted and published on time', async () => {
    const { request, plan, results } = await draft()
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied'])
    const [req] = await db.query<{ status: string; waiting_role: string; fulfiller_role: string }>('select status, waiting_role, fulfiller_role from public.requests where id = $1', [request])
    expect(req).toEqual({ status: 'pending', waiting_role: 'admin_head', fulfiller_role: 'inspector' })
    expect(await planRow(plan)).toMatchObject({ stage: 'planned', created_by: inspector, request_id: request })

    // The notice needs the approval: before it, the fact is kept and flagged.
    expect(await actOn(inspector, plan, 'notice', { note: '11月16日9点起检查' })).toMatchObject({ status: 'flagged' })
    expect((await approve(request)).status).toBe('applied')
    expect(await actOn(finStaff, plan, 'notice', { note: 'x' })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect((await actOn(inspector, plan, 'notice', { note: '11月16日9点起检查' }, '2026-11-12T09:00:00+08:00')).status).toBe('applied')
    expect(await planRow(plan)).toMatchObject({ stage: 'notified', notice: '11月16日9点起检查' })
    const [fulfilled] = await db.query<{ fulfilled_by: string | null }>('select fulfilled_by from public.requests where id = $1', [request])
    expect(fulfilled?.fulfilled_by).toBe(inspector)

    // The report rests on checklist runs of the inspected department's areas only.
    const run = await inspect(db, finArea)
    const other = await inspect(db, hrArea)
    const report = { summary: '总体良好，两处问题', findings: [{ text: '灭火器过期', days: 3 }, { text: '档案室杂物', days: 5 }], inspection_ids: [run.id] }
    expect(await actOn(inspector, plan, 'report', { ...report, inspection_ids: [other.id] })).toMatchObject({ status: 'refused', reason: 'not_found' })
    expect(await actOn(inspector, plan, 'report', { ...report, findings: [{ text: '', days: 3 }] })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await actOn(inspector, plan, 'report', { ...report, findings: [{ text: 'x', days: 61 }] })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect((await actOn(inspector, plan, 'report', report, '2026-11-17T17:00:00+08:00')).status).toBe('applied')
    expect(await planRow(plan)).toMatchObject({ stage: 'reported', findings: report.findings, inspection_ids: [run.id], reported_by: inspector })

    // The admin head reviews: an inspector may not; a return needs a reason and sends it back.
    expect(await actOn(inspector, plan, 'review', { decision: 'accept' })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await actOn(head, plan, 'review', { decision: 'return' })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect((await actOn(head, plan, 'review', { decision: 'return', note: '请补充照片' }, '2026-11-18T09:00:00+08:00')).status).toBe('applied')
    expect(await planRow(plan)).toMatchObject({ stage: 'notified', review_note: '请补充照片' })
    expect(await actOn(head, plan, 'publish', {})).toMatchObject({ status: 'flagged' })
    expect((await actOn(inspector, plan, 'report', report, '2026-11-18T10:00:00+08:00')).status).toBe('applied')
    expect((await actOn(head, plan, 'review', { decision: 'accept', note: '三日内整改' }, '2026-11-18T11:00:00+08:00')).status).toBe('applied')

    // Publishing with the findings as tasks of the tasks engine, in one push.
    const tasks = report.findings.map((f) => ({ id: randomUUID(), f }))
    const published = await push(db, head, [
      makeOp('supervision_plan.act', randomUUID(), { type: 'publish', plan_id: plan }, { device_time: '2026-11-19T10:00:00+08:00' }),
      ...tasks.map((t) =>
        makeOp('task.assign', t.id, { site_id: HQ, title: t.f.text, source: 'inspection', source_ref: plan, department_id: FIN, due_on: '2026-11-24' }, { device_time: '2026-11-19T10:00:00+08:00' }),
      ),
    ])
    expect(published.map((r) => r.status)).toEqual(['applied', 'applied', 'applied'])
    expect(await planRow(plan)).toMatchObject({ stage: 'published', published_by: head, published_on_time: true })
    const made = await db.query<{ source: string; status: string; department_id: string }>('select source, status, department_id from public.tasks where source_ref = $1', [plan])
    expect(made).toEqual([
      { source: 'inspection', status: 'assigned', department_id: FIN },
      { source: 'inspection', status: 'assigned', department_id: FIN },
    ])
    const flagged = await db.query<{ type: string }>('select type from public.supervision_events where plan_id = $1 and flagged order by received_at', [plan])
    expect(flagged.map((f) => f.type)).toEqual(['notice', 'publish'])
  })

  it('publishing after the set day is recorded as late', async () => {
    const { request, plan } = await draft()
    await approve(request)
    await actOn(inspector, plan, 'notice', { note: '通知' })
    await actOn(inspector, plan, 'report', { summary: '无问题', findings: [], inspection_ids: [] })
    await actOn(head, plan, 'review', { decision: 'accept' })
    // 00:30 on the 19th in Shanghai is still the 18th in UTC: the company's day decides.
    expect((await actOn(head, plan, 'publish', {}, '2026-11-21T00:30:00+08:00')).status).toBe('applied')
    expect(await planRow(plan)).toMatchObject({ published_on_time: false })
  })
})

describe('refusals', () => {
  it('refuses who may not draft, a plan on someone else’s application, bad dates, another site’s department, a reused application', async () => {
    expect((await draft(finStaff)).results[1]).toMatchObject({ status: 'refused', reason: 'forbidden' })
    const mine = await draft()
    const theirs = await push(db, head, [makeOp('supervision_plan.create', randomUUID(), planPayload(mine.request))])
    expect(theirs[0]).toMatchObject({ status: 'refused', reason: 'not_found' })
    expect((await draft(inspector, { ends_on: '2026-11-15' })).results[1]).toMatchObject({ status: 'refused', reason: 'invalid', detail: 'ends_on: not before starts_on' })
    expect((await draft(inspector, { publish_due_on: '2026-11-16' })).results[1]).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect((await draft(inspector, { inspector_ids: [] })).results[1]).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect((await draft(inspector, { template_codes: ['no_such'] })).results[1]).toMatchObject({ status: 'refused', reason: 'not_found' })
    const szDept = (await db.query<{ id: string }>('select id from public.departments where site_id = $1 limit 1', [SZ]))[0]?.id
    expect((await draft(inspector, { department_id: szDept })).results[1]).toMatchObject({ status: 'refused', reason: 'not_found' })
    const again = await push(db, inspector, [makeOp('supervision_plan.create', randomUUID(), planPayload(mine.request))])
    expect(again[0]).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await actOn(inspector, randomUUID(), 'notice', { note: 'x' })).toMatchObject({ status: 'refused', reason: 'not_found' })
  })
})

describe('a plan whose application was turned down', () => {
  it('is called off with a reason by its drafter or the admin head, only once rejected or withdrawn; the department never sees it', async () => {
    const { request, plan } = await draft()
    // Still pending: the fact is kept and flagged; the reason is required; others are refused.
    expect(await actOn(inspector, plan, 'cancel', { note: '不做了' })).toMatchObject({ status: 'flagged' })
    expect(await planRow(plan)).toMatchObject({ stage: 'planned', cancelled_at: null })
    expect((await op(db, head, 'request.act', { request_id: request, action: 'reject', step: 0, revision: 1, note: '检查时间与审计冲突' })).status).toBe('applied')
    expect(await actOn(inspector, plan, 'cancel', {})).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await actOn(finStaff, plan, 'cancel', { note: 'x' })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await actOn(inspector, plan, 'cancel', { note: 'x', extra: 1 })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect((await actOn(inspector, plan, 'cancel', { note: '方案未获批准，下月另拟' }, '2026-11-12T09:00:00+08:00')).status).toBe('applied')
    expect(await planRow(plan)).toMatchObject({ stage: 'cancelled', cancel_note: '方案未获批准，下月另拟' })
    expect((await planRow(plan)).cancelled_at).not.toBeNull()
    // Nothing moves a cancelled plan; the department never hears of it.
    expect(await actOn(inspector, plan, 'notice', { note: 'x' })).toMatchObject({ status: 'flagged' })
    expect(await db.asUser(finStaff, (q) => q('select id from public.supervision_plans where id = $1', [plan]))).toEqual([])

    // A withdrawn application: the admin head may call the plan off too.
    const other = await draft()
    expect((await op(db, inspector, 'request.act', { request_id: other.request, action: 'withdraw', revision: 1 })).status).toBe('applied')
    expect((await actOn(head, other.plan, 'cancel', { note: '申请已撤回' })).status).toBe('applied')
    expect(await planRow(other.plan)).toMatchObject({ stage: 'cancelled' })
  })
})

describe('who sees a plan', () => {
  it('its inspectors and the admin head at once; the inspected department once notified; nobody else', async () => {
    const { request, plan } = await draft()
    const sees = async (user: string) =>
      (await db.asUser(user, (q) => q<{ id: string }>('select id from public.supervision_plans where id = $1', [plan]))).length === 1
    expect(await sees(inspector)).toBe(true)
    expect(await sees(head)).toBe(true)
    expect(await sees(finStaff)).toBe(false)
    expect(await sees(hrStaff)).toBe(false)
    await approve(request)
    await actOn(inspector, plan, 'notice', { note: '通知' })
    expect(await sees(finStaff)).toBe(true)
    expect(await sees(hrStaff)).toBe(false)
    const events = await db.asUser(finStaff, (q) => q<{ type: string }>('select type from public.supervision_events where plan_id = $1', [plan]))
    expect(events.map((e) => e.type)).toEqual(['notice'])
  })
})
