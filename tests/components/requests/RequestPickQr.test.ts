/**
 * Issue 9: the approved application's QR on the applicant's phone, and the keeper picking the application
 * with it: in the seal-use form (a scan), and the licence's check-out opened from the Scan tab's answer.
 */
import '../support/vantCss'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent, h } from 'vue'
import { getDb } from '@/platform/db'
import type { RequestRow } from '@/platform/db/rows'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { useSessionStore } from '@/features/auth'
import { requestUrl } from '@/features/requests/domain/pickCode'
import RequestPage from '@/features/requests/pages/RequestPage.vue'
import SealUsageNewPage from '@/features/seals/pages/SealUsageNewPage.vue'
import { appPlugins } from '../support/mountApp'
import { until } from '../support/until'
import { mountAt as mountAssetRoutes, user } from '../assets/support'

// The camera is the browser test's job: here the scanner is a stub whose "decode" the test triggers.
const scanned = { text: '' }
vi.mock('@/shared/ui/scanner/QrScanner.vue', () => ({
  __esModule: true,
  default: defineComponent({
    emits: ['decoded'],
    setup(_, { emit }) {
      return () => h('button', { type: 'button', 'data-testid': 'fake-decode', onClick: () => emit('decoded', scanned.text) })
    },
  }),
}))

const EMPLOYEE = user('employee')
const SEAL = demo.assets.find((a) => a.number === 'SEAL-0002')!
const LICENCE = demo.assets.find((a) => a.number === 'LIC-0001')!
const at = new Date(Date.now() - 3_600_000).toISOString()
let mounted: VueWrapper | null = null
afterEach(() => {
  mounted?.unmount()
  mounted = null
})

async function application(over: Partial<RequestRow> = {}): Promise<RequestRow> {
  await seedDemoCompany(getDb())
  const row: RequestRow = {
    id: crypto.randomUUID(), type: 'seal_use', site_id: EMPLOYEE.site_id, department_id: EMPLOYEE.department_id, applicant_id: EMPLOYEE.id,
    title: '物流合同', form: { document_title: '物流合同', document_type: 'contract', copies: 2, seal_name: '合同专用章', purpose: '续签', mode: 'stamp_here', due_at: null },
    photo_ids: [], status: 'approved', revision: 1, step: 2, chain: [{ role: 'admin_head', skipped: false }, { role: 'executive', skipped: false }] as RequestRow['chain'],
    waiting_role: null, fulfiller_role: 'seal_keeper', deciders: [user('admin_head').id, user('executive').id], submitted_at: at, status_at: at, decided_at: at,
    first_pass: true, due_back_at: null, fulfilled_at: null, fulfilled_by: null, assignment: null, updated_at: at, deleted_at: null, ...over,
  }
  await getDb().requests.put(row)
  return row
}

async function mountRoute(path: string, userId: string, roles: string[]) {
  const { plugins } = appPlugins()
  useSessionStore().$patch({ userId, grants: roles.map((role) => ({ role: role as never, siteId: null })), identityLoaded: true })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/requests/:id', name: 'requestDetail', component: RequestPage },
      { path: '/requests/:id/edit', name: 'requestEdit', component: { template: '<div />' } },
      { path: '/seals/:id/usage/new', name: 'sealUsageNew', component: SealUsageNewPage },
      { path: '/seals/register', name: 'sealRegister', component: { template: '<div />' } },
    ],
  })
  await router.push(path)
  const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [...plugins, router] }, attachTo: document.body })
  mounted = wrapper
  await flushPromises()
  return wrapper
}

describe("the application's QR on the applicant's phone", () => {
  it('shows on an approved seal use the applicant opens, as a request link; not to the keeper (who gets "stamp for this application"), not before approval', async () => {
    const app = await application()
    const page = await mountRoute(`/requests/${app.id}`, EMPLOYEE.id, EMPLOYEE.roles)
    await until(() => expect(page.find('[data-testid=request-pick-qr]').exists()).toBe(true))
    expect(page.find('[data-testid=request-pick-qr]').attributes('data-url')).toBe(requestUrl(location.origin, app.id))
    expect(page.find('[data-testid=request-pick-qr] img').exists()).toBe(true)
    expect(page.text()).toContain('印章管理员')
    page.unmount()

    const keeper = user('seal_keeper')
    const other = await mountRoute(`/requests/${app.id}`, keeper.id, keeper.roles)
    await until(() => expect(other.find('[data-testid=request-summary]').exists()).toBe(true))
    expect(other.find('[data-testid=request-pick-qr]').exists()).toBe(false)
    // The keeper who opened the link with the phone's own camera carries it out from the page.
    await until(() => expect(other.find('[data-testid=request-carry-out]').exists()).toBe(true))
    expect(other.find('[data-testid=request-carry-out]').text()).toBe('按此申请用印')
    await other.find('[data-testid=request-carry-out]').trigger('click')
    // The form's frame shows before its data (issue 13): the application is there once it is read.
    await until(() => expect(other.find('[data-testid=usage-application]').attributes('data-request-id')).toBe(app.id))
    other.unmount()

    const pending = await application({ status: 'pending', waiting_role: 'executive', step: 1, decided_at: null })
    const early = await mountRoute(`/requests/${pending.id}`, EMPLOYEE.id, EMPLOYEE.roles)
    await until(() => expect(early.find('[data-testid=request-summary]').exists()).toBe(true))
    expect(early.find('[data-testid=request-pick-qr]').exists()).toBe(false)
    early.unmount()
    const keeperEarly = await mountRoute(`/requests/${pending.id}`, keeper.id, keeper.roles)
    await until(() => expect(keeperEarly.find('[data-testid=request-summary]').exists()).toBe(true))
    await flushPromises()
    expect(keeperEarly.find('[data-testid=request-carry-out]').exists()).toBe(false)
  })
})

