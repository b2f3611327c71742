/**
 * Issue 13: the fuel and seal-use forms show their labels at once, before their data is read (on a
 * first visit that waits for the demo seed), disabled so that nothing typed can be overwritten by
 * the entry or the device draft being read; once read they are enabled and show the vehicle / seal.
 * Their lower parts mount in the next frames (the first render comes in parts).
 */
import '../support/vantCss'
import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Component } from 'vue'
import { getDb } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { useSessionStore } from '@/features/auth'
import FuelPage from '@/features/vehicles/pages/FuelPage.vue'
import SealUsageNewPage from '@/features/seals/pages/SealUsageNewPage.vue'
import { appPlugins } from '../support/mountApp'
import { until } from '../support/until'

const VEHICLE = demo.assets.find((a) => a.kind === 'vehicle')!
const SEAL = demo.assets.find((a) => a.number === 'SEAL-0001')!
const wrappers: VueWrapper[] = []
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

async function mountAt(path: string, pattern: string, component: Component, userId: string): Promise<VueWrapper> {
  const { plugins } = appPlugins()
  useSessionStore().userId = userId
  const stub = { template: '<div />' }
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: pattern, component }, { path: '/:rest(.*)*', component: stub }] })
  await router.push(path)
  const w = mount({ template: '<router-view />' }, { global: { plugins: [...plugins, router] }, attachTo: document.body })
  wrappers.push(w)
  return w
}

describe('issue 13: the forms paint before their data', () => {
  it('fuel: the photo shows while loading, disabled; the date and odometer, the amounts and the lower part in the next frames; then the vehicle and an enabled form', async () => {
    await seedDemoCompany(getDb())
    const w = await mountAt(`/vehicles/${VEHICLE.id}/fuel`, '/vehicles/:id/fuel', FuelPage, demo.users[0]!.id)
    expect(w.get('[data-testid=fuel-page]').attributes('data-status')).toBe('loading')
    expect(w.get('fieldset').attributes('disabled')).toBeDefined()
    expect(w.get('[data-testid=fuel-title-loading]').attributes('role')).toBe('status')
    expect(w.find('[data-testid=fuel-photo]').exists()).toBe(true)
    expect(w.find('[data-testid=fuel-odometer]').exists()).toBe(false)
    expect(w.find('[data-testid=fuel-litres]').exists()).toBe(false)
    expect(w.find('[data-testid=fuel-station]').exists()).toBe(false)
    await until(() => expect(w.find('[data-testid=fuel-odometer] input').exists()).toBe(true))
    expect(w.text()).toContain('加油时间')
    await until(() => expect(w.find('[data-testid=fuel-litres] input').exists()).toBe(true))
    await until(() => expect(w.find('[data-testid=fuel-station] input').exists()).toBe(true))
    expect(w.find('[data-testid=fuel-save]').exists()).toBe(true)
    await until(() => expect(w.get('[data-testid=fuel-page]').attributes('data-status')).toBe('ready'))
    expect(w.get('fieldset').attributes('disabled')).toBeUndefined()
    expect(w.find('[data-testid=fuel-title-loading]').exists()).toBe(false)
    expect(w.get('.fuel__title').text()).toBe(`${VEHICLE.number} ${VEHICLE.name}`)
  })

  it('fuel: an unknown vehicle still says not found', async () => {
    await seedDemoCompany(getDb())
    const w = await mountAt('/vehicles/a5000000-0000-4000-8000-00000000ffff/fuel', '/vehicles/:id/fuel', FuelPage, demo.users[0]!.id)
    await until(() => expect(w.get('[data-testid=fuel-page]').attributes('data-status')).toBe('missing'))
    expect(w.find('fieldset').exists()).toBe(false)
    expect(w.find('.state-view').exists()).toBe(true)
  })

  it('seal use: the groups and hints show while loading, disabled, the seal row kept, the rest in the next tasks; then the seal and an enabled form', async () => {
    await seedDemoCompany(getDb())
    const w = await mountAt(`/seals/${SEAL.id}/usage/new`, '/seals/:id/usage/new', SealUsageNewPage, demo.users[0]!.id)
    expect(w.get('[data-testid=seal-usage-page]').attributes('data-status')).toBe('loading')
    expect(w.get('fieldset').attributes('disabled')).toBeDefined()
    expect(w.find('[data-testid=seal-usage-form] .loading-row').exists()).toBe(true)
    expect(w.find('[data-testid=usage-seal]').exists()).toBe(false)
    expect(w.find('[data-testid=usage-application]').exists()).toBe(true)
    expect(w.find('[data-testid=usage-title]').exists()).toBe(false)
    expect(w.find('[data-testid=seal-usage-save]').exists()).toBe(false)
    await until(() => expect(w.find('[data-testid=usage-title] input').exists()).toBe(true))
    await until(() => expect(w.find('[data-testid=seal-usage-save]').exists()).toBe(true))
    expect(w.find('[data-testid=usage-requester]').exists()).toBe(true)
    await until(() => expect(w.get('[data-testid=seal-usage-page]').attributes('data-status')).toBe('ready'))
    expect(w.get('fieldset').attributes('disabled')).toBeUndefined()
    expect(w.find('[data-testid=seal-usage-form] .loading-row').exists()).toBe(false)
    expect(w.get('[data-testid=usage-seal]').text()).toContain(SEAL.number)
  })
})
