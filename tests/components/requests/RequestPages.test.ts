import '../support/vantCss'
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { getDb, saveFormDraft } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { useSessionStore } from '@/features/auth'
import RequestNewPage from '@/features/requests/pages/RequestNewPage.vue'
import RequestSettingsPage from '@/features/requests/pages/RequestSettingsPage.vue'
import RequestsPage from '@/features/requests/pages/RequestsPage.vue'
import { useRequestsStore } from '@/features/requests/stores/requests'
import { appPlugins } from '../support/mountApp'
import { until } from '../support/until'
import { fakePhoto } from '../../unit/photos/support'

// The real pipeline needs a canvas; the page only needs "a processed photo came back".
vi.mock('@/shared/ui/photos/processor', () => ({ defaultProcessor: async () => fakePhoto() }))

const EMPLOYEE = demo.users.find((u) => u.roles.includes('employee'))!
const HEAD = demo.users.find((u) => u.roles.includes('admin_head'))!

/** `before`: runs once the test's stores exist, before the page mounts. */
async function mountAt(path: string, userId: string, { settle = true, before = () => undefined as void } = {}) {
  await seedDemoCompany(getDb())
  const { plugins } = appPlugins()
  before()
  const session = useSessionStore()
  session.userId = userId
  session.profile = { displayName: 'x', phone: null, siteId: EMPLOYEE.site_id, departmentId: EMPLOYEE.department_id } as never
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/requests/new/:type?', name: 'requestNew', component: RequestNewPage },
      { path: '/requests', name: 'requests', component: RequestsPage },
      { path: '/requests/settings', name: 'requestSettings', component: RequestSettingsPage },
      { path: '/requests/:id', name: 'requestDetail', component: { template: '<div data-testid="detail-stub" />' } },
      { path: '/elsewhere', name: 'elsewhere', component: { template: '<div />' } },
    ],
  })
  await router.push(path)
  const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [...plugins, router] }, attachTo: document.body })
  if (settle) await flushPromises()
  return { wrapper, router }
}

