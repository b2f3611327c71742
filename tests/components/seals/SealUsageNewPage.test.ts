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
    expect(wrapper.find('[data-testid=seal-usage-form]').exists()).toBe(true)
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
