// A 报修 task finished on the dorm manager's phone offline frees the room's beds there at once (the device's
// twin of private.tg_dorm_repair_task_done, migration 20261204020000); pushed, the server applies the act and
// its trigger makes the same repair_end events (same ids, times, actor, payload) and the same bed states; pulled
// back, the device holds exactly the server's rows. Also for a cancel (the act's device time, not the server's clock).
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import Dexie from 'dexie'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type AdminFieldDb } from '../../src/platform/db'
import type { TaskActor } from '../../src/features/tasks/domain'
import { actOnTask } from '../../src/features/tasks/domain/act'
import { saveAct } from '../../src/features/tasks/data/taskWrites'
import { loadTaskDetail } from '../../src/features/tasks/data/taskReads'
import { stateOf } from '../../src/features/tasks/data/rows'
import { repairEndId } from '../../src/features/dorms/domain'
import { SZ } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { pullAs, pushPending } from './support/device'
import { dormOp, makeRoom, pastClock } from './support/dorms'

let server: TestDb
const phones: AdminFieldDb[] = []
const MANAGER = DEMO.users.dormManager as string
const actor: TaskActor = { id: MANAGER, grants: [{ role: 'dorm_manager', siteId: SZ }], departmentId: null }
const at = pastClock()

beforeAll(async () => {
  server = await openTestDb()
})
afterAll(async () => {
  for (const d of phones) {
    d.close()
    await Dexie.delete(d.name)
  }
  await server?.close()
})

const TABLES = ['tasks', 'task_events', 'follow_ups', 'dorm_buildings', 'dorm_rooms', 'dorm_beds', 'dorm_stays', 'dorm_bed_events'] as const

/** The manager's view of these tables, applied like a pull page; the phone's ops pushed as the manager. */
const pull = (phone: AdminFieldDb) => pullAs(server, phone, MANAGER, TABLES)
const pushAll = (phone: AdminFieldDb) => pushPending(server, phone, MANAGER)

type Facts = { beds: unknown[]; events: unknown[] }
const time = (t: unknown) => new Date(t as string).toISOString()

async function deviceFacts(phone: AdminFieldDb, bedIds: string[]): Promise<Facts> {
  const beds = (await phone.dorm_beds.bulkGet(bedIds)).map((b) => ({ id: b!.id, status: b!.status, in_repair: b!.in_repair, stay_id: b!.stay_id, occupant_id: b!.occupant_id }))
  const events = (await phone.dorm_bed_events.where('bed_id').anyOf(bedIds).toArray())
    .map((e) => ({ id: e.id, bed_id: e.bed_id, type: e.type, actor_id: e.actor_id, device_time: time(e.device_time), payload: e.payload, stay_id: e.stay_id, site_id: e.site_id }))
    .sort((a, b) => a.id.localeCompare(b.id))
  return { beds, events }
}

async function serverFacts(bedIds: string[]): Promise<Facts> {
  const beds = await server.query<Record<string, unknown>>('select id, status, in_repair, stay_id, occupant_id from public.dorm_beds where id = any ($1::uuid[])', [bedIds])
  const events = await server.query<Record<string, unknown>>(
    'select id, bed_id, type, actor_id, device_time, payload, stay_id, site_id from public.dorm_bed_events where bed_id = any ($1::uuid[]) order by id::text',
    [bedIds],
  )
  const byId = new Map(beds.map((b) => [b.id, b]))
  return { beds: bedIds.map((id) => byId.get(id)), events: events.map((e) => ({ ...e, device_time: time(e.device_time) })) }
}

/** A room of the site with a 报修 task that put its beds under repair, accepted by the manager, on the manager's phone. */
async function roomUnderRepair() {
  const room = await makeRoom(server, MANAGER, SZ)
  const task = randomUUID()
  expect(await dormOp(server, MANAGER, 'dorm_repair.report', task, { room_id: room.roomId, what: '天花板漏水', photo_ids: [] }, at(1))).toMatchObject({ status: 'applied' })
  const starts = room.beds.map(() => randomUUID())
  const payload = { action: 'start', beds: room.beds.map((b, i) => ({ bed_id: b.id, event_id: starts[i] })), task_id: task }
  expect(await dormOp(server, MANAGER, 'dorm_room.repair', room.roomId, payload, at(2))).toMatchObject({ status: 'applied' })
  expect(await dormOp(server, MANAGER, 'task.act', randomUUID(), { type: 'accept', task_id: task }, at(3))).toMatchObject({ status: 'applied' })
  const phone = openDb(`dorm-repair-done-${randomUUID()}`)
  phones.push(phone)
  await pull(phone)
  return { phone, task, starts, bedIds: room.beds.map((b) => b.id) }
}

async function actOffline(phone: AdminFieldDb, task: string, input: Record<string, unknown>, when: string): Promise<void> {
  const d = await loadTaskDetail(phone, task)
  if (!d) throw new Error('the task is not on the phone')
  const out = actOnTask(stateOf(d.task, d.followUps), { task_id: task, ...input }, actor, when)
  if (!out.ok) throw new Error(out.reason)
  await saveAct(phone, 'task.act', out.value, [], new Date(when))
}

describe('a 报修 task done on the phone offline: the phone and the server agree', () => {
  for (const [name, input] of [
    ['completed', { type: 'complete', report: '已修好', photo_ids: [] }],
    ['cancelled', { type: 'cancel', note: '重复报修' }],
  ] as const) {
    it(`${name}: the beds are vacant on the phone at once; the server makes the same events; after the sync the phone holds the server's rows`, async () => {
      const { phone, task, starts, bedIds } = await roomUnderRepair()
      expect((await phone.dorm_beds.bulkGet(bedIds)).map((b) => b?.status)).toEqual(bedIds.map(() => 'under_repair'))

      // Offline on the phone: done, and the beds are free at once.
      await actOffline(phone, task, input, at(30))
      const offline = await deviceFacts(phone, bedIds)
      expect(offline.beds.map((b) => (b as { status: string }).status)).toEqual(bedIds.map(() => 'vacant'))
      const ends = (offline.events as { id: string; type: string }[]).filter((e) => e.type === 'repair_end')
      expect(ends.map((e) => e.id).sort()).toEqual(starts.map(repairEndId).sort())

      // Back online: the act is applied; the server's trigger made the very same facts.
      expect(await pushAll(phone)).toEqual(['applied'])
      expect(await serverFacts(bedIds)).toEqual(offline)
      const [ids] = await server.query<{ same: boolean }>('select private.dorm_repair_end_id($1::uuid) = $2::uuid as same', [starts[0], repairEndId(starts[0]!)])
      expect(ids?.same).toBe(true)

      // Pulled: nothing more, nothing less on the phone.
      await pull(phone)
      expect(await deviceFacts(phone, bedIds)).toEqual(await serverFacts(bedIds))
    })
  }
})
