import '../support/vantCss'
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { getDb } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { useSessionStore } from '@/features/auth'
import SealUsageNewPage from '@/features/seals/pages/SealUsageNewPage.vue'
import { appPlugins } from '../support/mountApp'
import { addAsset } from '../labels/support'
import { until } from '../support/until'
import { PhotoCapture } from '@/shared/ui/photos'
import { fakePhoto } from '../../unit/photos/support'

async function mountPage(sealId: string) {
  await seedDemoCompany(getDb())
  const { plugins } = appPlugins()
  useSessionStore().userId = demo.users[0]!.id
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/seals/:id/usage/new', name: 'sealUsageNew', component: SealUsageNewPage },
      { path: '/seals/register', name: 'sealRegister', component: { template: '<div data-testid="register-stub" />' } },
    ],
  })
  await router.push(`/seals/${sealId}/usage/new`)
  const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [...plugins, router] }, attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    // The form shows while it loads (disabled, issue 13): type once the seal is read.
    expect(wrapper.find('[data-testid=seal-usage-page][data-status=ready] [data-testid=seal-usage-form]').exists()).toBe(true)
  })
  return { wrapper, router }
}

describe('SealUsageNewPage', () => {
  it('shows translated errors and saves nothing for an empty form', async () => {
    const seal = await addAsset(getDb(), { number: 'SEAL-0201' })
    const { wrapper } = await mountPage(seal.id)
    const before = await getDb().outbox.count()
    await wrapper.find('[data-testid=seal-usage-form]').trigger('submit')
    await until(() => expect(wrapper.find('[data-testid=usage-title]').text()).toContain('必填'))
    expect(await getDb().outbox.count()).toBe(before)
    wrapper.unmount()
  })

  it('issue #12: 用途 shows a counter of its 500 characters before it is cut', async () => {
    const seal = await addAsset(getDb(), { number: 'SEAL-0203' })
    const { wrapper } = await mountPage(seal.id)
    await wrapper.find('[data-testid=usage-purpose] textarea').setValue('签约用印')
    expect(wrapper.find('[data-testid=usage-purpose] .van-field__word-limit').text()).toBe('4/500')
    wrapper.unmount()
  })

  it('records a take-out: requester picked (name and department filled), seal checked out, then the register', async () => {
    const seal = await addAsset(getDb(), { number: 'SEAL-0202' })
    const { wrapper, router } = await mountPage(seal.id)
    await wrapper.find('[data-testid=usage-title] input').setValue('年度框架合同')
    await wrapper.find('[data-testid=usage-type]').setValue('contract')
    await wrapper.find('[data-testid=usage-purpose] textarea').setValue('与供应商签约')
    await wrapper.find('[data-testid=usage-requester]').trigger('click')
    const requester = demo.users[3]!
    const option = `[data-testid=requester-option][data-user-id="${requester.id}"]`
    await until(() => expect(wrapper.find(option).exists()).toBe(true))
    await wrapper.find(option).trigger('click')
    await until(() => {
      expect((wrapper.find('[data-testid=usage-requester-name] input').element as HTMLInputElement).value).toBe(requester.display_name)
      expect((wrapper.find('[data-testid=usage-requester-dept] input').element as HTMLInputElement).value).not.toBe('')
    })
    await wrapper.find('[data-testid=usage-approver] input').setValue('王晓燕')
    await wrapper.find('[data-testid=usage-mode-take_out]').trigger('click')
    await until(() => expect((wrapper.find('[data-testid=usage-due]').element as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/))
    await wrapper.find('[data-testid=usage-emergency-reason] textarea').setValue('客户当场签约，来不及走申请')
    await wrapper.find('[data-testid=seal-usage-form]').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('sealRegister'))

    const rows = await getDb().seal_usages.where('seal_id').equals(seal.id).toArray()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ mode: 'take_out', requester_id: requester.id, document_title: '年度框架合同' })
    expect(await getDb().assets.get(seal.id)).toMatchObject({ status: 'checked_out', holder_id: requester.id })
    expect(await getDb().seal_usage_requests.get(rows[0]!.id)).toMatchObject({ request_id: null, emergency_reason: '客户当场签约，来不及走申请', flag: 'seals.flags.noApplication' })
    wrapper.unmount()
  })

  it('without an approved application the keeper must give an emergency reason; nothing is saved until then', async () => {
    const seal = await addAsset(getDb(), { number: 'SEAL-0203' })
    const { wrapper } = await mountPage(seal.id)
    const before = await getDb().outbox.count()
    await wrapper.find('[data-testid=seal-usage-form]').trigger('submit')
    await until(() => expect(wrapper.find('[data-testid=usage-emergency-reason]').text()).toContain('紧急用印理由'))
    expect(wrapper.find('[data-testid=usage-emergency-reason] .van-field__error-message').exists()).toBe(true)
    expect(await getDb().outbox.count()).toBe(before)
    wrapper.unmount()
  })

  it('picking an approved 用印申请 fills the form from it; saving links the line and carries the application out', async () => {
    const seal = await addAsset(getDb(), { number: 'SEAL-0204' })
    await seedDemoCompany(getDb())
    const { loadRequestContext } = await import('@/features/requests/data/context')
    const { submitRequest, actOnRequest } = await import('@/features/requests/data/requestWrites')
    const employee = demo.users.find((u) => u.roles.includes('employee'))!
    const head = demo.users.find((u) => u.roles.includes('admin_head'))!
    const exec = demo.users.find((u) => u.roles.includes('executive'))!
    const ctx = await loadRequestContext(getDb())
    const form = { document_title: '物业合同', document_type: 'contract', copies: 3, seal_name: '合同专用章', purpose: '续签', mode: 'stamp_here', due_at: null }
    let app = await submitRequest(getDb(), { type: 'seal_use', form, applicant: { id: employee.id, site_id: employee.site_id, department_id: employee.department_id }, fulfillerRole: 'seal_keeper', ctx })
    app = await actOnRequest(getDb(), { request: app, actorId: head.id, act: { action: 'approve' }, ctx })
    app = await actOnRequest(getDb(), { request: app, actorId: exec.id, act: { action: 'approve' }, ctx })
    expect(app.status).toBe('approved')

    const { wrapper, router } = await mountPage(seal.id)
    await wrapper.find('[data-testid=usage-application]').trigger('click')
    const option = `[data-testid=application-option][data-request-id="${app.id}"]`
    await until(() => expect(document.querySelector(option)).not.toBeNull())
    ;(document.querySelector(option) as HTMLElement).click()
    await until(() => expect((wrapper.find('[data-testid=usage-title] input').element as HTMLInputElement).value).toBe('物业合同'))
    expect((wrapper.find('[data-testid=usage-approver] input').element as HTMLInputElement).value).toBe(exec.display_name)
    expect(wrapper.find('[data-testid=usage-emergency-reason]').exists()).toBe(false)
    await wrapper.find('[data-testid=seal-usage-form]').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('sealRegister'))
    const [line] = await getDb().seal_usages.where('seal_id').equals(seal.id).toArray()
    expect(line).toMatchObject({ document_title: '物业合同', copies: 3, requester_id: employee.id })
    expect(await getDb().seal_usage_requests.get(line!.id)).toMatchObject({ request_id: app.id, flag: null })
    expect(await getDb().requests.get(app.id)).toMatchObject({ fulfilled_by: demo.users[0]!.id })
    const kinds = (await getDb().outbox.orderBy('seq').toArray()).map((o) => o.kind)
    expect(kinds.slice(-2)).toEqual(['seal_usage.record', 'seal_usage.link'])
    wrapper.unmount()
  })
})

