/**
 * The start-up gate of the demo seed (issue 13): the device db answers no query before the seed
 * has committed, the seed is one transaction (a start that ends mid-seed leaves nothing), and two
 * starts at once (two tabs) seed once. The browser test (tests/e2e/startup.test.ts) runs the same
 * in a real worker.
 */
import { describe, expect, it } from 'vitest'
import demo from '@/platform/demo/demo-company.json'
import { seedBeforeReads, seedInWorkerOrHere, startSeed, type DemoSeeder } from '@/features/auth/data/demoSeedGate'
import { DEMO_SEED_FLAGS } from '@/features/auth/data/demoSeedFlags'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { getMeta, observe, openDb } from '@/platform/db'
import { freshDb } from '../testDb'

const demoAssets = (demo as { assets: unknown[] }).assets

/** A seed that takes its time: the page's queries arrive while it runs. */
const slowSeed = (started: () => void): DemoSeeder => async (name) => {
  started()
  await new Promise((resolve) => setTimeout(resolve, 150))
  return seedInWorkerOrHere(name)
}

describe('seedBeforeReads', () => {
  it('holds every query until the seed commits: a live query first answers with the seeded rows', async () => {
    const db = freshDb()
    let seedStarted = false
    const answers: number[] = []
    // A page subscribing before the db has even opened (the first screen paints meanwhile).
    const stop = observe(() => db.assets.count(), (n) => answers.push(n))
    const oneShot = db.profiles.toArray()
    const seeded = seedBeforeReads(db, slowSeed(() => (seedStarted = true)))
    expect(await seeded).toBe(true)
    expect(seedStarted).toBe(true)
    expect((await oneShot).length).toBe(demo.users.length)
    await expect.poll(() => answers.length).toBeGreaterThan(0)
    // Never the empty state: the first answer already has every demo asset.
    expect(answers[0]).toBe(demoAssets.length)
    expect(answers.every((n) => n === demoAssets.length)).toBe(true)
    stop()
    for (const key of DEMO_SEED_FLAGS) expect(await getMeta(db, key)).toBeTypeOf('string')
  })

  it('on a seeded device reads the flags only: no seed, nothing loaded', async () => {
    const name = freshDb().name
    await seedDemoCompany(openDb(name))
    const again = openDb(name)
    const seeder: DemoSeeder = () => Promise.reject(new Error('must not seed'))
    expect(await seedBeforeReads(again, seeder)).toBe(false)
    expect(await again.profiles.count()).toBe(demo.users.length)
  })

  it('a start that ends mid-seed leaves nothing behind, and the next start seeds everything', async () => {
    const name = freshDb().name
    // The last part fails as a reload would end it: the seed's one transaction is aborted.
    const endsMidSeed: DemoSeeder = async (dbName) => {
      const connection = openDb(dbName)
      connection.dorm_bed_events.hook('creating', () => {
        throw new Error('page closed mid-seed')
      })
      return seedDemoCompany(connection).finally(() => connection.close())
    }
    const first = openDb(name)
    await expect(seedBeforeReads(first, endsMidSeed)).rejects.toThrow('page closed mid-seed')
    first.close()
    const raw = openDb(name)
    expect(await raw.company.count()).toBe(0)
    expect(await raw.profiles.count()).toBe(0)
    expect(await raw.assets.count()).toBe(0)
    expect(await raw.meta.count()).toBe(0)
    raw.close()
    const next = openDb(name)
    expect(await seedBeforeReads(next)).toBe(true)
    expect(await next.profiles.count()).toBe(demo.users.length)
    expect(await next.assets.count()).toBe(demoAssets.length)
    expect(await next.dorm_bed_events.count()).toBeGreaterThan(0)
  })

  it('two tabs starting together seed once and keep what the user changed', async () => {
    const name = freshDb().name
    const [a, b] = [openDb(name), openDb(name)]
    const results = await Promise.all([seedBeforeReads(a, seedInWorkerOrHere), seedBeforeReads(b, seedInWorkerOrHere)])
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await a.profiles.count()).toBe(demo.users.length)
    const dept = demo.departments[0]!
    await a.departments.update(dept.id, { name: 'Renamed' })
    // A third tab later: the flags are set, the user's change stays.
    const c = openDb(name)
    expect(await seedBeforeReads(c)).toBe(false)
    expect((await c.departments.get(dept.id))?.name).toBe('Renamed')
    expect(await c.departments.count()).toBe(demo.departments.length)
  })

  it('on a first visit lets the seeder create the database: the window only opens it, its early queries get the seeded rows', async () => {
    const name = freshDb().name
    const window = openDb(name)
    let windowCreated = false
    window.on('populate', () => {
      windowCreated = true
    })
    const steps: string[] = []
    // As the worker does: open (create) on a connection of its own, say so, then seed.
    const creator: DemoSeeder = async (dbName, opened) => {
      const connection = openDb(dbName)
      await connection.open()
      steps.push(`created ${window.isOpen()}`)
      opened?.()
      await new Promise((resolve) => setTimeout(resolve, 100))
      steps.push('seeding')
      return seedDemoCompany(connection).finally(() => connection.close())
    }
    const seeded = seedBeforeReads(window, creator, { started: startSeed(name, creator) })
    // The first page's queries, as soon as the start has armed the gate.
    const answers: number[] = []
    const stop = observe(() => window.assets.count(), (n) => answers.push(n))
    const early = window.profiles.toArray()
    expect(await seeded).toBe(true)
    expect(steps).toEqual(['created false', 'seeding'])
    expect(windowCreated).toBe(false)
    expect((await early).length).toBe(demo.users.length)
    await expect.poll(() => answers.length).toBeGreaterThan(0)
    expect(answers.every((n) => n === demoAssets.length)).toBe(true)
    stop()
  })

  it('a wrong first-visit guess is harmless: a seeded device opens, nothing is added again', async () => {
    const name = freshDb().name
    const first = openDb(name)
    expect(await seedBeforeReads(first, seedInWorkerOrHere, { started: startSeed(name) })).toBe(true)
    const dept = demo.departments[0]!
    await first.departments.update(dept.id, { name: 'Renamed' })
    first.close()
    const again = openDb(name)
    expect(await seedBeforeReads(again, seedInWorkerOrHere, { started: startSeed(name) })).toBe(false)
    expect((await again.departments.get(dept.id))?.name).toBe('Renamed')
    expect(await again.profiles.count()).toBe(demo.users.length)
  })

  it('a seeder that fails before creating: the window opens (and creates) itself and the start fails visibly', async () => {
    const name = freshDb().name
    const window = openDb(name)
    const broken: DemoSeeder = () => Promise.reject(new Error('no worker, no page seed'))
    await expect(seedBeforeReads(window, broken, { started: startSeed(name, broken) })).rejects.toThrow('no worker, no page seed')
    await expect(window.profiles.count()).rejects.toThrow()
  })
})
