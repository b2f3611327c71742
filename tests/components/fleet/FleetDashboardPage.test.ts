import '../support/vantCss'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import type { FuelLogRow } from '@/platform/db/rows'
import { fleetRoutes } from '@/features/fleet/routes'
import { MANAGER, fuel, vehicle } from '../../unit/fleet/fixtures'
import { mountAt, until } from '../rectification/support'

const wrappers: VueWrapper[] = []
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

/** Ten full fills a week apart, 500 km and ~40 L each, the last month before now. */
function history(vehicleId: string): FuelLogRow[] {
  const start = Date.now() - 80 * 86_400_000
  return Array.from({ length: 10 }, (_, i) =>
    fuel(vehicleId, { filled_at: new Date(start + i * 7 * 86_400_000).toISOString(), odometer_km: 10_000 + i * 500, litres: 40 + (i % 3), amount: (40 + (i % 3)) * 7.5 }),
  )
}

describe('fleet dashboard', () => {
  it('charts the vehicle and lists its anomalies with links to the entries', async () => {
    const v = vehicle()
    const logs = history(v.id)
    // 75 L into a 60 L tank.
    const over = fuel(v.id, { filled_at: new Date(Date.now() - 5 * 86_400_000).toISOString(), odometer_km: 15_600, litres: 75, amount: 562.5 })
    await getDb().assets.add(v)
    await getDb().fuel_logs.bulkAdd([...logs, over])
    const { wrapper } = await mountAt('/fleet', fleetRoutes, MANAGER, ['fleet_manager'])
    wrappers.push(wrapper)
    await until(() => expect(wrapper.find('[data-testid=fleet-dashboard]').attributes('data-status')).toBe('ready'))
    expect(Number(wrapper.find('[data-testid=economy-chart]').attributes('data-points'))).toBeGreaterThanOrEqual(9)
    // The shared chart (Chart.js on a canvas) keeps its numbers in a table too: one row per fill-up interval.
    const chart = wrapper.find('[data-testid=economy-chart] [data-testid=chart]')
    expect(chart.attributes('data-kind')).toBe('line')
    expect(chart.findAll('tr').length).toBe(Number(wrapper.find('[data-testid=economy-chart]').attributes('data-points')))
    const item = wrapper.findAll('[data-testid=anomaly-item]').find((x) => x.attributes('data-kind') === 'tankExceeded')
    expect(item).toBeDefined()
    expect(item!.text()).toContain('沪A12345')
    expect(item!.text()).toContain('75')
    expect(wrapper.find(`[data-testid=economy-row][data-id="${v.id}"]`).text()).toMatch(/升\/百公里/)
    // Monthly spend for the latest company month, and the fuel log as CSV with a BOM.
    expect(wrapper.findAll('[data-testid=spend-vehicle]')).toHaveLength(1)
    expect(wrapper.find('[data-testid=spend-vehicle]').text()).toContain('沪A12345')
    const made: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (made.push(b as Blob), 'blob:csv'))
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    await wrapper.find('[data-testid=fuel-csv]').trigger('click')
    await until(() => expect(made).toHaveLength(1))
    const text = await made[0]!.text()
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(logs.length + 2)
  })
})
