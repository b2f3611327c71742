// A 报修 task that put a room under repair, finished on the phone offline, frees its beds at once: in the
// act's own transaction (as the server's trigger does when it applies the act), with the event ids and
// times the server will make, and the beds named in the op so a pull leaves them alone until it is applied.
import { beforeEach, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { recordRoomRepair } from '@/features/dorms/data/roomRepair'
import { saveRepairReport } from '@/features/dorms/data/repairs'
import { repairEndId, reportRepair, roomRepairPlan } from '@/features/dorms/domain'
import type { TaskActor } from '@/features/tasks/domain'
import { actOnTask } from '@/features/tasks/domain/act'
import { saveAct } from '@/features/tasks/data/taskWrites'
import { loadTaskDetail } from '@/features/tasks/data/taskReads'
import { stateOf } from '@/features/tasks/data/rows'
import demo from '@/platform/demo/demo-company.json'
import { freshDb } from '../features/testDb'

const SITE = '05000000-0000-4000-8000-000000000002'
const MANAGER: TaskActor = { id: '0a000000-0000-4000-8000-000000000009', grants: [{ role: 'dorm_manager', siteId: SITE }], departmentId: null }
const ROOM = demo.dorms.rooms.find((r) => r.number === '102')!
const TASK = '7a000000-0000-4000-8000-000000000001'
const at = (minutes: number) => new Date(Date.parse('2026-12-02T02:00:00.000Z') + minutes * 60_000)
let db: AdminFieldDb

const beds = async () => (await db.dorm_beds.where('room_id').equals(ROOM.id).sortBy('code')).map((b) => [b.code, b.status])

async function act(type: string, input: Record<string, unknown>, when: Date): Promise<void> {
  const d = await loadTaskDetail(db, TASK)
  if (!d) throw new Error('task not on the device')
  const out = actOnTask(stateOf(d.task, d.followUps), { type, task_id: TASK, ...input }, MANAGER, when.toISOString())
  if (!out.ok) throw new Error(`${type}: ${out.reason}`)
  await saveAct(db, 'task.act', out.value, [], when)
}

beforeEach(async () => {
  db = freshDb()
  await seedDemoCompany(db, at(0))
  // The manager reports a leak in room 102; the task is theirs (as the server assigns it to the site's dorm manager).
  const made = reportRepair(
    { room_id: ROOM.id, what: '天花板漏水', photo_ids: [] },
    { taskId: TASK, siteId: SITE, roomNumber: ROOM.number, bedCode: null, reporter: MANAGER, at: at(1).toISOString(), dueOn: '2026-12-07' },
  )
  if (!made.ok) throw new Error('report')
  await saveRepairReport(db, { ...made.task, assignee_id: MANAGER.id }, made.payload, [], at(1))
  // Both beds under repair from the task.
  const room = (await db.dorm_beds.where('room_id').equals(ROOM.id).toArray()).map((b) => ({ id: b.id, code: b.code, status: b.status, in_repair: b.in_repair }))
  await recordRoomRepair(db, { roomId: ROOM.id, siteId: SITE, actorId: MANAGER.id, action: 'start', plan: roomRepairPlan(room, 'start'), taskId: TASK }, at(2))
})

describe('a done 报修 task frees its beds on the device at once', () => {
  it('accepting changes nothing; completing frees both beds in the act\'s transaction, with the server\'s event ids and times, named in the op', async () => {
    expect(await beds()).toEqual([['1', 'under_repair'], ['2', 'under_repair']])
    await act('accept', {}, at(10))
    expect(await beds()).toEqual([['1', 'under_repair'], ['2', 'under_repair']])

    await act('complete', { report: '已修好', photo_ids: [] }, at(60))
    expect(await beds()).toEqual([['1', 'vacant'], ['2', 'vacant']])
    const all = await db.dorm_bed_events.toArray()
    const mine = all.filter((e) => e.type === 'repair_start' && (e.payload as { task_id?: string }).task_id === TASK)
    expect(mine).toHaveLength(2)
    const ends = all.filter((e) => e.type === 'repair_end')
    expect(ends.map((e) => e.id).sort()).toEqual(mine.map((s) => repairEndId(s.id)).sort())
    for (const e of ends) expect(e).toMatchObject({ device_time: at(60).toISOString(), actor_id: MANAGER.id, payload: { task_id: TASK }, stay_id: null, site_id: SITE })

    // One op for the act; the freed beds and their events are named, so a pull leaves them alone until it is applied.
    const [op] = await db.outbox.where('kind').equals('task.act').reverse().sortBy('seq')
    expect(op?.payload).toMatchObject({ type: 'complete' })
    expect(op?.related).toEqual(expect.arrayContaining([...ends.map((e) => `dorm_beds:${e.bed_id}`), ...ends.map((e) => `dorm_bed_events:${e.id}`)]))
    expect(await db.outbox.where('kind').equals('dorm_bed.record').count()).toBe(0)
  })

  it('cancelling the task frees them too, at the cancel\'s time', async () => {
    await act('cancel', { note: '重复报修' }, at(30))
    expect(await beds()).toEqual([['1', 'vacant'], ['2', 'vacant']])
    const ends = (await db.dorm_bed_events.toArray()).filter((e) => e.type === 'repair_end')
    expect(ends.map((e) => e.device_time)).toEqual([at(30).toISOString(), at(30).toISOString()])
  })
})
