import '../support/vantCss'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import type { DormCheckInRow } from '@/platform/db/rows'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { dormRoutes } from '@/features/dorms/routes'
import { DORM_INVENTORY_TEMPLATE_ID, DORM_INVENTORY_V1 } from '@/features/dorms/domain'
import { allItems } from '@/features/inspections/domain'
import { mountAt, until } from '../rectification/support'

const MANAGER = demo.users.find((u) => u.roles.includes('dorm_manager'))!
// The demo's resident of room 101 bed 2 (checked in); their check-in found the wardrobe damaged.
const STAY = demo.dorms.stays[1]!
const wrappers: VueWrapper[] = []
beforeAll(async () => {
  const db = getDb()
  await seedDemoCompany(db)
  const at = '2026-11-20T02:00:00.000Z'
  const checkIn: DormCheckInRow = {
    id: crypto.randomUUID(), stay_id: STAY.id, bed_id: STAY.bed_id, site_id: '05000000-0000-4000-8000-000000000002', occupant_id: STAY.occupant_id, recorded_by: STAY.occupant_id,
    bed_event_id: crypto.randomUUID(), template_id: DORM_INVENTORY_TEMPLATE_ID, started_at: at, submitted_at: at,
    answers: allItems(DORM_INVENTORY_V1).map((i) => (i.key === 'wardrobe' ? { item_key: i.key, result: 'fail' as const, photo_ids: [crypto.randomUUID()] } : { item_key: i.key, result: 'pass' as const })),
    failed_items: 1, meters: [{ meter: 'water', reading: 100, photo_id: crypto.randomUUID() }, { meter: 'electricity', reading: 3000, photo_id: crypto.randomUUID() }], keys: [], signature_photo_id: crypto.randomUUID(), updated_at: at, deleted_at: null,
  }
  await db.dorm_check_ins.add(checkIn)
})
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

describe('dorm check-out page', () => {
  it('the inventory shows what the check-in found beside each item; damage found now that was not there then is marked new', async () => {
    const { wrapper } = await mountAt(`/dorms/beds/${STAY.bed_id}/check-out`, dormRoutes, MANAGER.id, ['dorm_manager'])
    wrappers.push(wrapper)
    await until(() => expect(wrapper.find('[data-testid="checkout-page"]').attributes('data-status')).toBe('ready'))
    const line = (key: string) => wrapper.get(`[data-testid="compare-line"][data-item-key="${key}"]`)
    expect(line('wardrobe').text()).toContain('有损坏/缺失')
    expect(line('desk_chair').text()).toContain('完好')
    expect(wrapper.findAll('[data-testid="compare-new-damage"]')).toHaveLength(0)

    const item = (key: string) => wrapper.get(`[data-testid="checklist-item"][data-item-key="${key}"]`)
    await item('wardrobe').get('[data-testid="answer-fail"]').trigger('click')
    await item('desk_chair').get('[data-testid="answer-fail"]').trigger('click')
    await until(() => expect(line('desk_chair').attributes('data-new-damage')).toBe('true'))
    // Damaged at check-in already: not the resident's.
    expect(line('wardrobe').attributes('data-new-damage')).toBe('false')
    expect(wrapper.findAll('[data-testid="compare-new-damage"]')).toHaveLength(1)

    // Not complete (answers missing, damage photos missing): the walk-through stays on the inventory.
    await wrapper.get('[data-testid="checkout-next"]').trigger('click')
    await until(() => expect(wrapper.findAll('[data-testid="item-issue"]').length).toBeGreaterThan(0))
    expect(wrapper.get('[data-testid="checkout-page"]').attributes('data-step')).toBe('0')
    // The draft is on the device already (a reload resumes it).
    await until(async () => expect((await getDb().meta.get(`dorm_checkout_draft:${STAY.id}`))?.value).toBeTruthy())
  })

  it('someone who does not live on the bed is told so', async () => {
    const other = demo.users.find((u) => u.id !== STAY.occupant_id && u.roles.includes('employee'))!
    const { wrapper } = await mountAt(`/dorms/beds/${STAY.bed_id}/check-out`, dormRoutes, other.id, ['employee'])
    wrappers.push(wrapper)
    await until(() => expect(wrapper.find('[data-testid="checkout-page"]').attributes('data-status')).toBe('notYours'))
  })
})
