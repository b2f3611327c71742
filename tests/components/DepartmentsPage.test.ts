import './support/vantCss'
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { getDb } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import DepartmentsPage from '@/features/admin/pages/DepartmentsPage.vue'
import { hasUnsavedInput } from '@/shared/composables/dirtyRegistry'
import { appPlugins } from './support/mountApp'

async function mountPage() {
  await seedDemoCompany(getDb())
  // Each test starts with no department form kept on the device (a kept one opens again, issue #12).
  await getDb().meta.where('key').startsWith('admin.department:').delete()
  const { plugins } = appPlugins()
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: DepartmentsPage }] })
  await router.push('/')
  const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [...plugins, router] } })
  // A bound for a busy machine (the page also looks for a kept form), not a wait.
  await vi.waitFor(
    async () => {
      await flushPromises()
      expect(wrapper.findAll('[data-testid=dept-row]').length).toBeGreaterThan(0)
    },
    { timeout: 5000 },
  )
  return wrapper
}

const firstSite = demo.sites[0]!
const codesOfFirstSite = demo.departments.filter((d) => d.site_id === firstSite.id).map((d) => d.code).sort()

describe('DepartmentsPage', () => {
  it('lists the first site’s departments, none pending', async () => {
    const wrapper = await mountPage()
    const rows = wrapper.findAll('[data-testid=dept-row]')
    expect(rows.map((r) => r.attributes('data-code'))).toEqual(codesOfFirstSite)
    expect(wrapper.findAll('[data-testid=pending-tag]')).toHaveLength(0)
  })

  it('adds a department through the form; the row shows "not synced"', async () => {
    const wrapper = await mountPage()
    await wrapper.find('[data-testid=dept-add]').trigger('click')
    await flushPromises()
    await wrapper.find('[data-testid=dept-code] input').setValue('QA')
    await wrapper.find('[data-testid=dept-name] input').setValue('质量部')
    expect(hasUnsavedInput()).toBe(true)
    await wrapper.find('[data-testid=dept-form]').trigger('submit')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.find('[data-testid=dept-row][data-code=QA] [data-testid=pending-tag]').exists()).toBe(true)
    })
    expect(hasUnsavedInput()).toBe(false)
    const ops = await getDb().outbox.where('kind').equals('department.upsert').toArray()
    expect(ops.some((o) => o.payload.code === 'QA')).toBe(true)
  })

  it('shows translated errors and saves nothing for a duplicate code', async () => {
    const wrapper = await mountPage()
    const before = await getDb().outbox.count()
    await wrapper.find('[data-testid=dept-add]').trigger('click')
    await flushPromises()
    await wrapper.find('[data-testid=dept-code] input').setValue(codesOfFirstSite[0]!.toLowerCase())
    await wrapper.find('[data-testid=dept-name] input').setValue('')
    await wrapper.find('[data-testid=dept-form]').trigger('submit')
    await vi.waitFor(async () => {
      await flushPromises()
      const text = wrapper.find('[data-testid=dept-form]').text()
      expect(text).toContain('此厂区已有相同编码的部门')
      expect(text).toContain('必填')
    })
    expect(await getDb().outbox.count()).toBe(before)
  })

  it('sets a head from the searchable picker, shows the name in the list, then clears it', async () => {
    const wrapper = await mountPage()
    const dept = demo.departments.find((d) => d.site_id === firstSite.id)!
    const person = demo.users.find((u) => u.site_id === firstSite.id && u.display_name !== demo.users[0]!.display_name)!
    const other = demo.users.find((u) => u.site_id !== firstSite.id)!
    const row = () => wrapper.find(`[data-testid=dept-row][data-id="${dept.id}"]`)
    expect(row().find('[data-testid=dept-row-head]').text()).toContain('无负责人')

    await row().find('[data-testid=dept-rename]').trigger('click')
    await flushPromises()
    await wrapper.find('[data-testid=dept-head]').trigger('click')
    await flushPromises()
    const ids = () => wrapper.findAll('[data-testid=dept-head-option]').map((o) => o.attributes('data-id'))
    // Only people who may head a department of this site are offered.
    expect(ids()).toContain(person.id)
    expect(ids()).not.toContain(other.id)
    await wrapper.find('[data-testid=dept-head-search] input').setValue(person.display_name)
    await flushPromises()
    expect(ids()).toEqual([person.id])
    await wrapper.find(`[data-testid=dept-head-option][data-id="${person.id}"]`).trigger('click')
    await flushPromises()
    expect(hasUnsavedInput()).toBe(true)
    await wrapper.find('[data-testid=dept-form]').trigger('submit')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(row().find('[data-testid=dept-row-head]').text()).toContain(person.display_name)
    })
    expect((await getDb().departments.get(dept.id))?.head_id).toBe(person.id)
    const [set] = await getDb().outbox.where('entity_id').equals(dept.id).toArray()
    expect(set?.payload).toMatchObject({ head_id: person.id })

    await row().find('[data-testid=dept-rename]').trigger('click')
    await flushPromises()
    await wrapper.find('[data-testid=dept-head]').trigger('click')
    await flushPromises()
    await wrapper.find('[data-testid=dept-head-none]').trigger('click')
    await wrapper.find('[data-testid=dept-form]').trigger('submit')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(row().find('[data-testid=dept-row-head]').text()).toContain('无负责人')
    })
    expect((await getDb().departments.get(dept.id))?.head_id).toBeNull()
  })
})
