import '../support/vantCss'
import { afterEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import { fleetRoutes } from '@/features/fleet/routes'
import { MANAGER, STAMP, outOfService, request, vehicle } from '../../unit/fleet/fixtures'
import { mountAt, until } from '../rectification/support'

const wrappers: VueWrapper[] = []
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

async function open(path: string, testid: string) {
  const { wrapper } = await mountAt(path, fleetRoutes, MANAGER, ['fleet_manager'])
  wrappers.push(wrapper)
  await until(() => expect(wrapper.find(`[data-testid=${testid}]`).attributes('data-status')).toBe('ready'))
  return wrapper
}

describe('maintenance approvals', () => {
  it('lists urgent requests first, with the vehicle plate', async () => {
    const v = vehicle()
    await getDb().assets.add(v)
    const normal = request(v.id, { requested_at: '2026-01-01T00:00:00Z' })
    const urgent = request(v.id, { urgency: 'urgent', description: '刹车失灵', requested_at: '2026-02-01T00:00:00Z' })
    await getDb().maintenance_requests.bulkAdd([normal, urgent])
    const w = await open('/fleet/maintenance', 'maintenance-list')
    const ids = w.findAll('[data-testid=maintenance-item]').map((x) => x.attributes('data-id'))
    expect(ids.indexOf(urgent.id)).toBeLessThan(ids.indexOf(normal.id))
    expect(w.find(`[data-id="${urgent.id}"]`).text()).toContain('沪A12345')
  })

  it('approves, then completes with garage and cost; the vehicle goes back into service', async () => {
    const v = vehicle()
    const checkId = crypto.randomUUID()
    const r = request(v.id, { urgency: 'urgent', vehicle_check_id: checkId })
    await getDb().assets.add(v)
    await getDb().maintenance_requests.add(r)
    await getDb().vehicle_states.put(outOfService(v.id, checkId))
    const w = await open(`/fleet/maintenance/${r.id}`, 'maintenance-page')
    expect(w.find('[data-testid=maintenance-status]').text()).toBe('待审批')
    await w.find('[data-testid=maintenance-garage] input').setValue('大众4S店')
    await w.find('[data-testid=maintenance-to-approved]').trigger('click')
    await until(() => {
      expect(w.find('[data-testid=maintenance-status]').text()).toBe('已批准')
      expect(w.find('[data-testid=pending-tag]').exists()).toBe(true)
    })
    // Completing without a valid cost is refused with a message, nothing written.
    await w.find('[data-testid=maintenance-cost] input').setValue('-5')
    await w.find('[data-testid=maintenance-to-completed]').trigger('click')
    await until(() => expect(w.find('[data-testid=maintenance-error]').exists()).toBe(true))
    await w.find('[data-testid=maintenance-cost] input').setValue('1280.5')
    await w.find('[data-testid=maintenance-to-completed]').trigger('click')
    await until(() => expect(w.find('[data-testid=maintenance-status]').text()).toBe('已完工'))
    expect(await getDb().maintenance_requests.get(r.id)).toMatchObject({ status: 'completed', garage: '大众4S店', cost: 1280.5, decided_by: MANAGER })
    expect(await getDb().vehicle_states.get(v.id)).toMatchObject({ out_of_service: false })
    const ops = (await getDb().outbox.toArray()).filter((o) => o.entity_id === r.id)
    expect(ops.map((o) => o.payload.status)).toEqual(['approved', 'completed'])
  })

  it('issue #12: completing a job marked as the service moves that vehicle\'s last service', async () => {
    const v = vehicle()
    const r = request(v.id, { status: 'approved', garage: '大众4S店' })
    await getDb().assets.add(v)
    await getDb().maintenance_requests.add(r)
    const w = await open(`/fleet/maintenance/${r.id}`, 'maintenance-page')
    await w.find('[data-testid=maintenance-renewal-service]').trigger('click')
    await w.find('[data-testid=maintenance-to-completed]').trigger('click')
    await until(() => expect(w.find('[data-testid=maintenance-status]').text()).toBe('已完工'))
    const own = (await getDb().renewal_rules.toArray()).filter((x) => x.vehicle_id === v.id)
    // No vehicle state on the device: the registry reading (10,000 km) is the last known one.
    expect(own).toMatchObject([{ kind: 'service', every_km: null, last_done_km: 10_000 }])
    const op = (await getDb().outbox.toArray()).find((o) => o.entity_id === r.id)
    expect(op?.payload).toMatchObject({ status: 'completed', renewal_kind: 'service', renewal_rule_id: own[0]?.id, odometer_km: 10_000 })
  })

  it('issue 9: above the approval limit the manager sends the repair up instead of approving; it waits for the admin head, then goes ahead once approved', async () => {
    const v = vehicle()
    const r = request(v.id)
    await getDb().assets.add(v)
    await getDb().maintenance_requests.add(r)
    await getDb().user_roles.add({ id: crypto.randomUUID(), user_id: MANAGER, role: 'fleet_manager', site_id: null, updated_at: STAMP, deleted_at: null })
    const w = await open(`/fleet/maintenance/${r.id}`, 'maintenance-page')
    await w.find('[data-testid=maintenance-garage] input').setValue('大众4S店')
    await w.find('[data-testid=maintenance-cost] input').setValue('8000')
    await until(() => expect(w.find('[data-testid=repair-approval-needed]').text()).toContain('5000.00'))
    expect(w.find('[data-testid=maintenance-to-approved]').exists()).toBe(false)
    await w.find('[data-testid=maintenance-escalate]').trigger('click')
    await until(() => expect(w.find('[data-testid=repair-approval]').attributes('data-status')).toBe('pending'))
    expect(w.find('[data-testid=repair-approval]').text()).toContain('待行政部长审批')
    expect(w.find('[data-testid=repair-approval-waiting]').exists()).toBe(true)
    expect(w.find('[data-testid=maintenance-to-approved]').exists()).toBe(false)
    expect(w.find('[data-testid=maintenance-escalate]').exists()).toBe(false)
    const row = await getDb().maintenance_requests.get(r.id)
    expect(row).toMatchObject({ status: 'requested', cost: 8000 })
    // The chain decides (here: the application pulled back approved); approving is offered again.
    const app = await getDb().requests.get(row!.approval_id!)
    await getDb().requests.put({ ...app!, status: 'approved', waiting_role: null, step: 3 })
    await until(() => expect(w.find('[data-testid=maintenance-to-approved]').exists()).toBe(true))
    await w.find('[data-testid=maintenance-to-approved]').trigger('click')
    await until(() => expect(w.find('[data-testid=maintenance-status]').text()).toBe('已批准'))
    expect(await getDb().requests.get(app!.id)).toMatchObject({ fulfilled_by: MANAGER })
  })
})
