/**
 * Issue #12 point 9, the last forms that asked before leaving but kept nothing: the supervision
 * notice / report / review, the round review panel, delegation settings (代理审批) and the approval
 * threshold, the custody batch page, the area, department and profile forms, the dorm building and
 * room editors. Each is walked as a user does (./walk.ts): type, leave (asked), come back, reload:
 * still there; saving drops the draft; cancel asks before throwing input away.
 */
import '../support/vantCss'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { useSessionStore } from '@/features/auth'
import { supervisionRoutes } from '@/features/supervision/routes'
import { inspectionRoutes } from '@/features/inspections/routes'
import { requestRoutes } from '@/features/requests/routes'
import { assetRoutes } from '@/features/assets/routes'
import { adminRoutes } from '@/features/admin/routes'
import { meRoutes } from '@/features/me/routes'
import { dormRoutes } from '@/features/dorms/routes'
import { actOnPlan, draftPlan } from '@/features/supervision/data/planWrites'
import { planActDraftKey } from '@/features/supervision/data/planDrafts'
import type { PlanAct } from '@/features/supervision/domain'
import { loadRequestContext } from '@/features/requests/data/context'
import { recordRound, roundReviewDraftKey } from '@/features/inspections/data/rounds'
import { labelUrl } from '@/features/assets/domain/labelToken'
import { useBatchStore } from '@/features/assets/stores/batch'
import { fakePhoto } from '../../unit/photos/support'
import { newSeal } from '../assets/support'
import { mountAt, until } from '../rectification/support'
import { cancelAsks, leave, tap, tapWhenShown, typeInto, walkForm, type Walk } from './walk'

// The batch page's camera: no camera in the test; labels are added as a scan would add them.
vi.mock('html5-qrcode', async () => (await import('../support/fakeCamera')).fakeHtml5Qrcode())

const person = (role: string) => demo.users.find((u) => u.roles.includes(role))!
const HEAD = person('admin_head')
const INSPECTOR = person('inspector')
const KEEPER = person('seal_keeper')
const DORMS = person('dorm_manager')
const HQ = demo.sites[0]!.id
const FIN = demo.departments.find((d) => d.code === 'FIN')!.id

const wrappers: VueWrapper[] = []
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

/** A supervision plan, approved, moved through `acts` (as the inspector); its id. */
async function plan(acts: Record<string, unknown>[]): Promise<string> {
  const db = getDb()
  const input = { site_id: HQ, department_id: FIN, focus: '档案管理', scope: '档案室', starts_on: '2026-12-01', ends_on: '2026-12-01', publish_due_on: '2099-12-31', inspector_ids: [INSPECTOR.id], template_codes: ['sanitation'] }
  const form = { focus: '档案管理', department: '财务部', period: '2026-12-01', scope: '档案室', inspectors: '周敏', checklists: '卫生' }
  const id = await draftPlan(db, { input, requestForm: form, applicant: { id: INSPECTOR.id, site_id: HQ, department_id: null }, ctx: await loadRequestContext(db) }, new Date(Date.now() - 60_000))
  await db.requests.update((await db.supervision_plans.get(id))!.request_id, { status: 'approved', waiting_role: null })
  const inspector = { id: INSPECTOR.id, grants: [{ role: 'inspector', siteId: HQ }], departmentId: null }
  for (const body of acts) {
    const row = (await db.supervision_plans.get(id))!
    await actOnPlan(db, { plan: row, input: { plan_id: id, ...body }, actor: inspector, approval: 'approved', timeZone: 'Asia/Shanghai', calendar: null }, new Date(Date.now() - 30_000))
  }
  return id
}

const stageOf = () => document.querySelector('[data-testid="plan-summary"] [data-stage]')?.getAttribute('data-stage')
const NOTICE = { type: 'notice', note: '明天检查' }
const REPORT = { type: 'report', summary: '两处问题', findings: [{ text: '档案未装盒', days: 3 }], inspection_ids: [] }

let planId = ''
const planWalk = (act: PlanAct, user: { id: string; roles: string[] }, before: Record<string, unknown>[], sel: string, save?: Walk['save']): Walk => ({
  name: `supervision ${act}`,
  user,
  routes: supervisionRoutes,
  setup: async () => {
    planId = await plan(before)
    return `/supervision/${planId}`
  },
  open: () => tapWhenShown(`[data-testid=plan-act-${act}]`),
  fields: [[sel, act === 'report' ? '消防通道堆放杂物' : '请按时整改']],
  key: () => planActDraftKey(planId, act),
  save,
})

