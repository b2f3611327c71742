import '../support/vantCss'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { dormRoutes } from '@/features/dorms/routes'
import { recordRoomRepair } from '@/features/dorms/data/roomRepair'
import { saveRepairReport } from '@/features/dorms/data/repairs'
import { reportRepair, roomRepairPlan } from '@/features/dorms/domain'
import { taskRoutes } from '@/features/tasks/routes'
import { actOnTask } from '@/features/tasks/domain/act'
import { saveAct } from '@/features/tasks/data/taskWrites'
import { mountAt, until } from '../rectification/support'

// The demo driver lives in room 101, bed 2.
const DRIVER = demo.users.find((u) => u.roles.includes('driver'))!
const MANAGER = demo.users.find((u) => u.roles.includes('dorm_manager'))!
const ROOM_101 = demo.dorms.rooms.find((r) => r.number === '101')!
const BED_2 = ROOM_101.beds.find((b) => b.code === '2')!
const routes = [...dormRoutes, { path: '/tasks/:id', name: 'task', component: { template: '<div data-testid="task-stub" />' } }]
const wrappers: VueWrapper[] = []
beforeAll(async () => {
  await seedDemoCompany(getDb())
})
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

describe('报修 from a room', () => {
  it('the resident reports from their bed: the draft survives leaving; saved as a repair task with its op in one go; the room lists it', async () => {
    const path = `/dorms/rooms/${ROOM_101.id}/repair?bed=${BED_2.id}`
    const first = await mountAt(path, routes, DRIVER.id, ['driver'])
    wrappers.push(first.wrapper)
    await until(() => expect(first.wrapper.find('[data-testid="repair-what"]').exists()).toBe(true))
    // Nothing typed: the defect is required, nothing saved.
    await first.wrapper.get('form').trigger('submit')
    await until(() => expect(first.wrapper.get('[data-testid="repair-what"]').text()).toContain('必填'))
    expect(await getDb().outbox.where('kind').equals('dorm_repair.report').count()).toBe(0)
    await first.wrapper.get('[data-testid="repair-what"] input').setValue('床板断裂')
    await first.wrapper.get('[data-testid="repair-description"] textarea').setValue('下铺床板中间裂开')
    // The draft is on the device: a new visit finds it.
    await until(async () => expect(await getDb().meta.get(`dorms.repair:${ROOM_101.id}`)).toBeDefined())
    first.wrapper.unmount()
    wrappers.pop()

    const { wrapper, router } = await mountAt(path, routes, DRIVER.id, ['driver'])
    wrappers.push(wrapper)
    await until(() => expect((wrapper.get('[data-testid="repair-what"] input').element as HTMLInputElement).value).toBe('床板断裂'))
    await wrapper.get('form').trigger('submit')
    await until(() => expect(router.currentRoute.value.name).toBe('task'))
    const id = String(router.currentRoute.value.params.id)
    const task = await getDb().tasks.get(id)
    expect(task).toMatchObject({ source: 'repair', source_ref: ROOM_101.id, title: '101室-2 报修：床板断裂', method: '下铺床板中间裂开', assigner_id: DRIVER.id, status: 'assigned' })
    const [op] = await getDb().outbox.where('kind').equals('dorm_repair.report').toArray()
    expect(op).toMatchObject({ entity_id: id, payload: { room_id: ROOM_101.id, bed_id: BED_2.id, what: '床板断裂', description: '下铺床板中间裂开', photo_ids: [] } })
    expect(await getDb().meta.get(`dorms.repair:${ROOM_101.id}`)).toBeUndefined()

    // The room page (the dorm manager's view on this device) lists it, with its state.
    const room = await mountAt(`/dorms/rooms/${ROOM_101.id}`, routes, MANAGER.id, ['dorm_manager'])
    wrappers.push(room.wrapper)
    await until(() => expect(room.wrapper.find('[data-testid="room-repairs"]').attributes('data-count')).toBe('1'))
    expect(room.wrapper.get('[data-testid="room-repair"]').text()).toContain('床板断裂')
    expect(room.wrapper.get('[data-testid="room-repair"]').attributes('data-status')).toBe('assigned')
  })
})

describe('a 报修 task finished on the phone', () => {
  it('offline, the occupancy view shows the beds it had under repair vacant right after the task is completed', async () => {
    const db = getDb()
    const room = demo.dorms.rooms.find((r) => r.number === '102')!
    const site = MANAGER.site_id
    const actor = { id: MANAGER.id, grants: [{ role: 'dorm_manager' as const, siteId: site }], departmentId: null }
    const taskId = crypto.randomUUID()
    const t0 = Date.now() - 3_600_000
    const made = reportRepair({ room_id: room.id, what: '天花板漏水', photo_ids: [] }, { taskId, siteId: site, roomNumber: room.number, bedCode: null, reporter: actor, at: new Date(t0).toISOString(), dueOn: '2099-12-31' })
    if (!made.ok) throw new Error('report')
    await saveRepairReport(db, { ...made.task, assignee_id: MANAGER.id }, made.payload, [], new Date(t0))
    const beds = (await db.dorm_beds.where('room_id').equals(room.id).toArray()).map((b) => ({ id: b.id, code: b.code, status: b.status, in_repair: b.in_repair }))
    await recordRoomRepair(db, { roomId: room.id, siteId: site, actorId: MANAGER.id, action: 'start', plan: roomRepairPlan(beds, 'start'), taskId }, new Date(t0 + 60_000))
    const task = await db.tasks.get(taskId)
    const accepted = actOnTask({ task: task as never, followUps: new Map() }, { type: 'accept', task_id: taskId }, actor, new Date(t0 + 120_000).toISOString())
    if (!accepted.ok) throw new Error(accepted.reason)
    await saveAct(db, 'task.act', accepted.value, [], new Date(t0 + 120_000))

    const tile = (w: { find: (s: string) => { attributes: (a: string) => string | undefined } }) => w.find(`[data-testid="room-tile"][data-room="${room.number}"]`).attributes('data-vacant')
    const before = await mountAt('/dorms', dormRoutes, MANAGER.id, ['dorm_manager'])
    wrappers.push(before.wrapper)
    await until(() => expect(tile(before.wrapper)).toBe('0'))
    before.wrapper.unmount()
    wrappers.pop()

    // The task page: 完成 with the report.
    const page = await mountAt(`/tasks/${taskId}`, [...taskRoutes, ...dormRoutes], MANAGER.id, ['dorm_manager'])
    wrappers.push(page.wrapper)
    await until(() => expect(page.wrapper.find('[data-testid="act-complete"]').exists()).toBe(true))
    await page.wrapper.get('[data-testid="act-complete"]').trigger('click')
    await until(() => expect(page.wrapper.find('[data-testid="act-text"] textarea').exists()).toBe(true))
    await page.wrapper.get('[data-testid="act-text"] textarea').setValue('已修好，屋顶重做防水')
    await page.wrapper.get('[data-testid="act-form-complete"]').trigger('submit')
    await until(async () => expect((await db.tasks.get(taskId))?.status).toBe('completed'))
    page.wrapper.unmount()
    wrappers.pop()

    // No sync in between: the occupancy view has the room's beds vacant at once.
    const after = await mountAt('/dorms', dormRoutes, MANAGER.id, ['dorm_manager'])
    wrappers.push(after.wrapper)
    await until(() => expect(tile(after.wrapper)).toBe('2'))
    expect(await db.outbox.where('kind').equals('dorm_bed.record').count()).toBe(0)
  })
})
