import '../support/vantCss'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import { kpiRoutes } from '@/features/kpis/routes'
import { monthsBack } from '@/features/kpis/domain'
import { calendarMonth } from '@/shared/lib/zonedTime'
import { mountAt, until } from '../rectification/support'

const SITE = '00000000-0000-4000-8000-00000000000a'
const FIN = '00000000-0000-4000-8000-0000000000d1'
const HR = '00000000-0000-4000-8000-0000000000d2'
const HEAD = '00000000-0000-4000-8000-0000000000c1'
const ALICE = '00000000-0000-4000-8000-0000000000a1'
const BOB = '00000000-0000-4000-8000-0000000000b1'
const MONTH = monthsBack(calendarMonth(Date.now(), 'Asia/Shanghai'), 2)[0]!

const wrappers: VueWrapper[] = []
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

const task = (id: string, assignee: string, dept: string, due: string, completed: string) =>
  ({ id, site_id: SITE, department_id: dept, assignee_id: assignee, status: 'completed', due_on: due, completed_at: completed, summary_at: completed, score: null, scored_at: null, deleted_at: null }) as never

beforeEach(async () => {
  const db = getDb()
  await db.departments.bulkPut([
    { id: FIN, site_id: SITE, code: 'FIN', name: '财务部', head_id: null, updated_at: '', deleted_at: null },
    { id: HR, site_id: SITE, code: 'HR', name: '人事部', head_id: null, updated_at: '', deleted_at: null },
  ])
  await db.profiles.bulkPut([
    { id: ALICE, display_name: '王芳', phone: null, site_id: SITE, department_id: FIN, updated_at: '', deleted_at: null },
    { id: BOB, display_name: '李强', phone: null, site_id: SITE, department_id: HR, updated_at: '', deleted_at: null },
  ])
  await db.tasks.bulkPut([
    task('00000000-0000-4000-8000-000000000001', ALICE, FIN, `${MONTH}-10`, `${MONTH}-10T23:59:00+08:00`),
    task('00000000-0000-4000-8000-000000000002', ALICE, FIN, `${MONTH}-12`, `${MONTH}-14T09:00:00+08:00`),
    task('00000000-0000-4000-8000-000000000003', BOB, HR, `${MONTH}-12`, `${MONTH}-11T09:00:00+08:00`),
  ])
})

describe('KPI pages', () => {
  it('the trend keeps its closed months on the device, and a task synced late for one of them drops it', async () => {
    const db = getDb()
    await db.kpi_months.clear()
    const { wrapper } = await mountAt(`/kpis?month=${MONTH}`, kpiRoutes, HEAD, ['admin_head'])
    wrappers.push(wrapper)
    await until(() => expect(wrapper.find('[data-testid=kpi-trend] [data-testid=chart]').attributes('data-points')).toBe('1'))
    // The 12 months of the trend are all closed (MONTH is two months ago): kept, one row each.
    const kept = () => db.kpi_months.where('[source+month]').between(['tasks', ''], ['tasks', '\uffff']).primaryKeys()
    await until(async () => expect((await kept()).length).toBe(12))
    await db.tasks.put(task('00000000-0000-4000-8000-000000000009', BOB, HR, `${MONTH}-03`, `${MONTH}-20T09:00:00+08:00`))
    const left = await kept()
    expect(left.length).toBe(11)
    expect(left.some((k) => String(k).startsWith(`tasks|${MONTH}|`))).toBe(false)
    await db.tasks.delete('00000000-0000-4000-8000-000000000009')
  })

  it('the admin head sees every department, the late KPI in red, and drills down to the late task first', async () => {
    const { wrapper, router } = await mountAt(`/kpis?month=${MONTH}`, kpiRoutes, HEAD, ['admin_head'])
    wrappers.push(wrapper)
    // Issue 13: the links under the figures come with them (shown above the loading state, they were pushed down).
    expect(wrapper.find('[data-testid=kpi-dashboard]').attributes('data-status')).toBe('loading')
    expect(wrapper.find('[data-testid=kpi-dash-links]').exists()).toBe(false)
    await until(() => expect(wrapper.find('[data-testid=kpi-dashboard]').attributes('data-status')).toBe('ready'))
    // The charts and the links once the figures have painted.
    await until(() => expect(wrapper.find('[data-testid=kpi-ranking]').exists()).toBe(true))
    expect(wrapper.find('[data-testid=kpi-report-link]').exists()).toBe(true)
    const cell = wrapper.find('[data-testid=kpi-affairs_on_time]')
    expect(cell.attributes('data-red')).toBe('true')
    expect(cell.find('[data-testid=kpi-value]').text()).toBe('66.7%')
    // An empty KPI has no row (no figure is shown as 0% or 100%).
    expect(wrapper.find('[data-testid=kpi-seal_use_first_pass]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=kpi-ranking] [data-testid=chart]').attributes('data-points')).toBe('2')
    await wrapper.find('[data-testid=kpi-drill-affairs_on_time]').trigger('click')
    await until(() => expect(router.currentRoute.value.name).toBe('kpiDrill'))
    await until(() => expect(wrapper.findAll('[data-testid^=drill-]').length).toBe(3))
    const rows = wrapper.findAll('[data-testid^=drill-]')
    expect(rows.map((r) => r.attributes('data-testid'))).toEqual(['drill-missed', 'drill-met', 'drill-met'])
    expect(rows[0]!.text()).toContain('财务部')
    expect(rows[0]!.text()).toContain('王芳')
  })

  it('an employee sees only their own figures', async () => {
    const { wrapper } = await mountAt(`/kpis?month=${MONTH}`, kpiRoutes, BOB, ['employee'])
    wrappers.push(wrapper)
    await until(() => expect(wrapper.find('[data-testid=kpi-dashboard]').attributes('data-status')).toBe('ready'))
    const cell = wrapper.find('[data-testid=kpi-affairs_on_time]')
    expect(cell.find('[data-testid=kpi-value]').text()).toBe('100%')
    expect(cell.attributes('data-red')).toBe('false')
    expect(wrapper.find('[data-testid=kpi-ranking]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=kpi-department]').exists()).toBe(false)
  })

  it('the monthly report lists each department with its result, printable and as CSV', async () => {
    const { wrapper } = await mountAt(`/kpis/report?month=${MONTH}`, kpiRoutes, HEAD, ['admin_head'])
    wrappers.push(wrapper)
    await until(() => expect(wrapper.find('[data-testid=kpi-report]').attributes('data-status')).toBe('ready'))
    expect(wrapper.find(`[data-testid=report-${FIN}]`).text()).toContain('未达标')
    expect(wrapper.find(`[data-testid=report-${HR}]`).text()).toContain('达标')
    expect(document.documentElement.classList.contains('af-printing')).toBe(true)
    expect(wrapper.find('[data-testid=kpi-report-csv]').attributes('disabled')).toBeUndefined()
  })
})
