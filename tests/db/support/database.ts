// The db test harness: a real Postgres with the Supabase shim, every migration
// and the seed, and a way to act as a user exactly as PostgREST does.
import type { Backend, Query } from './backend'
import { openPglite } from './pglite-backend'
import { openPostgres } from './pg-backend'
import { readMigrations, readSeed, readShim } from './sql-files'

export type { Query } from './backend'
export { DEMO } from './demo'
export type { DemoUserKey } from './demo'

export interface TestDb {
  kind: 'pglite' | 'postgres'
  /** Connection string of this test database (postgres kind only), for extra pg.Client connections. */
  url?: string
  /**
   * Runs fn inside a transaction as that user, like PostgREST: `set local role
   * authenticated` + request.jwt.claims {sub, role:'authenticated'}. Commits on
   * success, rolls back and rethrows on error.
   */
  asUser<T>(userId: string, fn: (q: Query) => Promise<T>): Promise<T>
  /** The same as anon (no sub). */
  asAnon<T>(fn: (q: Query) => Promise<T>): Promise<T>
  /** Superuser query (setup/inspection). One statement, $1.. params. */
  query: Query
  /** Superuser script of many statements. */
  exec(sql: string): Promise<void>
  close(): Promise<void>
}

export interface OpenOptions {
  /** How far to build: 'shim' (no migrations), 'migrations' (no seed), 'seed' (default). */
  upTo?: 'shim' | 'migrations' | 'seed'
}

function asRole(backend: Backend, role: 'authenticated' | 'anon', claims: Record<string, unknown>) {
  return <T>(fn: (q: Query) => Promise<T>): Promise<T> =>
    backend.transaction(async (q) => {
      await q(`set local role ${role}`)
      await q(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)])
      return fn(q)
    })
}

/**
 * PGlite by default; a fresh database on the server at DATABASE_URL when set.
 * Share one per test file (beforeAll) and close it in afterAll. asUser commits,
 * so tests in a file share state: use new ids for rows a test creates.
 */
export async function openTestDb(options: OpenOptions = {}): Promise<TestDb> {
  const upTo = options.upTo ?? 'seed'
  const url = process.env.DATABASE_URL
  const backend = url ? await openPostgres(url) : await openPglite()
  try {
    await backend.exec(readShim())
    if (upTo !== 'shim') {
      for (const m of readMigrations()) await backend.exec(m.sql)
    }
    if (upTo === 'seed') await backend.exec(readSeed())
  } catch (e) {
    await backend.close()
    throw e
  }
  return {
    kind: backend.kind,
    url: backend.url,
    asUser: (userId, fn) =>
      asRole(backend, 'authenticated', { sub: userId, role: 'authenticated', aud: 'authenticated' })(fn),
    asAnon: (fn) => asRole(backend, 'anon', { role: 'anon' })(fn),
    query: backend.query,
    exec: (sql) => backend.exec(sql),
    close: () => backend.close(),
  }
}
