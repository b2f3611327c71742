// The damage price list and the monthly meter-reading round on the device (issue 10): the dorm manager
// sets a price (draft kept when the form is left, reopened on return), the check-out's summary prices new
// damage from it, a price is removed after a confirmation; the round lists the rooms, a room's readings
// with a photo of each dial (and a replaced water meter) are saved with their op (draft kept across a
// reload) and the room shows read.
import '../support/vantCss'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { DOMWrapper, VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { dormRoutes } from '@/features/dorms/routes'
import { defaultRoundMonth } from '@/features/dorms/domain'
import { savePrice } from '@/features/dorms/data/prices'
import { fakePhoto } from '../../unit/photos/support'
import { mountAt, until } from '../rectification/support'

vi.mock('@/shared/ui/photos/processor', () => ({ defaultProcessor: async () => fakePhoto() }))

const MANAGER = demo.users.find((u) => u.roles.includes('dorm_manager'))!
const ROOM = demo.dorms.rooms[0]!
const STAY = demo.dorms.stays.find((s) => s.checked_in)!
const wrappers: VueWrapper[] = []
beforeAll(async () => {
  await seedDemoCompany(getDb())
})
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

async function open(path: string) {
  const m = await mountAt(path, dormRoutes, MANAGER.id, ['dorm_manager'])
  wrappers.push(m.wrapper)
  return m
}

async function takePhoto(scope: { find: (selector: string) => DOMWrapper<Element> }) {
  const input = scope.find('[data-testid=photo-camera-input]')
  Object.defineProperty(input.element, 'files', { value: [new File(['raw'], 'dial.jpg', { type: 'image/jpeg' })], configurable: true })
  await input.trigger('change')
}

describe('the damage price list', () => {
  it('a price is set from the form; its draft is kept when the form is left and reopens on return', async () => {
    const first = await open('/dorms/prices')
    await until(() => expect(first.wrapper.find('[data-testid=dorm-prices]').attributes('data-status')).toBe('ready'))
    expect(first.wrapper.text()).toContain('还没有定价的物品')
    await first.wrapper.get('[data-testid=price-add]').trigger('click')
    await until(() => expect(document.querySelector('[data-testid=price-form]')).not.toBeNull())
    const form = () => first.wrapper.findComponent({ name: 'PriceForm' })
    await form().get('[data-testid=price-item-desk_chair]').trigger('click')
    await form().get('[data-testid=price-yuan] input').setValue('abc')
    await form().get('form').trigger('submit')
    await until(() => expect(form().get('[data-testid=price-yuan]').text()).toContain('金额'))
    await form().get('[data-testid=price-yuan] input').setValue('120.5')
    // Left with input: the draft is on the device, the form reopens with it.
    await until(async () => expect((await getDb().meta.get('dorms.price:new'))?.value).toMatchObject({ itemKey: 'desk_chair', yuan: '120.5' }))
    first.wrapper.unmount()
    wrappers.pop()

    const { wrapper } = await open('/dorms/prices')
    const again = () => wrapper.findComponent({ name: 'PriceForm' })
    await until(() => expect((again().get('[data-testid=price-yuan] input').element as HTMLInputElement).value).toBe('120.5'))
    await again().get('form').trigger('submit')
    await until(() => expect(wrapper.find('[data-testid=price-desk_chair]').exists()).toBe(true))
    expect(wrapper.get('[data-testid=price-desk_chair]').attributes('data-fen')).toBe('12050')
    const [op] = await getDb().outbox.where('kind').equals('dorm_price.set').toArray()
    expect(op?.payload).toEqual({ item_key: 'desk_chair', unit_fen: 12050 })
    expect(await getDb().meta.get('dorms.price:new')).toBeUndefined()
  }, 60_000)

  it('the check-out summary prices new damage from the list, an item not on it is marked; a price is removed after a confirmation', async () => {
    await savePrice(getDb(), { id: crypto.randomUUID(), building_id: null, item_key: 'lights_sockets', unit_fen: 3000 }, null, MANAGER.id)
    // The check-out's summary prices new damage from the list; an item not on it is marked.
    const out = await open(`/dorms/beds/${STAY.bed_id}/check-out`)
    await until(() => expect(out.wrapper.find('[data-testid=checkout-page]').attributes('data-status')).toBe('ready'))
    const item = (key: string) => out.wrapper.get(`[data-testid="checklist-item"][data-item-key="${key}"]`)
    for (const i of out.wrapper.findAll('[data-testid=checklist-item]')) await i.get('[data-testid=answer-pass]').trigger('click')
    for (const key of ['lights_sockets', 'walls_floor']) {
      await item(key).get('[data-testid=answer-fail]').trigger('click')
      await takePhoto(item(key))
    }
    const draftKey = `dorm_checkout_draft:${STAY.id}`
    await until(async () => expect(Object.values(((await getDb().meta.get(draftKey))?.value as { answers: Record<string, { photos: unknown[] }> }).answers).filter((a) => a.photos.length)).toHaveLength(2))
    const d = (await getDb().meta.get(draftKey))!.value as { step: number }
    await getDb().meta.put({ key: draftKey, value: { ...d, step: 3 } })
    out.wrapper.unmount()
    wrappers.pop()
    const summary = await open(`/dorms/beds/${STAY.bed_id}/check-out`)
    await until(() => expect(summary.wrapper.find('[data-testid=checkout-damage-total]').exists()).toBe(true))
    expect(summary.wrapper.get('[data-testid=checkout-damage-lights_sockets]').text()).toContain('¥30.00')
    expect(summary.wrapper.get('[data-testid=checkout-damage-walls_floor]').text()).toContain('价目表未定价')
    expect(summary.wrapper.get('[data-testid=checkout-damage-total]').attributes('data-fen')).toBe('3000')
    summary.wrapper.unmount()
    wrappers.pop()

    // Removed after a confirmation.
    const list = await open('/dorms/prices')
    await until(() => expect(list.wrapper.find('[data-testid=price-lights_sockets]').exists()).toBe(true))
    await list.wrapper.get('[data-testid=price-lights_sockets] [data-testid=price-remove]').trigger('click')
    await until(() => expect(document.querySelector('.van-dialog__confirm')).not.toBeNull())
    ;(document.querySelector('.van-dialog__confirm') as HTMLElement).click()
    await until(() => expect(list.wrapper.find('[data-testid=price-lights_sockets]').exists()).toBe(false))
    expect(await getDb().outbox.where('kind').equals('dorm_price.delete').count()).toBe(1)
  }, 60_000)
})

describe('the monthly meter-reading round', () => {
  it('lists the rooms, a room read with both photos (draft kept across a reload) is saved with its op and shows read', async () => {
    const month = defaultRoundMonth(new Date().toISOString(), 'Asia/Shanghai')
    const round = await open('/dorms/meters')
    await until(() => expect(round.wrapper.find('[data-testid=meter-round]').attributes('data-status')).toBe('ready'))
    const total = demo.dorms.rooms.length
    expect(round.wrapper.get('[data-testid=round-progress]').text()).toContain(`已抄 0 / ${total} 间`)
    expect(round.wrapper.get(`[data-testid=round-room-${ROOM.id}]`).attributes('data-read')).toBe('no')
    await round.wrapper.get(`[data-testid=round-room-${ROOM.id}]`).trigger('click')
    await until(() => expect(round.router.currentRoute.value.name).toBe('dormMeterRoom'))
    round.wrapper.unmount()
    wrappers.pop()

    const path = `/dorms/meters/${ROOM.id}?month=${month}`
    const first = await open(path)
    await until(() => expect(first.wrapper.find('[data-testid=meter-room]').attributes('data-status')).toBe('ready'))
    await first.wrapper.get('[data-testid=meter-water-reading] input').setValue('130.25')
    await takePhoto(first.wrapper.get('[data-testid=meter-water]'))
    // Saving without the electricity reading and photo: refused, nothing written.
    await first.wrapper.get('[data-testid=meter-room-save]').trigger('click')
    await until(() => expect(first.wrapper.find('[data-testid=meter-room-error]').exists()).toBe(true))
    expect(await getDb().outbox.where('kind').equals('dorm_meter.record').count()).toBe(0)
    await until(async () => expect((await getDb().meta.get(`dorms.meterRound:${ROOM.id}`))?.value).toMatchObject({ form: { meters: { water: { reading: '130.25', photos: [{ mime: 'image/jpeg' }] } } } }))
    first.wrapper.unmount()
    wrappers.pop()

    const { wrapper, router } = await open(path)
    await until(() => expect((wrapper.get('[data-testid=meter-water-reading] input').element as HTMLInputElement).value).toBe('130.25'))
    expect(wrapper.findAll('[data-testid=meter-water] [data-testid=captured-photo]')).toHaveLength(1)
    await wrapper.get('[data-testid=meter-electricity-reading] input').setValue('4100')
    await takePhoto(wrapper.get('[data-testid=meter-electricity]'))
    await until(() => expect(wrapper.findAll('[data-testid=meter-electricity] [data-testid=captured-photo]')).toHaveLength(1))
    // The water meter was replaced (换表): both figures needed.
    await wrapper.get('[data-testid=meter-swap-water]').trigger('click')
    await until(() => expect(wrapper.find('[data-testid=meter-swap-water-old]').exists()).toBe(true))
    await wrapper.get('[data-testid=meter-swap-water-old] input').setValue('120.75')
    await wrapper.get('[data-testid=meter-room-save]').trigger('click')
    await until(() => expect(wrapper.get('[data-testid=meter-room-error]').text()).toContain('旧表最后读数和新表起始读数'))
    await wrapper.get('[data-testid=meter-swap-water-new] input').setValue('0')
    await wrapper.get('[data-testid=meter-room-save]').trigger('click')
    await until(() => expect(router.currentRoute.value.name).toBe('dormMeterRound'))

    const [row] = await getDb().dorm_meter_readings.where('room_id').equals(ROOM.id).toArray()
    expect(row).toMatchObject({ month, recorded_by: MANAGER.id, meters: [{ meter: 'water', reading: 130.25, replaced: { old_final: 120.75, new_start: 0 } }, { meter: 'electricity', reading: 4100 }] })
    expect(row!.meters[1]).not.toHaveProperty('replaced')
    const ops = await getDb().outbox.orderBy('seq').toArray()
    const mine = ops.filter((o) => o.entity_id === row!.id || (o.kind === 'photo.register' && (o.payload as { owner_id?: string }).owner_id === row!.id))
    expect(mine.map((o) => o.kind)).toEqual(['dorm_meter.record', 'photo.register', 'photo.register'])
    expect(mine[0]?.payload).toEqual({ room_id: ROOM.id, month, meters: row!.meters })
    expect(await getDb().meta.get(`dorms.meterRound:${ROOM.id}`)).toBeUndefined()
    await until(() => expect(wrapper.find(`[data-testid=round-room-${ROOM.id}]`).attributes('data-read')).toBe('yes'))
    expect(wrapper.get('[data-testid=round-progress]').attributes('data-done')).toBe('1')
  }, 60_000)
})
