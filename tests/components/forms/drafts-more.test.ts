/**
 * Issue #12 point 9, the remaining forms: each keeps a device draft and asks before it is left.
 * Walked as a user does: type, tap another tab (the form asks; leave), come back: still there;
 * then the page is torn down and mounted again (a reload or an app update): still there.
 * Where the form saves, saving drops the draft in the same transaction.
 */
import '../support/vantCss'
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import type { ChecklistTemplateRow } from '@/platform/db/rows'
import demo from '@/platform/demo/demo-company.json'
import { fleetRoutes } from '@/features/fleet/routes'
import { rankingRoutes } from '@/features/rankings/routes'
import { taskRoutes } from '@/features/tasks/routes'
import { requestRoutes } from '@/features/requests/routes'
import { assetRoutes } from '@/features/assets/routes'
import { dormRoutes } from '@/features/dorms/routes'
import { inspectionRoutes } from '@/features/inspections/routes'
import { supervisionRoutes } from '@/features/supervision/routes'
import { kpiRoutes } from '@/features/kpis/routes'
import { sealRoutes } from '@/features/seals/routes'
import { assignTask } from '@/features/tasks/domain/act'
import { saveAssignedTask } from '@/features/tasks/data/taskWrites'
import { loadRequestContext } from '@/features/requests/data/context'
import { submitRequest } from '@/features/requests/data/requestWrites'
import { SANITATION_V1 } from '@/features/inspections/domain/defaultTemplates'
import { MANAGER, accident, request, vehicle } from '../../unit/fleet/fixtures'
import { mountAt, until } from '../rectification/support'
import { cancelAsks, field, leave, typeInto, walkForm, type Walk } from './walk'
import { newSeal } from '../assets/support'

const person = (role: string) => demo.users.find((u) => u.roles.includes(role))!
const HEAD = person('admin_head')
const EMPLOYEE = person('employee')

const wrappers: VueWrapper[] = []
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

