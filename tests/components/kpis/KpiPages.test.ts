import '../support/vantCss'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import { kpiRoutes } from '@/features/kpis/routes'
import { monthsBack } from '@/features/kpis/domain'
import { calendarMonth } from '@/shared/lib/zonedTime'
import { mountAt, until } from '../rectification/support'
import { FakeIntersectionObserver } from '../../support/fakeIntersectionObserver'

const SITE = '00000000-0000-4000-8000-00000000000a'
const FIN = '00000000-0000-4000-8000-0000000000d1'
const HR = '00000000-0000-4000-8000-0000000000d2'
const HEAD = '00000000-0000-4000-8000-0000000000c1'
const ALICE = '00000000-0000-4000-8000-0000000000a1'
const BOB = '00000000-0000-4000-8000-0000000000b1'
const MONTH = monthsBack(calendarMonth(Date.now(), 'Asia/Shanghai'), 2)[0]!

// Chart.js, as ChartView loads it: records whether the figures were on screen when it was asked for.
const chartAsked = vi.hoisted(() => ({ withFigures: [] as boolean[] }))
vi.mock('@/shared/ui/charts/chartjs', () => ({
  loadChart: () => {
    chartAsked.withFigures.push(document.querySelector('[data-testid=kpi-value]') !== null)
    return Promise.resolve(class {
      update() {}
      render() {}
      destroy() {}
    })
  },
}))

const wrappers: VueWrapper[] = []
afterEach(() => {
  wrappers.splice(0).forEach((w) => w.unmount())
  localStorage.clear()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  FakeIntersectionObserver.all = []
})

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

  it('the rows shown last paint at once with their names, the figures fill in once read; Chart.js only after them, for a chart scrolled to', async () => {
    // A canvas that draws: ChartView asks for Chart.js (happy-dom has none).
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({} as never)
    // A chart is drawn once it is scrolled to (near the viewport), not with the page.
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver)
    chartAsked.withFigures = []
    // The last open on this device showed these two rows (the second one has no figure this month).
    localStorage.setItem('adminfield.kpis.shown', JSON.stringify({ user: HEAD, kpis: ['affairs_on_time', 'seal_use_first_pass'] }))
    const { wrapper } = await mountAt(`/kpis?month=${MONTH}`, kpiRoutes, HEAD, ['admin_head'])
    wrappers.push(wrapper)
    // The frame, before the device db answered: the names and processes, the figures' room held.
    expect(wrapper.find('[data-testid=kpi-dashboard]').attributes('data-status')).toBe('loading')
    const frame = wrapper.find('[data-testid=kpi-affairs_on_time]')
    expect(frame.attributes('data-waiting')).toBe('true')
    expect(frame.text()).toContain('事务办结及时率')
    expect(frame.text()).toContain('流程 1.2')
    expect(wrapper.find('[data-testid=kpi-value]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=kpi-figures]').attributes('aria-busy')).toBe('true')
    expect(wrapper.find('.state-view').exists()).toBe(false)
    // The figures come in the same rows; a row the month has no figure for goes.
    await until(() => expect(wrapper.find('[data-testid=kpi-dashboard]').attributes('data-status')).toBe('ready'))
    const cell = wrapper.find('[data-testid=kpi-affairs_on_time]')
    expect(cell.attributes('data-waiting')).toBeUndefined()
    expect(cell.find('[data-testid=kpi-value]').text()).toBe('66.7%')
    expect(wrapper.find('[data-testid=kpi-seal_use_first_pass]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=kpi-figures]').attributes('aria-busy')).toBeUndefined()
    // The charts below the fold wait: no Chart.js while nobody has scrolled to them.
    await until(() => expect(wrapper.find('[data-testid=kpi-trend] [data-testid=chart]').exists()).toBe(true))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(chartAsked.withFigures).toEqual([])
    // Scrolled to: Chart.js is asked for, with the figures already on screen.
    FakeIntersectionObserver.scrollAllIntoView()
    await until(() => expect(chartAsked.withFigures.length).toBeGreaterThan(0))
    expect(chartAsked.withFigures.every(Boolean)).toBe(true)
    // What this open showed is kept for the next one.
    const kept = JSON.parse(localStorage.getItem('adminfield.kpis.shown') ?? 'null') as { user: string; kpis: string[] }
    expect(kept.user).toBe(HEAD)
    expect(kept.kpis).toContain('affairs_on_time')
    expect(kept.kpis).not.toContain('seal_use_first_pass')
  })

  it('with no rows kept for this user, the dashboard shows its loading state until the figures are read', async () => {
    localStorage.setItem('adminfield.kpis.shown', JSON.stringify({ user: ALICE, kpis: ['affairs_on_time'] }))
    const { wrapper } = await mountAt(`/kpis?month=${MONTH}`, kpiRoutes, HEAD, ['admin_head'])
    wrappers.push(wrapper)
    expect(wrapper.find('.state-view').attributes('data-state')).toBe('loading')
    expect(wrapper.find('[data-testid=kpi-affairs_on_time]').exists()).toBe(false)
    await until(() => expect(wrapper.find('[data-testid=kpi-affairs_on_time] [data-testid=kpi-value]').text()).toBe('66.7%'))
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
