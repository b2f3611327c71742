import '../support/vantCss'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { dormRoutes } from '@/features/dorms/routes'
import { mountAt, until } from '../rectification/support'

const MANAGER = demo.users.find((u) => u.roles.includes('dorm_manager'))!
const ROOM_101 = demo.dorms.rooms.find((r) => r.number === '101')!
const wrappers: VueWrapper[] = []
beforeAll(async () => {
  await seedDemoCompany(getDb())
})
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))
const confirmDialog = async () => {
  await until(() => expect(document.querySelector('.van-dialog__confirm')).not.toBeNull())
  ;(document.querySelector('.van-dialog__confirm') as HTMLElement).click()
}

describe('the room and building editor', () => {
  it('a new building: saved with its op', async () => {
    const b = await mountAt('/dorms/buildings/new', dormRoutes, MANAGER.id, ['dorm_manager'])
    wrappers.push(b.wrapper)
    await until(() => expect(b.wrapper.find('[data-testid="building-name"]').exists()).toBe(true))
    await b.wrapper.get('[data-testid="building-name"] input').setValue('2 号宿舍楼')
    await b.wrapper.get('[data-testid="building-floors"] input').setValue('3')
    await b.wrapper.get('form').trigger('submit')
    await until(() => expect(b.router.currentRoute.value.name).toBe('dorms'))
    const building = (await getDb().dorm_buildings.toArray()).find((x) => x.name === '2 号宿舍楼')!
    expect(building).toMatchObject({ floors: 3, site_id: demo.sites.find((s) => s.id === building.site_id)?.id })
    const [bop] = await getDb().outbox.where('kind').equals('dorm_building.upsert').toArray()
    expect(bop).toMatchObject({ entity_id: building.id, payload: { name: '2 号宿舍楼', floors: 3 } })
  })

  it('a new room: checked as the server checks (floor within the building), saved with its beds and op', async () => {
    const building = { id: demo.dorms.buildings[0]!.id } // 5 floors
    const r = await mountAt(`/dorms/rooms/new?building=${building.id}`, dormRoutes, MANAGER.id, ['dorm_manager'])
    wrappers.push(r.wrapper)
    await until(() => expect(r.wrapper.find('[data-testid="room-number"]').exists()).toBe(true))
    await r.wrapper.get('[data-testid="room-number"] input').setValue('301')
    await r.wrapper.get('[data-testid="room-floor"] input').setValue('6')
    await r.wrapper.get('[data-testid="room-fee"] input').setValue('120.5')
    await r.wrapper.get('[data-testid="room-type-2"]').trigger('click')
    await until(() => expect(r.wrapper.findAll('[data-testid^="room-bed-"]')).toHaveLength(2))
    // Floor 6 of a 5-floor building: refused here, nothing saved.
    await r.wrapper.get('form').trigger('submit')
    await until(() => expect(r.wrapper.get('[data-testid="room-floor"]').text()).toContain('楼层超出'))
    expect(await getDb().outbox.where('kind').equals('dorm_room.upsert').count()).toBe(0)
    await r.wrapper.get('[data-testid="room-floor"] input').setValue('3')
    await r.wrapper.get('[data-testid="room-furniture-add"]').trigger('click')
    await r.wrapper.get('[data-testid="room-furniture"] input').setValue('空调')
    await r.wrapper.get('form').trigger('submit')
    await until(() => expect(r.router.currentRoute.value.name).toBe('dormRoom'))
    const roomId = String(r.router.currentRoute.value.params.id)
    expect(await getDb().dorm_rooms.get(roomId)).toMatchObject({ building_id: building.id, floor: 3, number: '301', room_type: 2, fee_fen: 12050, furniture: [{ name: '空调', qty: 1 }] })
    const beds = (await getDb().dorm_beds.where('room_id').equals(roomId).toArray()).sort((x, y) => x.code.localeCompare(y.code))
    expect(beds.map((x) => [x.code, x.status])).toEqual([['1', 'vacant'], ['2', 'vacant']])
    const [rop] = await getDb().outbox.where('kind').equals('dorm_room.upsert').toArray()
    expect(rop).toMatchObject({ entity_id: roomId, payload: { building_id: building.id, number: '301', room_type: 2, fee_fen: 12050, beds: beds.map(({ id, code, label_token }) => ({ id, code, label_token })) } })
  })

  it('a room in use is not taken out of use; an empty one is, after a confirmation, its beds with it', async () => {
    const busy = await mountAt(`/dorms/rooms/${ROOM_101.id}/edit`, dormRoutes, MANAGER.id, ['dorm_manager'])
    wrappers.push(busy.wrapper)
    await until(() => expect(busy.wrapper.find('[data-testid="room-delete"]').exists()).toBe(true))
    await busy.wrapper.get('[data-testid="room-delete"]').trigger('click')
    await until(() => expect(document.body.textContent).toContain('先办理退宿'))
    expect(await getDb().outbox.where('kind').equals('dorm_room.delete').count()).toBe(0)

    const empty = demo.dorms.rooms.find((x) => x.number === '202')!
    const e = await mountAt(`/dorms/rooms/${empty.id}/edit`, dormRoutes, MANAGER.id, ['dorm_manager'])
    wrappers.push(e.wrapper)
    await until(() => expect(e.wrapper.find('[data-testid="room-delete"]').exists()).toBe(true))
    await e.wrapper.get('[data-testid="room-delete"]').trigger('click')
    await confirmDialog()
    await until(() => expect(e.router.currentRoute.value.name).toBe('dorms'))
    expect((await getDb().dorm_rooms.get(empty.id))?.deleted_at).not.toBe(null)
    expect((await getDb().dorm_beds.where('room_id').equals(empty.id).toArray()).every((x) => x.deleted_at !== null)).toBe(true)
    expect(await getDb().outbox.where('kind').equals('dorm_room.delete').count()).toBe(1)
  })
})
