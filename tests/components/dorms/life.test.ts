// Living there (issue 10): 长期外出 recorded and ended on "my dormitory" (the resident), a whole room put
// under repair by the dorm manager (its vacant beds; the lived-on bed left alone, said why) — each one
// transaction with its op.
import '../support/vantCss'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { dormRoutes } from '@/features/dorms/routes'
import { mountAt, until } from '../rectification/support'

// The demo driver lives in room 101, bed 2; the employee has bed 1 reserved there.
const DRIVER = demo.users.find((u) => u.roles.includes('driver'))!
const MANAGER = demo.users.find((u) => u.roles.includes('dorm_manager'))!
const ROOM_101 = demo.dorms.rooms.find((r) => r.number === '101')!
const routes = [...dormRoutes, { path: '/tasks/:id', name: 'task', component: { template: '<div />' } }, { path: '/requests/new/:type?', name: 'requestNew', component: { template: '<div />' } }]
const wrappers: VueWrapper[] = []
beforeAll(async () => {
  await seedDemoCompany(getDb())
})
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

const confirm = async () => {
  await until(() => expect(document.querySelector('.van-dialog__confirm')).not.toBeNull())
  ;(document.querySelector('.van-dialog__confirm') as HTMLElement).click()
}

describe('长期外出 on my dormitory', () => {
  it('the resident records an absence (the bed stays theirs), then the return ends it', async () => {
    const { wrapper } = await mountAt('/dorms/mine', routes, DRIVER.id, ['driver'])
    wrappers.push(wrapper)
    await until(() => expect(wrapper.find('[data-testid="stay-absence-new"]').exists()).toBe(true))
    await wrapper.get('[data-testid="stay-absence-new"]').trigger('click')
    await until(() => expect(wrapper.find('[data-testid="stay-absence-form"]').exists()).toBe(true))
    // A return before the day they leave: refused by the form, nothing saved.
    const starts = (wrapper.get('[data-testid="absence-starts"] input').element as HTMLInputElement).value
    await wrapper.get('[data-testid="absence-return"] input').setValue(starts)
    await wrapper.get('[data-testid="absence-save"]').trigger('click')
    await until(() => expect(wrapper.get('[data-testid="absence-return"]').text()).not.toBe(''))
    expect(await getDb().outbox.where('kind').equals('dorm_absence.record').count()).toBe(0)
    const back = new Date(Date.parse(`${starts}T00:00:00Z`) + 20 * 86_400_000).toISOString().slice(0, 10)
    await wrapper.get('[data-testid="absence-return"] input').setValue(back)
    await wrapper.get('[data-testid="absence-reason"] input').setValue('探亲')
    await wrapper.get('[data-testid="absence-save"]').trigger('click')
    await until(() => expect(wrapper.find('[data-testid="stay-absence-open"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="stay-absence"]').attributes('data-away')).toBe('true')
    const [op] = await getDb().outbox.where('kind').equals('dorm_absence.record').toArray()
    expect(op?.payload).toMatchObject({ starts_on: starts, expected_return_on: back, reason: '探亲' })
    const row = await getDb().dorm_absences.get(op!.entity_id)
    expect(row).toMatchObject({ occupant_id: DRIVER.id, returned_on: null })
    // The bed is still theirs.
    expect((await getDb().dorm_beds.get(row!.bed_id))?.status).toBe('occupied')

    await wrapper.get('[data-testid="stay-absence-back"]').trigger('click')
    await confirm()
    await until(async () => expect((await getDb().dorm_absences.get(op!.entity_id))?.returned_on).toBe(starts))
    const [ret] = await getDb().outbox.where('kind').equals('dorm_absence.return').toArray()
    expect(ret).toMatchObject({ entity_id: op!.entity_id, payload: { returned_on: starts } })
    await until(() => expect(wrapper.find('[data-testid="stay-absence-new"]').exists()).toBe(true))
  })
})

describe('a room under repair', () => {
  it('the dorm manager marks the whole room: its vacant beds in one op; the lived-on and reserved beds stay as they are', async () => {
    const { wrapper } = await mountAt(`/dorms/rooms/${ROOM_101.id}`, routes, MANAGER.id, ['dorm_manager'])
    wrappers.push(wrapper)
    await until(() => expect(wrapper.find('[data-testid="room-repair-start"]').exists()).toBe(true))
    const before = new Map((await getDb().dorm_beds.where('room_id').equals(ROOM_101.id).toArray()).map((b) => [b.id, b.status]))
    const vacant = [...before].filter(([, s]) => s === 'vacant').map(([id]) => id)
    expect(vacant.length).toBeGreaterThan(0)
    await wrapper.get('[data-testid="room-repair-start"]').trigger('click')
    await until(() => expect(document.querySelector('.van-action-sheet__item')).not.toBeNull())
    // The lived-on bed is offered disabled, with the reason.
    expect(document.querySelector('.van-action-sheet')?.textContent).toContain('有人入住')
    ;(document.querySelector('.van-action-sheet__item') as HTMLElement).click()
    await confirm()
    await until(async () => expect(await getDb().outbox.where('kind').equals('dorm_room.repair').count()).toBe(1))
    const [op] = await getDb().outbox.where('kind').equals('dorm_room.repair').toArray()
    expect(op).toMatchObject({ entity_id: ROOM_101.id, payload: { action: 'start' } })
    expect((op!.payload.beds as { bed_id: string }[]).map((b) => b.bed_id).sort()).toEqual(vacant.sort())
    const after = await getDb().dorm_beds.where('room_id').equals(ROOM_101.id).toArray()
    for (const b of after) expect(b.status).toBe(before.get(b.id) === 'vacant' ? 'under_repair' : before.get(b.id))
    await until(() => expect(wrapper.find('[data-testid="room-repair-end"]').exists()).toBe(true))
  })
})
