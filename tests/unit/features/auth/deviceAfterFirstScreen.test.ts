/**
 * Issue 13: with a last-known identity to paint from, the first page is painted before the device
 * code (Dexie, the seed gate, the identity queries) loads; a page that cannot show without the
 * device db loads it at once.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import demo from '@/platform/demo/demo-company.json'
import { useSessionStore } from '@/features/auth'
import { getDb } from '@/platform/db'

/** Whether the app's device db was created (fake-indexeddb lists the databases opened so far). */
async function deviceDbExists(): Promise<boolean> {
  return (await indexedDB.databases()).some((d) => d.name === 'adminfield')
}

/** Whether `promise` settles within `ms`. */
const settlesWithin = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))])

beforeEach(async () => {
  // Loaded (and transformed) before the test: the device code's import costs no time in it.
  await import('@/features/auth/data/sessionDevice')
  localStorage.clear()
  setActivePinia(createPinia())
})

describe('device code after the first screen', () => {
  // First in this file: the device db does not exist yet.
  it('waits for the first screen when a page can paint from the last-known identity', async () => {
    expect(await deviceDbExists()).toBe(false)
    const session = useSessionStore()
    let show = () => undefined as void
    const shown = new Promise<void>((resolve) => (show = resolve))
    const started = session.init(undefined, shown)
    // Home opens at once on the demo default, and nothing of the device has started.
    await session.usable(true)
    expect(session.identityLoaded).toBe(true)
    // Given time to seed a whole device, it has not even created the device db.
    expect(await settlesWithin(started, 1500)).toBe(false)
    expect(await deviceDbExists()).toBe(false)
    expect(session.deviceReady).toBe(false)

    show()
    await started
    expect(session.deviceReady).toBe(true)
    expect(await getDb().profiles.count()).toBe(demo.users.length)
  })

  it('loads it at once for a page that shows only once the device db holds its queries', async () => {
    const session = useSessionStore()
    const never = new Promise<void>(() => undefined)
    const started = session.init(undefined, never)
    // A page that reads the device db: its guard waits until the db is gated for the seed.
    await session.usable(false)
    // The first screen never comes here, and the device still starts.
    await started
    expect(session.deviceReady).toBe(true)
    // Its first query never saw the database before the seed.
    expect(await getDb().profiles.count()).toBe(demo.users.length)
  })

  it('a page opened before the db (a scan) loads it when it has to query, and its query waits for the seed', async () => {
    const session = useSessionStore()
    const started = session.init(undefined, new Promise<void>(() => undefined))
    await session.usable(true)
    await session.dbReadable()
    await started
    expect(await getDb().profiles.count()).toBe(demo.users.length)
  })

  it('with no start under way (a component test) there is nothing to wait for and nothing starts', async () => {
    const session = useSessionStore()
    await session.dbReadable()
    expect(session.deviceReady).toBe(false)
    expect(session.userId).toBeNull()
  })
})