describe('RequestNewPage', () => {
  it('typed input survives leaving the page; a bad form names its fields and saves nothing; a good one is one application', async () => {
    const first = await mountAt('/requests/new/seal_use', EMPLOYEE.id)
    await until(() => expect(first.wrapper.find('[data-testid=request-field-document_title]').exists()).toBe(true))
    await first.wrapper.find('[data-testid=request-field-document_title] input').setValue('租赁合同')
    await until(async () => expect(await getDb().meta.get('requests.draft:new:seal_use')).toMatchObject({ value: { fields: { document_title: '租赁合同' } } }))
    first.wrapper.unmount()

    const { wrapper, router } = await mountAt('/requests/new/seal_use', EMPLOYEE.id)
    await until(() => expect((wrapper.find('[data-testid=request-field-document_title] input').element as HTMLInputElement).value).toBe('租赁合同'))
    const before = await getDb().outbox.count()
    await wrapper.find('[data-testid=request-submit]').trigger('click')
    await until(() => expect(wrapper.find('[data-testid=request-field-purpose]').text()).toContain('必填'))
    expect(await getDb().outbox.count()).toBe(before)

    await wrapper.find('[data-testid=request-field-seal_name] input').setValue('合同专用章')
    await wrapper.find('[data-testid=request-field-purpose] textarea').setValue('签约')
    await wrapper.find('[data-testid=request-submit]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('requestDetail'))
    const id = String(router.currentRoute.value.params.id)
    expect(await getDb().requests.get(id)).toMatchObject({ status: 'pending', waiting_role: 'admin_head', title: '租赁合同' })
    expect(await getDb().meta.get('requests.draft:new:seal_use')).toBeUndefined()
    wrapper.unmount()
  })
})

describe('issue 9: attachments on an application', () => {
  it('a photo taken offline stays with the draft when the page is left, and goes with the application: its row, bytes and op after the submit', async () => {
    const first = await mountAt('/requests/new/licence_affair', EMPLOYEE.id)
    await until(() => expect(first.wrapper.find('[data-testid=request-photos] [data-testid=photo-camera-input]').exists()).toBe(true))
    const input = first.wrapper.find('[data-testid=request-photos] [data-testid=photo-camera-input]')
    Object.defineProperty(input.element, 'files', { value: [new File(['raw'], 'licence.jpg', { type: 'image/jpeg' })], configurable: true })
    await input.trigger('change')
    await until(async () => expect((await getDb().meta.get('requests.draft:new:licence_affair'))?.value).toMatchObject({ photos: [{ mime: 'image/jpeg' }] }))
    first.wrapper.unmount()

    const { wrapper, router } = await mountAt('/requests/new/licence_affair', EMPLOYEE.id)
    await until(() => expect(wrapper.findAll('[data-testid=request-photos] [data-testid=captured-photo]')).toHaveLength(1))
    for (const [key, value] of [['licence_name', '营业执照'], ['authority', '市场监督管理局'], ['materials', '申请书、章程'], ['reason', '地址变更']]) {
      const field = wrapper.find(`[data-testid=request-field-${key}]`)
      await (field.find('input').exists() ? field.find('input') : field.find('textarea')).setValue(value)
    }
    await wrapper.find('[data-testid=request-submit]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('requestDetail'))
    const id = String(router.currentRoute.value.params.id)
    const row = await getDb().requests.get(id)
    expect(row?.photo_ids).toHaveLength(1)
    const photoId = row!.photo_ids[0]!
    expect(await getDb().photos.get(photoId)).toMatchObject({ owner_table: 'requests', owner_id: id, taken_by: EMPLOYEE.id })
    expect(await getDb().photo_blobs.get(photoId)).toMatchObject({ uploaded_at: null })
    const ops = (await getDb().outbox.orderBy('seq').toArray()).filter((o) => o.entity_id === id || o.entity_id === photoId)
    expect(ops.map((o) => o.kind)).toEqual(['request.submit', 'photo.register'])
    expect(ops[0]?.payload).toMatchObject({ photo_ids: [photoId] })
    expect(await getDb().meta.get('requests.draft:new:licence_affair')).toBeUndefined()
    wrapper.unmount()
  })
})

describe('a draft saved before attachments were offered', () => {
  it('(the fields alone) still restores its fields, with no photos', async () => {
    await seedDemoCompany(getDb())
    await saveFormDraft(getDb(), 'requests.draft:new:licence_borrow', { licence_name: '开户许可证', purpose: '银行开户' })
    const { wrapper } = await mountAt('/requests/new/licence_borrow', EMPLOYEE.id)
    await until(() => expect((wrapper.find('[data-testid=request-field-licence_name] input').element as HTMLInputElement).value).toBe('开户许可证'))
    expect(wrapper.findAll('[data-testid=request-photos] [data-testid=captured-photo]')).toHaveLength(0)
    wrapper.unmount()
  })
})

describe('issue #12: request form messages name the field and its limit', () => {
  it('5000 copies says 份数 and 1 to 999, not a bare 超出允许范围', async () => {
    const { wrapper } = await mountAt('/requests/new/seal_use', EMPLOYEE.id)
    await until(() => expect(wrapper.find('[data-testid=request-field-copies]').exists()).toBe(true))
    await wrapper.find('[data-testid=request-field-copies] input').setValue('5000')
    await wrapper.find('[data-testid=request-submit]').trigger('click')
    await until(() => expect(wrapper.find('[data-testid=request-field-copies] .van-field__error-message').text()).toBe('份数：超出允许范围（须在 1 到 999 之间）'))
    wrapper.unmount()
  })
})

describe('RequestSettingsPage', () => {
  it('the admin head delegates to someone for some days: the delegation is listed and queued', async () => {
    const { wrapper } = await mountAt('/requests/settings', HEAD.id)
    await until(() => expect(wrapper.find('[data-testid=delegation-form]').exists()).toBe(true))
    await wrapper.find('[data-testid=delegation-save]').trigger('click')
    await until(() => expect(wrapper.find('[data-testid=delegation-form]').text()).toContain('请选择代理人'))
    const option = `[data-testid=person-option][data-user-id="${EMPLOYEE.id}"]`
    await until(() => expect(wrapper.find(option).exists()).toBe(true))
    await wrapper.find(option).trigger('click')
    await wrapper.find('[data-testid=delegation-save]').trigger('click')
    await until(() => expect(wrapper.findAll('[data-testid=delegation-row]')).toHaveLength(1))
    const ops = await getDb().outbox.where('kind').equals('delegation.upsert').toArray()
    expect(ops.at(-1)?.payload).toMatchObject({ from_user: HEAD.id, to_user: EMPLOYEE.id })
    wrapper.unmount()
  })

  it('the approval threshold is company-wide: a site-scoped admin head does not see it (issue 8)', async () => {
    const { wrapper } = await mountAt('/requests/settings', HEAD.id)
    const session = useSessionStore()
    session.grants = [{ role: 'admin_head', siteId: EMPLOYEE.site_id }]
    await until(() => expect(wrapper.find('[data-testid=delegation-form]').exists()).toBe(true))
    expect(wrapper.find('[data-testid=threshold-form]').exists()).toBe(false)
    session.grants = [{ role: 'admin_head', siteId: null }]
    await until(() => expect(wrapper.find('[data-testid=threshold-form]').exists()).toBe(true))
    session.grants = []
    wrapper.unmount()
  })
})

describe('RequestsPage', () => {
  it('offers a new application a frame after its first render, without waiting for the lists', async () => {
    // Lists that are never read: the page stays in its loading state.
    const neverRead = () => void vi.spyOn(useRequestsStore(), 'start').mockImplementation(() => new Promise(() => undefined))
    const { wrapper } = await mountAt('/requests', EMPLOYEE.id, { settle: false, before: neverRead })
    // Issue 13: the bubble measures itself when it mounts; with the lists, that was a forced layout of them all.
    await until(() => expect(document.querySelectorAll('[data-testid=requests-new]')).toHaveLength(1))
    expect(wrapper.find('[data-testid=requests-page] .state-view').attributes('data-state')).toBe('loading')
    wrapper.unmount()
    vi.restoreAllMocks()
  })
})