describe("the seal keeper scans it in the seal-use form", () => {
  async function openForm() {
    const keeper = user('seal_keeper')
    const form = await mountRoute(`/seals/${SEAL.id}/usage/new`, keeper.id, keeper.roles)
    // Its frame shows before its data (issue 13): scan once the form is ready.
    await until(() => expect(form.find('[data-testid=seal-usage-page]').attributes('data-status')).toBe('ready'))
    await form.find('[data-testid=usage-application-scan]').trigger('click')
    await until(() => expect(form.find('[data-testid=fake-decode]').exists()).toBe(true))
    return form
  }
  async function scan(form: VueWrapper, text: string) {
    scanned.text = text
    await form.find('[data-testid=fake-decode]').trigger('click')
    await flushPromises()
  }

  it('wrong kind, not approved, another seal, already used, unknown, not a request: a translated reason, nothing picked', async () => {
    const cases: [string, string][] = [
      [requestUrl(location.origin, (await application({ type: 'licence_borrow', title: '营业执照借用', fulfiller_role: 'asset_keeper' })).id), '不是你办理的申请'],
      [requestUrl(location.origin, (await application({ status: 'pending', waiting_role: 'executive', step: 1, decided_at: null })).id), '尚未审批通过'],
      [requestUrl(location.origin, (await application({ form: { seal_name: '财务专用章' } })).id), '另一枚印章'],
      [requestUrl(location.origin, (await application({ fulfilled_at: at, fulfilled_by: user('seal_keeper').id })).id), '已经办理过'],
      [requestUrl(location.origin, crypto.randomUUID()), '本机还没有这份申请'],
      ['https://evil.example.com/requests/x', '这不是申请二维码'],
    ]
    // Another application for this seal would be picked by itself when it is the only one: keep two.
    await application()
    await application()
    const form = await openForm()
    const before = form.find('[data-testid=usage-application]').attributes('data-request-id')
    for (const [text, says] of cases) {
      await scan(form, text)
      await until(() => expect(form.find('[data-testid=usage-application-problem]').text()).toContain(says))
      expect(form.find('[data-testid=usage-application]').attributes('data-request-id')).toBe(before)
    }
  })

  it('an approved, unused seal use for this seal is picked and fills the form', async () => {
    await application()
    const app = await application({ title: '仓储合同', form: { document_title: '仓储合同', document_type: 'contract', copies: 4, seal_name: '合同专用章', purpose: '签约', mode: 'stamp_here', due_at: null } })
    const form = await openForm()
    await scan(form, requestUrl(location.origin, app.id))
    await until(() => expect(form.find('[data-testid=usage-application]').attributes('data-request-id')).toBe(app.id))
    expect((form.find('[data-testid=usage-title] input').element as HTMLInputElement).value).toBe('仓储合同')
    expect(form.find('[data-testid=usage-application-problem]').exists()).toBe(false)
    expect(form.find('[data-testid=fake-decode]').exists()).toBe(false)
  })
})

describe("the licence keeper's check-out opened by the scanned QR", () => {
  it('opens check-out with the borrowing picked: the borrower and purpose come from it', async () => {
    const app = await application({ type: 'licence_borrow', title: '营业执照（正本）', fulfiller_role: 'asset_keeper', form: { licence_name: '营业执照（正本）', copy_kind: 'original', purpose: '投标', borrow_at: at, due_at: at } })
    const keeper = user('asset_keeper')
    const { wrapper } = await mountAssetRoutes(`/assets/${LICENCE.id}?act=check_out&request=${app.id}`, keeper.id, keeper.roles)
    mounted = wrapper
    await until(() => expect(document.querySelector('[data-testid=custody-sheet][data-type=check_out]')).not.toBeNull())
    const radio = `[data-testid="application-${app.id}"]`
    await until(() => expect(document.querySelector(radio)?.getAttribute('aria-checked')).toBe('true'))
    await until(() => expect(document.querySelector('[data-testid=person-selected]')?.getAttribute('data-user-id')).toBe(EMPLOYEE.id))
  })
})
