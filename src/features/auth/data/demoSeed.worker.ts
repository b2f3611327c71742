/**
 * The demo seed off the main thread: the demo file, the seed's rows and the custody fold are
 * parsed, built and written here, in a bundle of their own, while the window paints. The window
 * holds its device db's queries until this answers (demoSeedGate.ts); live queries in the window
 * see the rows from the one transaction that commits them.
 * On a first visit this connection also creates the database (every table and index) before the
 * window opens it: it says so with an `opened` message, before seeding.
 */
import { openDb } from '@/platform/db'
import { seedDemoCompany } from './demoSeed'

export interface SeedRequest {
  /** The IndexedDB name of the window's device db. */
  name: string
}

export type SeedAnswer = { opened: true } | { ok: true; seeded: boolean } | { ok: false; error: string }

interface WorkerScope {
  onmessage: ((event: MessageEvent<SeedRequest>) => void) | null
  postMessage(message: SeedAnswer): void
}

const scope = globalThis as unknown as WorkerScope

const failure = (e: unknown): SeedAnswer => ({ ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) })

scope.onmessage = ({ data }) => {
  const database = openDb(data.name)
  database
    .open()
    .then(() => {
      scope.postMessage({ opened: true })
      return seedDemoCompany(database)
    })
    .then((seeded): SeedAnswer => ({ ok: true, seeded }), failure)
    .then((answer) => {
      database.close()
      scope.postMessage(answer)
    })
}