const inspector = { id: INSPECTOR.id, roles: ['inspector'] }
const head = { id: HEAD.id, roles: ['admin_head'] }
const noticeWalk = planWalk('notice', inspector, [], '[data-testid=plan-note] textarea', async () => {
  tap('[data-testid=notice-send]')
  await until(() => expect(stageOf()).toBe('notified'))
})
const reportWalk = planWalk('report', inspector, [NOTICE], '[data-testid=report-summary] textarea', async () => {
  tap('[data-testid=finding-add]')
  await tapWhenShown('[data-testid=finding-text-0]')
  await typeInto('[data-testid=finding-text-0] input', '灭火器过期')
  document.querySelector('[data-testid=report-form]')!.dispatchEvent(new Event('submit'))
  await until(() => expect(stageOf()).toBe('reported'))
})
const reviewWalk = planWalk('review', head, [NOTICE, REPORT], '[data-testid=plan-note] textarea', async () => {
  tap('[data-testid=review-accept]')
  await until(() => expect(stageOf()).toBe('reviewed'))
})

let roundId = ''
const areaId = demo.areas[0]!.id
let companyId = ''
let sealId = ''
const firstSite = demo.sites[0]!.id

const walks: Walk[] = [
  noticeWalk,
  reportWalk,
  reviewWalk,
  {
    name: 'round review panel',
    user: { id: INSPECTOR.id, roles: ['inspector'] },
    routes: inspectionRoutes,
    setup: async () => {
      const round = await recordRound(getDb(), { id: crypto.randomUUID(), area_id: areaId, cleaner_id: person('cleaner').id, via: 'scan', note: null }, [fakePhoto()], new Date(Date.now() - 60_000))
      roundId = round.id
      return `/review?round=${round.id}`
    },
    fields: [['[data-testid=review-comment] textarea', '角落还有灰']],
    key: () => roundReviewDraftKey(roundId),
    save: async () => {
      tap('[data-testid=review-accept]')
      await until(async () => expect((await getDb().cleaning_rounds.get(roundId))?.review_comment).toBe('角落还有灰'))
    },
  },
  {
    name: 'delegation (代理审批)',
    user: head,
    routes: requestRoutes,
    setup: async () => '/requests/settings',
    fields: [['[data-testid=delegation-starts]', '2099-05-01'], ['[data-testid=delegation-ends]', '2099-05-09']],
    key: () => `requests.delegation:${HEAD.id}`,
  },
  {
    name: 'approval threshold',
    user: head,
    routes: requestRoutes,
    setup: async () => {
      companyId = (await getDb().company.toCollection().first())!.id
      return '/requests/settings'
    },
    fields: [['[data-testid=threshold-input] input', '8000']],
    key: () => `requests.threshold:${companyId}`,
    save: async () => {
      tap('[data-testid=threshold-save]')
      await until(async () => expect((await getDb().company.get(companyId))?.approval_amount_threshold).toBe(8000))
    },
  },
  {
    name: 'custody batch (the list scanned, the action, the fields)',
    user: { id: KEEPER.id, roles: KEEPER.roles },
    routes: assetRoutes,
    setup: async () => {
      sealId = (await newSeal()).id
      return '/assets/batch'
    },
    open: async () => {
      const seal = (await getDb().assets.get(sealId))!
      await until(() => expect(document.querySelector('[data-testid=batch-count]')).not.toBeNull())
      expect((await useBatchStore().add(labelUrl(window.location.origin, seal.label_token!))).kind).toBe('added')
      await until(() => expect(document.querySelector('[data-testid=batch-count]')?.textContent).toContain('1'))
    },
    fields: [['[data-testid=checkout-purpose] input', '新员工入职']],
    key: () => 'assets.batch',
    save: async () => {
      // The list came back from the draft (each mount is a fresh store); confirming an audit of it records the event.
      await until(() => expect(useBatchStore().items.map((a) => a.id)).toEqual([sealId]))
      tap('[data-testid=batch-action-audit_seen]')
      await typeInto('[data-testid=audit-location] input', 'A-1 柜')
      await until(() => expect((document.querySelector('[data-testid=custody-save]') as HTMLButtonElement).disabled).toBe(false))
      tap('[data-testid=custody-save]')
      await until(async () => expect(await getDb().custody_events.where('asset_id').equals(sealId).filter((e) => e.type === 'audit_seen').count()).toBe(1))
    },
  },
  {
    name: 'area form',
    user: head,
    routes: inspectionRoutes,
    setup: async () => '/areas/new',
    fields: [['[data-testid=area-building] input', 'B栋'], ['[data-testid=area-name] input', '二楼茶水间']],
    key: () => 'inspections.area:new',
    save: async (router) => {
      document.querySelector('[data-testid=area-form]')!.dispatchEvent(new Event('submit'))
      await until(() => expect(router.currentRoute.value.name).toBe('area'))
      expect(await getDb().areas.filter((a) => a.name === '二楼茶水间').count()).toBe(1)
    },
  },
  {
    name: 'department form (the page opens it again)',
    user: head,
    routes: adminRoutes,
    setup: async () => '/admin/departments',
    open: () => tapWhenShown('[data-testid=dept-add]'),
    fields: [['[data-testid=dept-code] input', 'QC'], ['[data-testid=dept-name] input', '品控部']],
    key: () => `admin.department:new:${firstSite}`,
    save: async () => {
      document.querySelector('[data-testid=dept-form]')!.dispatchEvent(new Event('submit'))
      await until(async () => expect(await getDb().departments.filter((d) => d.code === 'QC').count()).toBe(1))
    },
  },
  {
    name: 'profile form (the page opens it again)',
    user: { id: person('employee').id, roles: ['employee'] },
    routes: meRoutes,
    setup: async () => '/me',
    // The identity the device would read (the test mounts without the sync that fills it).
    mounted: () => {
      const me = person('employee')
      useSessionStore().$patch({ profile: { id: me.id, displayName: me.display_name, phone: null, siteId: me.site_id, departmentId: me.department_id } })
    },
    open: () => tapWhenShown('[data-testid=profile-edit]'),
    fields: [['[data-testid=profile-phone] input', '13800001111']],
    key: () => `me.profile:${person('employee').id}`,
    save: async () => {
      document.querySelector('[data-testid=profile-form]')!.dispatchEvent(new Event('submit'))
      await until(async () => expect((await getDb().profiles.get(person('employee').id))?.phone).toBe('13800001111'))
    },
  },
  {
    name: 'dorm building editor',
    user: { id: DORMS.id, roles: ['dorm_manager'] },
    routes: dormRoutes,
    setup: async () => '/dorms/buildings/new',
    fields: [['[data-testid=building-name] input', '3 号宿舍楼'], ['[data-testid=building-rules] textarea', '23:00 后保持安静']],
    key: () => 'dorms.building:new',
    save: async (router) => {
      document.querySelector('[data-testid=dorm-building-edit] form')!.dispatchEvent(new Event('submit'))
      await until(() => expect(router.currentRoute.value.name).toBe('dorms'))
    },
  },
  {
    name: 'dorm room editor',
    user: { id: DORMS.id, roles: ['dorm_manager'] },
    routes: dormRoutes,
    setup: async () => `/dorms/rooms/new?building=${demo.dorms.buildings[0]!.id}`,
    fields: [['[data-testid=room-number] input', '502'], ['[data-testid=room-fee] input', '80']],
    key: () => 'dorms.room:new',
  },
]

