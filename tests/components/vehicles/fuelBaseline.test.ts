// The vehicle's fuel baseline form (issue 14, fuel_within_baseline): the fleet manager types a
// baseline, the draft survives leaving the form, save writes the vehicle row and its outbox op in
// one transaction (the draft dropped with it); bad input is refused on the device; a driver sees no form.
import '../support/vantCss'
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { getDb, loadFormDraft } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { useSessionStore } from '@/features/auth'
import FuelBaseline from '@/features/vehicles/components/FuelBaseline.vue'
import VehiclePanel from '@/features/vehicles/components/VehiclePanel.vue'
import { parseBaseline } from '@/features/vehicles/domain/fuelBaseline'
import { appPlugins } from '../support/mountApp'
import { until } from '../rectification/support'

const MANAGER = demo.users.find((u) => u.roles.includes('fleet_manager'))!
const DRIVER = demo.users.find((u) => u.roles.includes('driver'))!
const VEHICLE = demo.assets.find((a) => a.kind === 'vehicle')!
const wrappers: VueWrapper[] = []
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

function as(user: { id: string }, role: string) {
  useSessionStore().$patch({ userId: user.id, grants: [{ role: role as never, siteId: null }], identityLoaded: true })
}
const router = () =>
  createRouter({ history: createMemoryHistory(), routes: ['tripStart', 'tripEnd', 'fuelNew', 'maintenanceNew', 'accidentNew', 'home'].map((name) => ({ path: `/${name}/:id?`, name, component: { template: '<div />' } })) })
const field = (w: VueWrapper) => w.get('[data-testid="fuel-baseline-input"] input')

describe('fuel baseline (油耗基准)', () => {
  it('the typed baseline is a draft that survives leaving; save sets the row with who and queues the op; the draft goes with it', async () => {
    const db = getDb()
    await seedDemoCompany(db)
    const { plugins } = appPlugins()
    as(MANAGER, 'fleet_manager')
    const mountIt = () => {
      const w = mount(FuelBaseline, { props: { vehicleId: VEHICLE.id }, global: { plugins } })
      wrappers.push(w)
      return w
    }
    let w = mountIt()
    await until(() => expect(w.get('[data-testid="fuel-baseline"]').attributes('data-status')).toBe('ready'))
    expect(w.get('[data-testid="fuel-baseline-current"]').text()).toContain('中位数')
    await field(w).setValue('8.75')
    await until(async () => expect(await loadFormDraft(db, `vehicles.baseline:${VEHICLE.id}`)).toBe('8.75'))
    w.unmount()
    w = mountIt()
    await until(() => expect((field(w).element as HTMLInputElement).value).toBe('8.75'))
    await w.get('[data-testid="fuel-baseline-save"]').trigger('click')
    await until(() => expect(w.get('[data-testid="fuel-baseline-current"]').attributes('data-value')).toBe('8.75'))
    const row = await db.assets.get(VEHICLE.id)
    expect(row).toMatchObject({ fuel_baseline_l100km: 8.75, fuel_baseline_set_by: MANAGER.id })
    const ops = (await db.outbox.toArray()).filter((o) => o.kind === 'vehicle_fuel_baseline.set')
    expect(ops.map((o) => [o.entity_id, o.payload])).toEqual([[VEHICLE.id, { baseline: 8.75 }]])
    expect(await loadFormDraft(db, `vehicles.baseline:${VEHICLE.id}`)).toBeUndefined()
  })

  it('refuses 0, three decimals and text on the device, names the range; empty clears to the median', async () => {
    await seedDemoCompany(getDb())
    const { plugins } = appPlugins()
    as(MANAGER, 'fleet_manager')
    const w = mount(FuelBaseline, { props: { vehicleId: VEHICLE.id }, global: { plugins } })
    wrappers.push(w)
    await until(() => expect(w.get('[data-testid="fuel-baseline"]').attributes('data-status')).toBe('ready'))
    await field(w).setValue('0')
    await w.get('[data-testid="fuel-baseline-save"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-testid="fuel-baseline-input"]').text()).toContain('0.1 到 99.99')
    expect(parseBaseline('8.555')).toMatchObject({ ok: false })
    expect(parseBaseline('abc')).toMatchObject({ ok: false })
    expect(parseBaseline('100')).toMatchObject({ ok: false })
    expect(parseBaseline(' ')).toEqual({ ok: true, value: null })
    expect(parseBaseline('9.5')).toEqual({ ok: true, value: 9.5 })
  })

  it('a driver sees the vehicle panel without the baseline form', async () => {
    await seedDemoCompany(getDb())
    const { plugins } = appPlugins()
    as(DRIVER, 'driver')
    const w = mount(VehiclePanel, { props: { vehicleId: VEHICLE.id }, global: { plugins: [...plugins, router()] }, attachTo: document.body })
    wrappers.push(w)
    await until(() => expect(w.find('[data-testid="trip-start"]').exists()).toBe(true))
    expect(w.find('[data-testid="fuel-baseline"]').exists()).toBe(false)
  })
})
