import Dexie from 'dexie'
import { afterEach } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import { buildOp, commitWithOutbox, createSyncEngine, type SyncEngine, type SyncEngineOptions } from '@/platform/sync'
import { dept, freshDb } from './helpers'
import { FakeServer, FakeTarget, fakeClock } from './fakes'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** A db, a fake server, a clock, fake window/document and an engine over them. */
export function setup(over: Partial<SyncEngineOptions> = {}) {
  const db = freshDb()
  const server = new FakeServer()
  const clock = fakeClock()
  const win = new FakeTarget()
  const doc = new FakeTarget()
  let online = true
  const make = (extra: Partial<SyncEngineOptions> = {}): SyncEngine => {
    const engine = createSyncEngine({
      db,
      transport: server,
      now: clock.now,
      random: () => 0,
      setTimer: clock.setTimer,
      clearTimer: clock.clearTimer,
      // FakeTarget implements the two methods the engine uses; the DOM overloads are wider.
      window: win as unknown as Pick<Window, 'addEventListener' | 'removeEventListener'>,
      document: doc as unknown as Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>,
      isOnline: () => online,
      ...over,
      ...extra,
    })
    cleanups.push(() => engine.stop())
    return engine
  }
  cleanups.push(async () => {
    db.close()
    await Dexie.delete(db.name)
  })
  return {
    db,
    server,
    clock,
    win,
    doc,
    make,
    setOnline: (v: boolean) => (online = v),
  }
}

/** Commits a department change with its op, as a repository would. */
export async function saveDept(db: AdminFieldDb, id: string, name = 'Dept') {
  const op = buildOp('department.upsert', 'departments', id, { name })
  await commitWithOutbox(db, ['departments'], op, async () => {
    await db.departments.put(dept(id, name))
  })
  return op
}