describe('issue #12: the last forms keep what was typed', () => {
  for (const walk of walks) {
    it(`${walk.name}: type, leave (asked), come back, reload: still there${walk.save ? '; saving drops the draft' : ''}`, () => walkForm(walk, wrappers), 90_000)
  }
})

describe('issue #12: cancel asks before it throws typed input away', () => {
  it('supervision notice', () => cancelAsks(noticeWalk, '[data-testid=plan-form-back]', '[data-testid=plan-form-notice]', wrappers), 60_000)
  it('supervision report', () => cancelAsks(reportWalk, '[data-testid=report-cancel]', '[data-testid=report-form]', wrappers), 60_000)
  it('supervision review', () => cancelAsks(reviewWalk, '[data-testid=plan-form-back]', '[data-testid=plan-form-review]', wrappers), 60_000)
  it('department form', () => cancelAsks(walks.find((w) => w.key().startsWith('admin.department'))!, '[data-testid=dept-cancel]', '[data-testid=dept-form]', wrappers), 60_000)
  it('profile form', () => cancelAsks(walks.find((w) => w.key().startsWith('me.profile'))!, '[data-testid=profile-cancel]', '[data-testid=profile-form]', wrappers), 60_000)
})

describe('issue #12: a page with two forms holding input asks once', () => {
  it('delegation and threshold both typed: one question, then the tab opens', async () => {
    const { wrapper, router } = await mountAt('/requests/settings', requestRoutes, HEAD.id, ['admin_head'])
    wrappers.push(wrapper)
    await typeInto('[data-testid=delegation-ends]', '2099-06-30')
    await typeInto('[data-testid=threshold-input] input', '6000')
    // leave() answers one question; a second one would hold the navigation and fail it.
    await leave(router)
    expect(router.currentRoute.value.name).toBe('home')
  }, 60_000)
})