let draftKey = ''
const walks: Walk[] = [
  {
    name: 'renewal rule',
    user: { id: MANAGER, roles: ['fleet_manager'] },
    routes: fleetRoutes,
    setup: async () => '/fleet/renewals/rules/new',
    fields: [['[data-testid=renewal-rule-km] input', '5000'], ['[data-testid=renewal-rule-months] input', '6']],
    key: () => 'fleet.renewalRule:new',
    save: async (router) => {
      document.querySelector('[data-testid=renewal-rule-form]')!.dispatchEvent(new Event('submit'))
      await until(() => expect(router.currentRoute.value.name).toBe('fleetRenewals'))
      expect((await getDb().renewal_rules.toArray()).some((r) => r.every_km === 5000 && r.every_months === 6)).toBe(true)
    },
  },
  {
    name: 'accident update',
    user: { id: MANAGER, roles: ['fleet_manager'] },
    routes: fleetRoutes,
    setup: async () => {
      const v = vehicle()
      const a = accident(v.id)
      await getDb().assets.add(v)
      await getDb().accidents.add(a)
      draftKey = `fleet.accident:${a.id}`
      return `/fleet/accidents/${a.id}`
    },
    fields: [['[data-testid=accident-note] textarea', '已联系保险公司']],
    key: () => draftKey,
  },
  {
    name: 'repair decision',
    user: { id: MANAGER, roles: ['fleet_manager'] },
    routes: fleetRoutes,
    setup: async () => {
      const v = vehicle()
      const r = request(v.id)
      await getDb().assets.add(v)
      await getDb().maintenance_requests.add(r)
      draftKey = `fleet.maintenance:${r.id}`
      return `/fleet/maintenance/${r.id}`
    },
    fields: [['[data-testid=maintenance-garage] input', '大众4S店'], ['[data-testid=maintenance-note] textarea', '先报价再修']],
    key: () => draftKey,
    save: async () => {
      ;(document.querySelector('[data-testid=maintenance-to-approved]') as HTMLElement).click()
      await until(() => expect(field('[data-testid=maintenance-note] textarea')?.value).toBe(''))
    },
  },
  {
    name: 'reward rule',
    user: { id: HEAD.id, roles: ['admin_head'] },
    routes: rankingRoutes,
    setup: async () => '/rewards/rules/new',
    fields: [['[data-testid=rule-name] input', '月度卫生奖']],
    key: () => 'rankings.rule:new',
    save: async (router) => {
      document.querySelector('[data-testid=rule-edit-page] form')!.dispatchEvent(new Event('submit'))
      await until(() => expect(router.currentRoute.value.name).toBe('rewardRules'))
      expect(await getDb().reward_rules.filter((r) => r.name === '月度卫生奖').count()).toBe(1)
    },
  },
  {
    name: 'checklist template',
    user: { id: HEAD.id, roles: ['admin_head'] },
    routes: rankingRoutes,
    setup: async () => {
      const row: ChecklistTemplateRow = {
        id: crypto.randomUUID(), code: 'sanitation_draft', version: 1, name_zh: SANITATION_V1.name_zh, name_en: SANITATION_V1.name_en,
        sections: structuredClone(SANITATION_V1.sections), grading: structuredClone(SANITATION_V1.grading), active: true, updated_at: '2026-01-01T00:00:00.000Z', deleted_at: null,
      }
      await getDb().checklist_templates.add(row)
      draftKey = `rankings.template:${row.id}`
      return `/templates/${row.id}/edit`
    },
    fields: [['[data-testid=template-name-zh] input', '卫生检查表（草稿）']],
    key: () => draftKey,
  },
  {
    name: 'ranking minimums',
    user: { id: HEAD.id, roles: ['admin_head'] },
    routes: rankingRoutes,
    setup: async () => {
      draftKey = `rankings.minimums:${(await getDb().company.toCollection().first())!.id}`
      return '/rewards/rules'
    },
    fields: [['[data-testid=ranking-min-week] input', '3']],
    key: () => draftKey,
  },
  {
    name: 'calendar day',
    user: { id: HEAD.id, roles: ['admin_head'] },
    routes: taskRoutes,
    setup: async () => '/calendar',
    fields: [['[data-testid=calendar-note] input', '公司年会']],
    key: () => 'tasks.calendarDay',
    save: async () => {
      ;(document.querySelector('[data-testid=calendar-save]') as HTMLElement).click()
      await until(async () => expect(await getDb().calendar_days.filter((d) => d.note === '公司年会').count()).toBe(1))
    },
  },
  {
    name: 'request decision',
    user: { id: HEAD.id, roles: ['admin_head'] },
    routes: requestRoutes,
    setup: async () => {
      const ctx = await loadRequestContext(getDb())
      const form = { document_title: '物业合同', document_type: 'contract', copies: 3, seal_name: '合同专用章', purpose: '续签', mode: 'stamp_here', due_at: null }
      const app = await submitRequest(getDb(), { type: 'seal_use', form, applicant: { id: EMPLOYEE.id, site_id: EMPLOYEE.site_id, department_id: EMPLOYEE.department_id }, fulfillerRole: 'seal_keeper', ctx })
      draftKey = `requests.draft:decision:${app.id}`
      return `/requests/${app.id}`
    },
    fields: [['[data-testid=request-note] textarea', '请补充合同编号']],
    key: () => draftKey,
    save: async () => {
      ;(document.querySelector('[data-testid=request-return]') as HTMLElement).click()
      await until(() => expect(field('[data-testid=request-note] textarea')?.value ?? '').toBe(''))
    },
  },
  {
    name: 'custody check-out',
    user: { id: person('seal_keeper').id, roles: person('seal_keeper').roles },
    routes: assetRoutes,
    setup: async () => {
      const seal = await newSeal()
      draftKey = `assets.custody:${seal.id}:check_out`
      return `/assets/${seal.id}`
    },
    open: async () => {
      await until(() => expect(document.querySelector('[data-testid=action-check_out]')).not.toBeNull())
      ;(document.querySelector('[data-testid=action-check_out]') as HTMLElement).click()
    },
    fields: [['[data-testid=checkout-purpose] input', '签租赁合同']],
    key: () => draftKey,
  },
  {
    name: 'dorm allocation',
    user: { id: person('dorm_manager').id, roles: ['dorm_manager'] },
    routes: dormRoutes,
    setup: async () => {
      draftKey = `dorms.allocate::${person('driver').id}:`
      return `/dorms/allocate?person=${person('driver').id}&gender=male`
    },
    fields: [['[data-testid=dorm-shift] input', '夜班']],
    key: () => draftKey,
    save: async (router) => {
      await until(() => expect(document.querySelector('[data-testid=dorm-suggestion]')).not.toBeNull())
      ;(document.querySelector('[data-testid=dorm-suggestion]') as HTMLElement).click()
      await flushPromises()
      ;(document.querySelector('[data-testid=dorm-allocate-submit]') as HTMLElement).click()
      await until(() => expect(router.currentRoute.value.name).toBe('dormRoom'))
    },
  },
  {
    name: 'asset form',
    user: { id: person('asset_keeper').id, roles: ['asset_keeper'] },
    routes: assetRoutes,
    setup: async () => '/assets/new?kind=uniform',
    fields: [['[data-testid=field-name] input', '防静电服 L 号'], ['[data-testid=field-uniform_type] input', '冬季工衣'], ['[data-testid=field-size] input', 'L']],
    key: () => 'assets.form:new:uniform',
    save: async (router) => {
      await typeInto('[data-testid=field-quantity] input', '2')
      document.querySelector('[data-testid=asset-form]')!.dispatchEvent(new Event('submit'))
      await until(() => expect(router.currentRoute.value.name).toBe('asset'))
      expect(await getDb().assets.filter((a) => a.name === '防静电服 L 号').count()).toBe(1)
    },
  },
  {
    name: 'task assignment',
    user: { id: HEAD.id, roles: ['admin_head'] },
    routes: taskRoutes,
    setup: async () => '/tasks/new',
    fields: [['[data-testid=task-title] input', '整理三楼档案室'], ['[data-testid=task-method] textarea', '按年度装盒']],
    key: () => 'tasks.assign:new',
  },
  {
    name: 'task act (the page opens the form again)',
    user: { id: EMPLOYEE.id, roles: ['employee'] },
    routes: taskRoutes,
    setup: async () => {
      const head = { id: HEAD.id, grants: [{ role: 'admin_head', siteId: null }], departmentId: null }
      const out = assignTask(
        { id: crypto.randomUUID(), site_id: EMPLOYEE.site_id, title: '整理档案室', source: 'instruction', assignee_id: EMPLOYEE.id, department_id: null, due_on: '2099-03-13', assigned_at: new Date(Date.now() - 60_000).toISOString() } as never,
        head,
        'Asia/Shanghai',
      )
      if (!out.ok) throw new Error(out.reason)
      await saveAssignedTask(getDb(), out.value, [], new Date(Date.now() - 60_000))
      draftKey = `tasks.act:${out.value.id}:accept`
      return `/tasks/${out.value.id}`
    },
    open: async () => {
      await until(() => expect(document.querySelector('[data-testid=act-accept]')).not.toBeNull())
      ;(document.querySelector('[data-testid=act-accept]') as HTMLElement).click()
    },
    fields: [['[data-testid=act-note] textarea', '收到，周五前完成']],
    key: () => draftKey,
    save: async () => {
      ;(document.querySelector('[data-testid=act-save]') as HTMLElement).click()
      await until(() => expect(document.querySelector('[data-testid=act-form-accept]')).toBeNull())
    },
  },
  {
    name: "cleaner's round",
    user: { id: person('cleaner').id, roles: ['cleaner'] },
    routes: inspectionRoutes,
    setup: async () => `/rounds/new/${demo.areas[0]!.id}`,
    fields: [['[data-testid=round-note] textarea', '已拖地']],
    key: () => `inspections.round:${demo.areas[0]!.id}`,
  },
  {
    name: 'supervision plan',
    user: { id: HEAD.id, roles: ['admin_head'] },
    routes: supervisionRoutes,
    setup: async () => '/supervision/new',
    fields: [['[data-testid=plan-focus] input', '消防通道'], ['[data-testid=plan-scope] textarea', '一号楼全部楼层']],
    key: () => 'supervision.plan:new',
  },
  {
    name: 'KPI target',
    user: { id: HEAD.id, roles: ['admin_head'] },
    routes: kpiRoutes,
    setup: async () => '/kpis/targets',
    open: async () => {
      await until(() => expect(document.querySelector('[data-testid^=target-]')).not.toBeNull())
      ;(document.querySelector('[data-testid^=target-]') as HTMLElement).click()
    },
    fields: [['[data-testid=target-input] input', '95'], ['[data-testid=target-note] input', '年度目标']],
    key: () => 'kpis.target',
  },
]

