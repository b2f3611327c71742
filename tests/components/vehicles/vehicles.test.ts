import '../support/vantCss'
import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { getDb } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { useSessionStore } from '@/features/auth'
import FuelAmounts from '@/features/vehicles/components/FuelAmounts.vue'
import VehiclePanel from '@/features/vehicles/components/VehiclePanel.vue'
import { useFuelAmounts } from '@/features/vehicles/composables/useFuelAmounts'
import { appPlugins } from '../support/mountApp'
import { until } from '../rectification/support'

const DRIVER = demo.users.find((u) => u.roles.includes('driver'))!
const VEHICLE = demo.assets.find((a) => a.kind === 'vehicle')!
const wrappers: VueWrapper[] = []
afterEach(async () => {
  wrappers.splice(0).forEach((w) => w.unmount())
  await getDb().vehicle_states.clear()
})

function router() {
  const stub = { template: '<div />' }
  return createRouter({
    history: createMemoryHistory(),
    routes: ['tripStart', 'tripEnd', 'fuelNew', 'maintenanceNew', 'accidentNew', 'home'].map((name) => ({ path: `/${name}/:id?`, name, component: stub })),
  })
}

const input = (w: VueWrapper, id: string) => w.get(`[data-testid="${id}"] input`)

describe('fuel amounts: any two give the third', () => {
  it('litres + amount give the unit price live, marked derived; editing it makes it the driver\'s; a mismatch shows with all three', async () => {
    const { plugins } = appPlugins()
    const amounts = useFuelAmounts()
    const w = mount(FuelAmounts, { props: { amounts, showIssue: true }, global: { plugins } })
    wrappers.push(w)
    await input(w, 'fuel-litres').setValue('40')
    await input(w, 'fuel-amount').setValue('300')
    expect((input(w, 'fuel-price').element as HTMLInputElement).value).toBe('7.5')
    expect(w.get('[data-testid="fuel-price"]').attributes('data-derived')).toBe('true')
    await input(w, 'fuel-litres').setValue('50')
    expect((input(w, 'fuel-price').element as HTMLInputElement).value).toBe('6')
    await input(w, 'fuel-price').setValue('9')
    expect(amounts.derived).toBeNull()
    expect(w.get('[data-testid="fuel-amounts-issue"]').attributes('data-key')).toBe('vehicles.errors.amountsMismatch')
  })
})

describe('issue #12: fuel messages name the field and the limit', () => {
  it('−5 litres says which figure and its range, not "请输入数字"; too much says the limit', async () => {
    const { plugins } = appPlugins()
    const amounts = useFuelAmounts()
    const w = mount(FuelAmounts, { props: { amounts, showIssue: true }, global: { plugins } })
    wrappers.push(w)
    await input(w, 'fuel-litres').setValue('-5')
    const issue = () => w.get('[data-testid="fuel-amounts-issue"]').text()
    expect(issue()).toContain('升数')
    expect(issue()).toContain('0 到 2000')
    expect(issue()).not.toContain('请输入数字')
    await input(w, 'fuel-litres').setValue('2500')
    await input(w, 'fuel-amount').setValue('300')
    expect(issue()).toContain('升数')
    expect(issue()).toContain('0 到 2000')
  })
})

describe('vehicle panel', () => {
  it('start trip is disabled and the driver is told why when the vehicle is out of service', async () => {
    const db = getDb()
    await seedDemoCompany(db)
    const { plugins } = appPlugins()
    useSessionStore().userId = DRIVER.id
    const checkId = crypto.randomUUID()
    await db.vehicle_states.put({ id: VEHICLE.id, out_of_service: true, reason_check_id: checkId, since: new Date().toISOString(), last_odometer_km: 100, active_trip_id: null, updated_at: '', deleted_at: null })
    const w = mount(VehiclePanel, { props: { vehicleId: VEHICLE.id }, global: { plugins: [...plugins, router()] }, attachTo: document.body })
    wrappers.push(w)
    await until(() => {
      expect(w.get('[data-testid="trip-start"]').attributes('disabled')).toBeDefined()
      expect(w.get('[data-testid="vehicle-out-of-service"]').attributes('data-reason')).toBe(checkId)
      expect(w.get('[data-testid="trip-blocked"]').attributes('data-key')).toBe('vehicles.errors.outOfService')
    })
  })

  it('in service: start trip is enabled', async () => {
    await seedDemoCompany(getDb())
    const { plugins } = appPlugins()
    useSessionStore().userId = DRIVER.id
    const w = mount(VehiclePanel, { props: { vehicleId: VEHICLE.id }, global: { plugins: [...plugins, router()] }, attachTo: document.body })
    wrappers.push(w)
    await until(() => expect(w.get('[data-testid="trip-start"]').attributes('disabled')).toBeUndefined())
    expect(w.find('[data-testid="vehicle-out-of-service"]').exists()).toBe(false)
  })
})
