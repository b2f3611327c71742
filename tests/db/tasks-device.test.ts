// The device's own writes (domain + data layer on fake-indexeddb) pushed to the real SQL: every op the
// tasks UI makes is one the server applies, and the server's fold agrees with the device's optimistic
// rows. Rows reach the other device as sync_pull would send them (to_jsonb under the reader's RLS)
// through the client's applyPage, until the synced-tables registry serves them from sync_pull itself.
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import Dexie from 'dexie'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type AdminFieldDb } from '../../src/platform/db'
import type { TaskActor } from '../../src/features/tasks/domain'
import { actOnTask, assignTask, openFollowUp, remindFollowUp } from '../../src/features/tasks/domain/act'
import { saveAct, saveAssignedTask, type ActKind } from '../../src/features/tasks/data/taskWrites'
import { loadTaskDetail } from '../../src/features/tasks/data/taskReads'
import { stateOf } from '../../src/features/tasks/data/rows'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { pullAs, pushPending } from './support/device'
import { FIN, HQ, person } from './support/tasks'

let server: TestDb
const dbs: AdminFieldDb[] = []
let alice: TaskActor
const head: TaskActor = { id: DEMO.users.adminHead as string, grants: [{ role: 'admin_head', siteId: null }], departmentId: DEMO.departments.ADM as string }
const officer: TaskActor = { id: DEMO.users.inspector as string, grants: [{ role: 'inspector', siteId: null }], departmentId: DEMO.departments.ADM as string }

beforeAll(async () => {
  server = await openTestDb()
  alice = { id: await person(server, 'employee', HQ, FIN, 'alice'), grants: [{ role: 'employee', siteId: HQ }], departmentId: FIN }
})
afterAll(async () => {
  for (const d of dbs) {
    d.close()
    await Dexie.delete(d.name)
  }
  await server?.close()
})

function device(): AdminFieldDb {
  const db = openDb(`tasks-device-${randomUUID()}`)
  dbs.push(db)
  return db
}

const pushAll = (db: AdminFieldDb, user: string) => pushPending(server, db, user)
const pullTasks = (db: AdminFieldDb, user: string) => pullAs(server, db, user, ['tasks', 'task_events', 'follow_ups'])

async function act(db: AdminFieldDb, kind: ActKind, who: TaskActor, taskId: string, input: Record<string, unknown>, at: string): Promise<void> {
  const d = await loadTaskDetail(db, taskId)
  if (!d) throw new Error('task not on the device')
  const state = stateOf(d.task, d.followUps)
  const out =
    kind === 'follow_up.open' ? openFollowUp(state, input, who, at) : kind === 'follow_up.remind' ? remindFollowUp(state, input, who, at) : actOnTask(state, { task_id: taskId, ...input }, who, at)
  if (!out.ok) throw new Error(`${kind}: ${out.reason}`)
  await saveAct(db, kind, out.value, [], new Date(at))
}

describe('the tasks UI\'s ops, applied by the server', () => {
  it('assign → accept → progress → 督办 with a reminder → complete → score: every op applied, the fold agrees', async () => {
    const headPhone = device()
    const alicePhone = device()
    const made = assignTask(
      { id: randomUUID(), site_id: HQ, title: '更换三楼灭火器', source: 'inspection', assignee_id: alice.id, department_id: FIN, due_on: '2026-11-18', assigned_at: '2026-11-14T09:00:00+08:00' },
      head,
      'Asia/Shanghai',
    )
    if (!made.ok) throw new Error(made.reason)
    const id = made.value.id
    await saveAssignedTask(headPhone, made.value, [], new Date('2026-11-14T09:00:00+08:00'))
    expect(await pushAll(headPhone, head.id)).toEqual(['applied'])

    await pullTasks(alicePhone, alice.id)
    await act(alicePhone, 'task.act', alice, id, { type: 'accept' }, '2026-11-14T10:00:00+08:00')
    await act(alicePhone, 'task.act', alice, id, { type: 'progress', note: '已采购', photo_ids: [] }, '2026-11-15T10:00:00+08:00')
    expect(await pushAll(alicePhone, alice.id)).toEqual(['applied', 'applied'])

    await pullTasks(headPhone, head.id)
    const sheet = randomUUID()
    await act(headPhone, 'follow_up.open', head, id, { follow_up_id: sheet, task_id: id, officer_id: officer.id, reason: 'important', instructions: '周四前更换完毕' }, '2026-11-16T09:00:00+08:00')
    expect(await pushAll(headPhone, head.id)).toEqual(['applied'])

    const officerPhone = device()
    await pullTasks(officerPhone, officer.id)
    await act(officerPhone, 'follow_up.remind', officer, id, { follow_up_id: sheet, level: 'first', channel: 'phone', reminded_at: '2026-11-16T10:00:00+08:00', next_on: '2026-11-17' }, '2026-11-16T10:05:00+08:00')
    expect(await pushAll(officerPhone, officer.id)).toEqual(['applied'])

    await pullTasks(alicePhone, alice.id)
    await act(alicePhone, 'task.act', alice, id, { type: 'complete', report: '6 具灭火器已更换', photo_ids: [] }, '2026-11-17T16:00:00+08:00')
    expect(await pushAll(alicePhone, alice.id)).toEqual(['applied'])

    await pullTasks(headPhone, head.id)
    await act(headPhone, 'task.act', head, id, { type: 'score', score: 95, note: '按期完成' }, '2026-11-18T09:00:00+08:00')
    const optimistic = await headPhone.tasks.get(id)
    expect(await pushAll(headPhone, head.id)).toEqual(['applied'])

    const [row] = await server.query<Record<string, unknown>>('select status, score, assignee_id, follow_up_id, officer_id from public.tasks where id = $1', [id])
    expect(row).toEqual({ status: 'scored', score: 95, assignee_id: alice.id, follow_up_id: sheet, officer_id: officer.id })
    expect(optimistic).toMatchObject(row as Record<string, unknown>)
    const [f] = await server.query<{ level: number; status: string }>('select level, status from public.follow_ups where id = $1', [sheet])
    expect(f).toEqual({ level: 1, status: 'open' })
    expect((await server.query<{ n: number }>('select count(*)::int as n from public.task_events where task_id = $1 and flagged', [id]))[0]?.n).toBe(0)
  })
})