describe('issue #12: every remaining form keeps what was typed', () => {
  for (const walk of walks) {
    // Three mounts of a page (the template editor is the heaviest): a bound for a busy machine, not a wait.
    it(`${walk.name}: type, leave (asked), come back, reload: still there${walk.save ? '; saving drops the draft' : ''}`, () => walkForm(walk, wrappers), 90_000)
  }
})

describe('issue #12: cancel throws typed input away only when asked', () => {
  it('custody sheet: cancel asks first; "keep editing" keeps it; "discard" drops the draft', () =>
    cancelAsks(walks.find((w) => w.name === 'custody check-out')!, '[data-testid=custody-cancel]', '[data-testid=custody-sheet]', wrappers))
})

describe('issue #12: the seal check keeps the answers given', () => {
  it('a seal marked worn: leave (asked), come back, reload: still worn; confirming drops the draft', async () => {
    const seal = await newSeal()
    const keeper = person('seal_keeper')
    const row = `[data-testid=seal-check-row][data-id="${seal.id}"]`
    const mount = async () => {
      const m = await mountAt('/seals/check', sealRoutes, keeper.id, keeper.roles)
      wrappers.push(m.wrapper)
      await until(() => expect(document.querySelector(row)).not.toBeNull())
      return m
    }
    const first = await mount()
    ;(document.querySelector(`${row} [data-testid=seal-check-condition-worn]`) as HTMLElement).click()
    await until(async () => expect(await getDb().meta.get('seals.check')).toBeDefined())
    await leave(first.router)
    await first.router.push('/seals/check')
    await until(() => expect(document.querySelector(row)?.getAttribute('data-condition')).toBe('worn'))
    first.wrapper.unmount()

    await mount()
    await until(() => expect(document.querySelector(row)?.getAttribute('data-condition')).toBe('worn'))
    ;(document.querySelector('[data-testid=seal-check-save]') as HTMLElement).click()
    await until(async () => expect(await getDb().meta.get('seals.check')).toBeUndefined())
    const events = await getDb().custody_events.where('asset_id').equals(seal.id).toArray()
    expect(events.some((e) => e.type === 'audit_seen' && (e.payload as { condition?: string }).condition === 'worn')).toBe(true)
  }, 60_000)
})
