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
    await flushPromises()
    expect(wrapper.find('[data-testid=usage-title]').text()).toContain('必填')
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
    await flushPromises()
    const requester = demo.users[3]!
    await wrapper.find(`[data-testid=requester-option][data-user-id="${requester.id}"]`).trigger('click')
    expect((wrapper.find('[data-testid=usage-requester-name] input').element as HTMLInputElement).value).toBe(requester.display_name)
    expect((wrapper.find('[data-testid=usage-requester-dept] input').element as HTMLInputElement).value).not.toBe('')
    await wrapper.find('[data-testid=usage-approver] input').setValue('王晓燕')
    await wrapper.find('[data-testid=usage-mode-take_out]').trigger('click')
    await flushPromises()
    expect((wrapper.find('[data-testid=usage-due]').element as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
    await wrapper.find('[data-testid=seal-usage-form]').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('sealRegister'))

    const rows = await getDb().seal_usages.where('seal_id').equals(seal.id).toArray()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ mode: 'take_out', requester_id: requester.id, document_title: '年度框架合同' })
    expect(await getDb().assets.get(seal.id)).toMatchObject({ status: 'checked_out', holder_id: requester.id })
    wrapper.unmount()
  })
})
