// A department head appointed or replaced (departments.head_id, issue 11): the new head's next pull
// brings the department's older tasks (a head sees them), and the old head's next pull starts a new
// run ('restart') after which their device drops the tasks they no longer see — as for a role or
// a site gained or lost (tests/db/sync-pull-roles.test.ts). Whoever heads nothing keeps their cursor.
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import Dexie from 'dexie'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../../src/platform/db'
import { pullAll as devicePull } from '../../src/platform/sync/pull'
import { createSqlTransport } from '../support/sqlTransport'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, pull, pullAll, push } from './support/sync'
import { HQ, assign, person } from './support/tasks'

let db: TestDb
let dept: string
let giver: string, worker: string, oldHead: string, newHead: string, bystander: string

const taskIds = (changes: { table: string; id: string }[]) => changes.filter((c) => c.table === 'tasks').map((c) => c.id)

async function setHead(head: string | null): Promise<void> {
  const op = makeOp('department.upsert', dept, { site_id: HQ, code: 'PULLHD', name: '采购部', head_id: head })
  expect((await push(db, DEMO.users.adminHead as string, [op]))[0]?.status).toBe('applied')
}

beforeAll(async () => {
  db = await openTestDb()
  dept = randomUUID()
  expect((await push(db, DEMO.users.adminHead as string, [makeOp('department.upsert', dept, { site_id: HQ, code: 'PULLHD', name: '采购部' })]))[0]?.status).toBe(
    'applied',
  )
  giver = await person(db, 'inspector', HQ, null, 'pull-giver')
  worker = await person(db, 'employee', HQ, dept, 'pull-worker')
  oldHead = await person(db, 'employee', HQ, null, 'pull-old-head')
  newHead = await person(db, 'employee', HQ, null, 'pull-new-head')
  bystander = await person(db, 'employee', HQ, null, 'pull-bystander')
})
afterAll(() => db?.close())

describe('a change of department head and the pull', () => {
  it('the new head receives the older tasks; the old head restarts and no longer gets them; others carry on', async () => {
    await setHead(oldHead)
    const older = await assign(db, giver, worker, { department_id: dept, title: '采购台账核对' })
    const oldFirst = await pullAll(db, oldHead, null)
    expect(taskIds(oldFirst.changes)).toContain(older)
    const newFirst = await pullAll(db, newHead, null)
    expect(taskIds(newFirst.changes)).not.toContain(older)
    const otherFirst = await pullAll(db, bystander, null)

    await setHead(newHead)
    const newAfter = await pullAll(db, newHead, newFirst.cursor)
    expect(newAfter.pages[0]?.restart).toBe(true)
    expect(taskIds(newAfter.changes)).toContain(older)
    // From there on incremental again.
    expect(taskIds((await pullAll(db, newHead, newAfter.cursor)).changes)).not.toContain(older)

    const oldAfter = await pullAll(db, oldHead, oldFirst.cursor)
    expect(oldAfter.pages[0]?.restart).toBe(true)
    expect(taskIds(oldAfter.changes)).not.toContain(older)

    // Heading no department before and after: the cursor carries on.
    expect((await pull(db, bystander, otherFirst.cursor)).restart).toBe(false)
  })

  it("the old head's device drops the department's tasks after the new run; the new head's device gets them", async () => {
    await setHead(oldHead)
    const task = await assign(db, giver, worker, { department_id: dept, title: '供应商档案整理' })
    const oldDevice = openDb(`head-old-${randomUUID()}`)
    const newDevice = openDb(`head-new-${randomUUID()}`)
    try {
      const oldPull = createSqlTransport(db, oldHead)
      const newPull = createSqlTransport(db, newHead)
      await devicePull(oldDevice, (c, n) => oldPull.pull(c, n), 200)
      await devicePull(newDevice, (c, n) => newPull.pull(c, n), 200)
      expect((await oldDevice.tasks.get(task))?.id).toBe(task)
      expect(await newDevice.tasks.get(task)).toBeUndefined()

      await setHead(newHead)
      await devicePull(oldDevice, (c, n) => oldPull.pull(c, n), 200)
      await devicePull(newDevice, (c, n) => newPull.pull(c, n), 200)
      expect(await oldDevice.tasks.get(task)).toBeUndefined()
      expect((await newDevice.tasks.get(task))?.id).toBe(task)
    } finally {
      oldDevice.close()
      newDevice.close()
      await Dexie.delete(oldDevice.name)
      await Dexie.delete(newDevice.name)
    }
  })
})
