import '../support/vantCss'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { flushPromises } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { dormRoutes } from '@/features/dorms/routes'
import { mountAt, until } from '../rectification/support'

const MANAGER = demo.users.find((u) => u.roles.includes('dorm_manager'))!
const EMPLOYEE = demo.users.find((u) => u.roles.includes('employee'))!
const DRIVER = demo.users.find((u) => u.roles.includes('driver'))!
const ROOM_101 = demo.dorms.rooms[0]!
const wrappers: VueWrapper[] = []
beforeAll(async () => {
  await seedDemoCompany(getDb())
})
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

describe('dorm pages', () => {
  it('occupancy: each floor shows vacant beds for men and women at a glance, a tile per room', async () => {
    const { wrapper } = await mountAt('/dorms', dormRoutes, MANAGER.id, ['dorm_manager'])
    wrappers.push(wrapper)
    await until(() => expect(wrapper.find('[data-testid="dorms-page"]').attributes('data-status')).toBe('ready'))
    const floors = wrapper.findAll('[data-testid="dorm-floor"]')
    expect(floors.map((f) => f.attributes('data-floor'))).toEqual(['1', '2'])
    // Floor 1: men's rooms 101 (1 reserved, 1 occupied, 2 vacant) and 102 (2 vacant).
    expect(floors[0]?.get('[data-testid="vacant-male"]').text()).toContain('4')
    expect(floors[0]?.get('[data-testid="vacant-female"]').text()).toContain('0')
    // Floor 2: women's rooms 201 (1 occupied, 1 vacant) and 202 (1 vacant).
    expect(floors[1]?.get('[data-testid="vacant-female"]').text()).toContain('2')
    expect(wrapper.findAll('[data-testid="room-tile"]').map((t) => t.attributes('data-vacant'))).toEqual(['2', '2', '1', '1'])
  })

  it('allocation suggests the vacant beds of the person\'s gender, and a chosen bed is reserved at once', async () => {
    const { wrapper, router } = await mountAt(`/dorms/allocate?person=${DRIVER.id}&gender=male&shift=${encodeURIComponent('白班')}`, [...dormRoutes], MANAGER.id, ['dorm_manager'])
    wrappers.push(wrapper)
    await until(() => expect(wrapper.find('[data-testid="dorm-allocate-page"]').attributes('data-status')).toBe('ready'))
    await until(() => expect(wrapper.findAll('[data-testid="dorm-suggestion"]').length).toBeGreaterThan(0))
    const suggested = wrapper.findAll('[data-testid="dorm-suggestion"]')
    expect(suggested.map((s) => s.text())).toEqual(expect.arrayContaining([expect.stringContaining('101')]))
    expect(suggested.some((s) => s.text().includes('201'))).toBe(false)
    // 101 already has the driver's department and shift: first, with its reasons.
    expect(suggested[0]?.text()).toContain('101')
    expect(suggested[0]?.text()).toContain('同班次')
    await suggested[0]!.trigger('click')
    await wrapper.get('[data-testid="dorm-allocate-submit"]').trigger('click')
    await until(() => expect(router.currentRoute.value.name).toBe('dormRoom'))
    const bedId = String(router.currentRoute.value.query.bed)
    await flushPromises()
    await until(async () => expect((await getDb().dorm_beds.get(bedId))?.status).toBe('reserved'))
    expect((await getDb().dorm_beds.get(bedId))?.occupant_id).toBe(DRIVER.id)
    expect(await getDb().outbox.where('kind').equals('dorm_bed.record').count()).toBeGreaterThan(0)
  })

  it('my dormitory: the employee sees the room, the roommates\' names, the rules and the way to check in', async () => {
    const { wrapper } = await mountAt('/dorms/mine', dormRoutes, EMPLOYEE.id, ['employee'])
    wrappers.push(wrapper)
    await until(() => expect(wrapper.find('[data-testid="my-dorm-stay"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="my-dorm-stay"]').attributes('data-status')).toBe('reserved')
    expect(wrapper.get('[data-testid="my-dorm-stay"]').text()).toContain(ROOM_101.number)
    expect(wrapper.findAll('[data-testid="my-dorm-roommate"]').map((r) => r.text())).toEqual(expect.arrayContaining([expect.stringContaining('刘强')]))
    expect(wrapper.get('[data-testid="my-dorm-rules"]').text()).toContain('23:00')
    expect(wrapper.find('[data-testid="my-dorm-checkin"]').exists()).toBe(true)
  })
})
