// The check-in's happy path in fewer taps (issue 10, measured by tests/bench/dorms-checkin.bench.ts): one tap
// marks every item not answered yet present and undamaged; a damage already marked stays, with its photo
// still required.
import '../support/vantCss'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { useSessionStore } from '@/features/auth'
import { getDb } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { dormRoutes } from '@/features/dorms/routes'
import { DORM_INVENTORY_V1 } from '@/features/dorms/domain'
import { allItems } from '@/features/inspections/domain'
import { mountAt, until } from '../rectification/support'

// The demo employee's stay on bed 101-1, allocated and not checked in yet.
const STAY = demo.dorms.stays.find((s) => !s.checked_in)!
const wrappers: VueWrapper[] = []
beforeAll(async () => {
  await seedDemoCompany(getDb())
})
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

describe('dorm check-in page', () => {
  it('shows the steps, the inventory hint and the quick button before the device db is ready; only the checklist waits for the data (issue 13)', async () => {
    const { wrapper } = await mountAt(`/dorms/beds/${STAY.bed_id}/check-in`, dormRoutes, STAY.occupant_id, ['employee'])
    wrappers.push(wrapper)
    const page = () => wrapper.get('[data-testid="checkin-page"]')
    // A fresh device: the page is open (its route does not wait for the seed), the device db not ready yet.
    await flushPromises()
    expect(page().attributes('data-status')).toBe('loading')
    const hint = wrapper.get('.check-in__hint').element
    const place = wrapper.get('[data-testid="checkin-place"]').element
    expect(place.textContent).toBe('\u00a0')
    expect(wrapper.findAll('.van-step')).toHaveLength(4)
    expect(wrapper.get('[data-testid="checkin-all-present"]').attributes('disabled')).toBeDefined()
    expect(wrapper.find('.state-view[data-state="loading"]').exists()).toBe(true)
    expect(wrapper.findAll('[data-testid="checklist-item"]')).toHaveLength(0)
    expect(wrapper.find('[data-testid="checkin-next"]').exists()).toBe(false)
    useSessionStore().deviceReady = true
    await until(() => expect(page().attributes('data-status')).toBe('ready'))
    // The same hint and place elements (painted once), the place now named; the checklist in the loading state's place.
    expect(wrapper.get('.check-in__hint').element).toBe(hint)
    expect(wrapper.get('[data-testid="checkin-place"]').element).toBe(place)
    expect(place.textContent?.trim()).not.toBe('')
    expect(wrapper.get('[data-testid="checkin-all-present"]').attributes('disabled')).toBeUndefined()
    expect(wrapper.find('.state-view').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid="checklist-item"]')).toHaveLength(allItems(DORM_INVENTORY_V1).length)
  })

  it('"all the rest present and undamaged" answers every unanswered item in one tap; a damage marked first stays', async () => {
    const { wrapper } = await mountAt(`/dorms/beds/${STAY.bed_id}/check-in`, dormRoutes, STAY.occupant_id, ['employee'])
    wrappers.push(wrapper)
    useSessionStore().deviceReady = true
    const page = () => wrapper.get('[data-testid="checkin-page"]')
    await until(() => expect(page().attributes('data-status')).toBe('ready'))
    const item = (key: string) => wrapper.get(`[data-testid="checklist-item"][data-item-key="${key}"]`)
    await item('wardrobe').get('[data-testid="answer-fail"]').trigger('click')
    await wrapper.get('[data-testid="checkin-all-present"]').trigger('click')
    await until(() => expect(wrapper.findAll('[data-testid="checklist-item"]').map((i) => [i.attributes('data-item-key'), i.attributes('data-result')])).toEqual(
      allItems(DORM_INVENTORY_V1).map((i) => [i.key, i.key === 'wardrobe' ? 'fail' : 'pass']),
    ))
    // The damage still needs its photo: the step does not move on.
    await wrapper.get('[data-testid="checkin-next"]').trigger('click')
    await until(() => expect(item('wardrobe').find('[data-testid="item-issue"]').exists()).toBe(true))
    expect(page().attributes('data-step')).toBe('0')
    // Present after all: the inventory is complete and the walk moves on to the meters.
    await item('wardrobe').get('[data-testid="answer-pass"]').trigger('click')
    await wrapper.get('[data-testid="checkin-next"]').trigger('click')
    await until(() => expect(page().attributes('data-step')).toBe('1'))
  })
})
