/**
 * Local mode's start: the device db answers no query until the demo company is in.
 * The shell and the first page paint at once (their queries simply wait: loading states, never
 * an empty "nothing here"); the seed itself runs in a Web Worker, so the window's main thread
 * neither loads nor parses the demo data. When every seed flag is already set (any start after
 * the first) the check is one read of `meta` and nothing else loads.
 * On a first visit the worker's connection also creates the database before the window opens it
 * (the window's main thread never runs the creation of every table and index).
 * Never twice, never over user data: the seed is one transaction that re-checks its flags inside
 * it and adds only missing rows (demoSeed.ts), so two tabs or a reload mid-seed are safe.
 */
import type { AdminFieldDb } from '@/platform/db'
import { DEMO_SEED_FLAGS } from './demoSeedFlags'
import type { SeedAnswer, SeedRequest } from './demoSeed.worker'

/**
 * Seeds the database of that name through a connection of its own (the gated one answers nobody
 * until this is done); true when it seeded. `opened`, when given, is called once that connection
 * has opened the database (created it, on a first visit), before seeding.
 */
export type DemoSeeder = (name: string, opened?: () => void) => Promise<boolean>

/** A seed started before the window's handle of the database (see `startSeed`). */
export interface StartedSeed {
  /** Settles once the seeder's connection has opened (created) the database, or the seed has ended. */
  opened: Promise<unknown>
  seeded: Promise<boolean>
}

/**
 * Starts the seed now, on a likely first visit (no last-known identity on this device): the
 * seeder's connection creates the database (every table and index, off the main thread when it is
 * the worker) while the window builds its own handle, which then only opens a database of its
 * version (`seedBeforeReads` with `started`). Wrong guesses are harmless: the seeder opens an
 * existing database and adds only what is missing.
 */
export function startSeed(name: string, seed: DemoSeeder = seedInWorkerOrHere): StartedSeed {
  let opened = (): void => undefined
  const created = new Promise<void>((done) => (opened = done))
  const seeded = seed(name, () => opened())
  return { opened: Promise.race([created, seeded]), seeded }
}

export interface SeedGateOptions {
  /** The seed of this database already started (`startSeed`): its connection creates the database first. */
  started?: StartedSeed
}

/**
 * Holds every query of `database` (Dexie's `ready` hook) until the demo seed has committed, and
 * starts opening it now. Resolves with true when this start seeded, false when it was already
 * seeded. Call it before anything queries `database`; once open, queries no longer wait.
 */
export function seedBeforeReads(database: AdminFieldDb, seed: DemoSeeder = seedInWorkerOrHere, options: SeedGateOptions = {}): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    const started = options.started
    if (started) database.openAfter(started.opened)
    // `vip`: the handle that may query while the others wait (none when the db was open already).
    database.on('ready', (vip) =>
      (started?.seeded ?? seedIfMissing((vip as AdminFieldDb | undefined) ?? database, seed)).then(resolve, (e: unknown) => {
        reject(e)
        throw e // The db does not open: its queries fail and the session shows the start error.
      }),
    )
    database.open().catch(reject)
  })
}

async function seedIfMissing(database: AdminFieldDb, seed: DemoSeeder): Promise<boolean> {
  const flags = await database.meta.bulkGet([...DEMO_SEED_FLAGS])
  if (flags.every((row) => !!row?.value)) return false
  return seed(database.name)
}

/** In a Web Worker where there is one; in the page when there is none or it could not seed. */
export async function seedInWorkerOrHere(name: string, opened?: () => void): Promise<boolean> {
  if (typeof Worker === 'function') {
    try {
      return await seedInWorker(name, opened)
    } catch (e) {
      // A worker that cannot start (an old browser, a blocked script) or failed: the same
      // idempotent transaction here.
      console.warn('demo seed worker failed, seeding in the page', e)
    }
  }
  const [{ seedDemoCompany }, { openDb }] = await Promise.all([import('./demoSeed'), import('@/platform/db')])
  const connection = openDb(name)
  try {
    return await seedDemoCompany(connection)
  } finally {
    connection.close()
  }
}

function seedInWorker(name: string, opened?: () => void): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./demoSeed.worker.ts', import.meta.url), { type: 'module', name: 'demo-seed' })
    const done = () => worker.terminate()
    worker.onmessage = ({ data }: MessageEvent<SeedAnswer>) => {
      if ('opened' in data) return opened?.()
      done()
      if (data.ok) resolve(data.seeded)
      else reject(new Error(data.error))
    }
    worker.onerror = (event) => {
      done()
      reject(new Error(event.message || 'demo seed worker could not run'))
    }
    const request: SeedRequest = { name }
    worker.postMessage(request)
  })
}
