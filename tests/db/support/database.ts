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
   * success, rolls back and rethrows on error. On a real server, after a write it
   * waits for older transactions to end (see settleAfter).
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

/**
 * On a real server xids are cluster-wide: a pull stops below any transaction still
 * open anywhere (by design). After a write, wait until every older transaction has
 * ended, so "write, then pull sees it" holds even while other suites use the server.
 */
export async function settleAfter(query: Query, xid: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const [r] = await query<{ done: boolean }>('select pg_snapshot_xmin(pg_current_snapshot()) > $1::xid8 as done', [xid])
    if (r?.done) return
    if (Date.now() > deadline) throw new Error(`a transaction older than ${xid} stayed open ${timeoutMs} ms`)
    await new Promise((res) => setTimeout(res, 20))
  }
}

function asRole(backend: Backend, role: 'authenticated' | 'anon', claims: Record<string, unknown>) {
  return async <T>(fn: (q: Query) => Promise<T>): Promise<T> => {
    let xid: string | null = null
    const out = await backend.transaction(async (q) => {
      await q(`set local role ${role}`)
      await q(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)])
      const result = await fn(q)
      if (backend.kind === 'postgres') {
        xid = (await q<{ x: string | null }>('select pg_current_xact_id_if_assigned()::text as x'))[0]?.x ?? null
      }
      return result
    })
    if (xid) await settleAfter(backend.query, xid)
    return out
  }
}

/**
 * PGlite by default (built once per content of the scripts, then loaded from a
 * cached dump; PGLITE_CACHE=0 disables that); a fresh database on the server at
 * DATABASE_URL when set.
 * Share one per test file (beforeAll) and close it in afterAll. asUser commits,
 * so tests in a file share state: use new ids for rows a test creates.
 */
export async function openTestDb(options: OpenOptions = {}): Promise<TestDb> {
  const upTo = options.upTo ?? 'seed'
  const scripts = [
    readShim(),
    ...(upTo === 'shim' ? [] : readMigrations().map((m) => m.sql)),
    ...(upTo === 'seed' ? [readSeed()] : []),
  ]
  const url = process.env.DATABASE_URL
  const backend = url ? await openPostgres(url, scripts) : await openPglite(scripts)
  if (backend.kind === 'postgres') {
    const [w] = await backend.query<{ x: string }>('select pg_current_xact_id()::text as x')
    await settleAfter(backend.query, w?.x as string)
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
