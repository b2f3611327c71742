import '../support/vantCss'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { supervisionRoutes } from '@/features/supervision/routes'
import { draftPlan, actOnPlan } from '@/features/supervision/data/planWrites'
import { loadRequestContext } from '@/features/requests/data/context'
import { mountAt, until } from '../rectification/support'

const HEAD = demo.users.find((u) => u.roles.includes('admin_head'))!
const INSPECTOR = demo.users.find((u) => u.roles.includes('inspector'))!
const HQ = demo.sites[0]!.id
const FIN = demo.departments.find((d) => d.code === 'FIN')!.id
const wrappers: VueWrapper[] = []
beforeAll(async () => {
  await seedDemoCompany(getDb())
})
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

const stage = (w: VueWrapper) => w.find('[data-testid="plan-summary"] [data-stage]').attributes('data-stage')

describe('supervision pages', () => {
  it('an inspector drafts a plan: it goes to the admin head as an application and waits for approval', async () => {
    const { wrapper, router } = await mountAt('/supervision/new', supervisionRoutes, INSPECTOR.id, ['inspector'])
    wrappers.push(wrapper)
    await until(() => expect(wrapper.find('[data-testid="plan-focus"]').exists()).toBe(true))
    await wrapper.get('[data-testid="plan-department"]').trigger('click')
    await until(() => expect(document.querySelector(`[data-testid="plan-department-option"][data-id="${FIN}"]`)).not.toBeNull())
    ;(document.querySelector(`[data-testid="plan-department-option"][data-id="${FIN}"]`) as HTMLElement).click()
    await wrapper.get('[data-testid="plan-focus"] input').setValue('消防与卫生')
    await wrapper.get('[data-testid="plan-scope"] textarea').setValue('办公区、档案室')
    await wrapper.get('[data-testid="plan-checklists"]').trigger('click')
    await until(() => expect(document.querySelector('[data-testid="plan-checklists-option"][data-id="sanitation"]')).not.toBeNull())
    ;(document.querySelector('[data-testid="plan-checklists-option"][data-id="sanitation"]') as HTMLElement).click()
    await until(() => expect((wrapper.get('[data-testid="plan-publish-due"] input').element as HTMLInputElement).value).not.toBe(''))
    await wrapper.get('form').trigger('submit')
    await until(() => expect(router.currentRoute.value.name).toBe('supervisionPlan'))
    await until(() => expect(wrapper.find('[data-testid="plan-page"]').attributes('data-status')).toBe('ready'))
    expect(stage(wrapper)).toBe('planned')
    expect(wrapper.get('[data-testid="plan-approval"]').attributes('data-approval')).toBe('pending')
    expect(wrapper.find('[data-testid="plan-waiting"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid^="plan-act-"]').exists()).toBe(false)
    const kinds = (await getDb().outbox.orderBy('seq').toArray()).map((o) => o.kind)
    expect(kinds.slice(-2)).toEqual(['request.submit', 'supervision_plan.create'])
  })

  it('the admin head reviews the report and publishes: the findings become the department\'s tasks, listed for tracking', async () => {
    const db = getDb()
    const inspector = { id: INSPECTOR.id, grants: [{ role: 'inspector', siteId: HQ }], departmentId: null }
    const input = { site_id: HQ, department_id: FIN, focus: '档案管理', scope: '档案室', starts_on: '2026-12-01', ends_on: '2026-12-01', publish_due_on: '2099-12-31', inspector_ids: [INSPECTOR.id], template_codes: ['sanitation'] }
    const form = { focus: '档案管理', department: '财务部', period: '2026-12-01', scope: '档案室', inspectors: '周敏', checklists: '卫生' }
    const id = await draftPlan(db, { input, requestForm: form, applicant: { id: INSPECTOR.id, site_id: HQ, department_id: null }, ctx: await loadRequestContext(db) })
    const plan0 = await db.supervision_plans.get(id)
    await db.requests.update(plan0!.request_id, { status: 'approved', waiting_role: null })
    const act = async (body: Record<string, unknown>) => {
      const plan = (await db.supervision_plans.get(id))!
      await actOnPlan(db, { plan, input: { plan_id: id, ...body }, actor: inspector, approval: 'approved', timeZone: 'Asia/Shanghai', calendar: null })
    }
    await act({ type: 'notice', note: '明天检查' })
    await act({ type: 'report', summary: '两处问题', findings: [{ text: '档案未装盒', days: 3 }, { text: '灭火器过期', days: 1 }], inspection_ids: [] })

    const { wrapper } = await mountAt(`/supervision/${id}`, supervisionRoutes, HEAD.id, ['admin_head'])
    wrappers.push(wrapper)
    await until(() => expect(wrapper.find('[data-testid="plan-act-review"]').exists()).toBe(true))
    expect(stage(wrapper)).toBe('reported')
    await wrapper.get('[data-testid="plan-act-review"]').trigger('click')
    await wrapper.get('[data-testid="plan-note"] textarea').setValue('限期整改')
    await wrapper.get('[data-testid="review-accept"]').trigger('click')
    await until(() => expect(stage(wrapper)).toBe('reviewed'))
    await until(() => expect(wrapper.find('[data-testid="plan-act-publish"]').exists()).toBe(true))
    await wrapper.get('[data-testid="plan-act-publish"]').trigger('click')
    await until(() => expect(document.querySelector('.van-dialog__confirm')).not.toBeNull())
    ;(document.querySelector('.van-dialog__confirm') as HTMLElement).click()
    await until(() => expect(stage(wrapper)).toBe('published'))
    await until(() => expect(wrapper.findAll('[data-testid^="plan-task-"]')).toHaveLength(2))
    expect(wrapper.get('[data-testid="plan-tasks"]').text()).toContain('档案未装盒')
    expect(wrapper.get('[data-testid="plan-on-time"]').text()).toContain('按时公布')
    expect(wrapper.get('[data-testid="plan-timeline"]').text()).toContain('公布结果')
  })

  it('the list shows the plans with their stage; a department employee sees none before the notice', async () => {
    const { wrapper } = await mountAt('/supervision', supervisionRoutes, HEAD.id, ['admin_head'])
    wrappers.push(wrapper)
    await until(() => expect(wrapper.find('[data-testid="plans-page"]').attributes('data-status')).toBe('ready'))
    const stages = wrapper.findAll('[data-testid^="plan-"] [data-stage]').map((s) => s.attributes('data-stage'))
    expect(stages.sort()).toEqual(['planned', 'published'])
    const emp = await mountAt('/supervision', supervisionRoutes, demo.users.find((u) => u.roles.includes('employee'))!.id, ['employee'])
    wrappers.push(emp.wrapper)
    await until(() => expect(emp.wrapper.find('[data-testid="plans-page"]').attributes('data-status')).toBe('ready'))
    expect(emp.wrapper.find('.state-view').exists()).toBe(true)
  })

  it('a plan whose application was rejected is called off by its drafter, with a reason and a confirmation', async () => {
    const db = getDb()
    const input = { site_id: HQ, department_id: FIN, focus: '消防通道', scope: '一楼', starts_on: '2026-12-03', ends_on: '2026-12-03', publish_due_on: '2099-12-31', inspector_ids: [INSPECTOR.id], template_codes: ['sanitation'] }
    const form = { focus: '消防通道', department: '财务部', period: '2026-12-03', scope: '一楼', inspectors: '周敏', checklists: '卫生' }
    const id = await draftPlan(db, { input, requestForm: form, applicant: { id: INSPECTOR.id, site_id: HQ, department_id: null }, ctx: await loadRequestContext(db) })
    await db.requests.update((await db.supervision_plans.get(id))!.request_id, { status: 'rejected', waiting_role: null })

    const { wrapper } = await mountAt(`/supervision/${id}`, supervisionRoutes, INSPECTOR.id, ['inspector'])
    wrappers.push(wrapper)
    await until(() => expect(wrapper.find('[data-testid="plan-act-cancel"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="plan-refused"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="plan-waiting"]').exists()).toBe(false)
    await wrapper.get('[data-testid="plan-act-cancel"]').trigger('click')
    // The reason is required: said before anything is asked.
    await wrapper.get('[data-testid="cancel-plan-send"]').trigger('click')
    await until(() => expect(wrapper.get('[data-testid="plan-form-cancel"]').text()).toContain('请填写'))
    await wrapper.get('[data-testid="plan-note"] textarea').setValue('方案未获批准，下月另拟')
    // Confirmation: answering no keeps the plan.
    await wrapper.get('[data-testid="cancel-plan-send"]').trigger('click')
    await until(() => expect(document.querySelector('.van-dialog__cancel')).not.toBeNull())
    ;(document.querySelector('.van-dialog__cancel') as HTMLElement).click()
    await new Promise((r) => setTimeout(r, 50))
    expect(stage(wrapper)).toBe('planned')
    const acts = async () => (await db.outbox.toArray()).filter((o) => o.kind === 'supervision_plan.act' && o.payload.plan_id === id)
    expect(await acts()).toEqual([])
    await wrapper.get('[data-testid="cancel-plan-send"]').trigger('click')
    await until(() => expect(document.querySelector('.van-dialog__confirm')).not.toBeNull())
    ;(document.querySelector('.van-dialog__confirm') as HTMLElement).click()
    await until(() => expect(stage(wrapper)).toBe('cancelled'))
    expect(wrapper.get('[data-testid="plan-cancel-note"]').text()).toContain('方案未获批准，下月另拟')
    expect(wrapper.find('[data-testid^="plan-act-"]').exists()).toBe(false)
    const last = (await db.outbox.orderBy('seq').toArray()).at(-1)!
    expect(last).toMatchObject({ kind: 'supervision_plan.act', payload: { type: 'cancel', plan_id: id, note: '方案未获批准，下月另拟' } })
  })
})