describe('issue #12: a seal use in fewer taps', () => {
  /** Counts the taps the keeper makes on the form (a photo is 2: open the camera, the shutter). */
  function tapper(wrapper: Awaited<ReturnType<typeof mountPage>>['wrapper']) {
    const counter = {
      taps: 0,
      async tap(selector: string) {
        counter.taps++
        await wrapper.find(selector).trigger('click')
        await flushPromises()
      },
      async photo() {
        counter.taps += 2
        wrapper.findComponent(PhotoCapture).vm.$emit('update:modelValue', [fakePhoto()])
        await flushPromises()
      },
    }
    return counter
  }

  it("the only approved application for this seal is already picked: photo and save, 3 taps on the form", async () => {
    const seal = await addAsset(getDb(), { number: 'SEAL-0911', name: '合同专用章 3' })
    const applicant = demo.users[3]!
    const now = new Date().toISOString()
    const form = { document_title: '采购合同', document_type: 'contract', copies: 2, seal_name: '合同专用章 3', purpose: '签约', mode: 'stamp_here', due_at: null }
    const request = {
      id: crypto.randomUUID(), type: 'seal_use', site_id: null, department_id: null, applicant_id: applicant.id, title: '采购合同用印', form, photo_ids: [],
      status: 'approved' as const, revision: 1, step: 1, chain: [], waiting_role: null, fulfiller_role: 'seal_keeper', deciders: [demo.users[0]!.id],
      submitted_at: now, status_at: now, decided_at: now, first_pass: true, due_back_at: null, fulfilled_at: null, fulfilled_by: null, assignment: null, updated_at: now, deleted_at: null,
    }
    await getDb().requests.put(request)
    const { wrapper, router } = await mountPage(seal.id)
    await until(() => expect(wrapper.find('[data-testid=usage-application]').attributes('data-request-id')).toBe(request.id))
    const keeper = tapper(wrapper)
    await keeper.photo()
    await keeper.tap('[data-testid=seal-usage-save]')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('sealRegister'))
    expect(await getDb().seal_usages.where('seal_id').equals(seal.id).first()).toMatchObject({ document_title: '采购合同', copies: 2, requester_id: applicant.id })
    expect(keeper.taps).toBe(3)
    wrapper.unmount()
  })

  it('"same as last" with an emergency reason: 5 taps on the form', async () => {
    const seal = await addAsset(getDb(), { number: 'SEAL-0912', name: '财务专用章 9' })
    const requester = demo.users[3]!
    const before = new Date(Date.now() - 3_600_000).toISOString()
    await getDb().seal_usages.put({
      id: crypto.randomUUID(), seal_id: seal.id, used_at: before, recorded_by: demo.users[2]!.id, document_title: '月度付款单', document_type: 'letter', document_type_note: null,
      copies: 1, purpose: '付款', requester_id: requester.id, requester_name: requester.display_name, requester_department: '财务部', approver_name: '王晓燕',
      mode: 'stamp_here', due_at: null, photo_ids: [], check_out_event_id: null, updated_at: before, deleted_at: null,
    })
    const { wrapper, router } = await mountPage(seal.id)
    const keeper = tapper(wrapper)
    await until(() => expect(wrapper.find('[data-testid=seal-usage-same]').exists()).toBe(true))
    await keeper.tap('[data-testid=seal-usage-same]')
    await keeper.tap('[data-testid=usage-emergency-reason] textarea')
    await wrapper.find('[data-testid=usage-emergency-reason] textarea').setValue('月底付款')
    await keeper.photo()
    await keeper.tap('[data-testid=seal-usage-save]')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('sealRegister'))
    expect(await getDb().seal_usages.where('seal_id').equals(seal.id).count()).toBe(2)
    expect(keeper.taps).toBe(5)
    wrapper.unmount()
  })
})
