import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto'
import type { Backend, Query } from './backend'

// A fresh PGlite costs initdb (2–9 s on a busy machine); loading a data directory
// dumped after the same scripts costs ~0.7 s. So the first test file builds and
// dumps, the others load. Keyed by the scripts' content: any edit rebuilds.
const CACHE_DIR = join(tmpdir(), 'adminfield-pglite-cache')
// The installed PGlite's version is part of the key: a dump is only valid for its build.
const PGLITE_VERSION = (
  JSON.parse(readFileSync(new URL('../../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')) as {
    version: string
  }
).version

function cachePath(scripts: string[]): string {
  const h = createHash('sha256').update(PGLITE_VERSION)
  for (const s of scripts) h.update('\0').update(s)
  return join(CACHE_DIR, `${h.digest('hex').slice(0, 32)}.tar`)
}

function wrap(db: PGlite): Backend {
  const query: Query = async <R>(sql: string, params?: unknown[]) => (await db.query<R>(sql, params)).rows
  return {
    kind: 'pglite',
    query,
    exec: async (sql) => {
      await db.exec(sql)
    },
    transaction: (fn) =>
      db.transaction((tx) => fn(async <R>(sql: string, params?: unknown[]) => (await tx.query<R>(sql, params)).rows)),
    close: () => db.close(),
  }
}

/** Drops dumps of older schema versions (~40 MB each) not written for an hour. */
function pruneCache(keep: string): void {
  const cutoff = Date.now() - 3_600_000
  for (const name of readdirSync(CACHE_DIR)) {
    const file = join(CACHE_DIR, name)
    if (file !== keep && statSync(file).mtimeMs < cutoff) rmSync(file, { force: true })
  }
}

/** A new in-memory PGlite (PostgreSQL in WebAssembly) after running scripts in order. */
export async function openPglite(scripts: string[]): Promise<Backend> {
  const useCache = process.env.PGLITE_CACHE !== '0'
  const path = cachePath(scripts)
  if (useCache && existsSync(path)) {
    const loadDataDir = new Blob([readFileSync(path)])
    return wrap(await PGlite.create({ extensions: { pgcrypto }, loadDataDir }))
  }
  const db = await PGlite.create({ extensions: { pgcrypto } })
  try {
    for (const s of scripts) await db.exec(s)
    if (useCache) {
      const dump = await db.dumpDataDir('none')
      mkdirSync(CACHE_DIR, { recursive: true })
      const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
      writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()))
      renameSync(tmp, path) // atomic: a reader never sees half a file
      pruneCache(path)
    }
  } catch (e) {
    await db.close()
    throw e
  }
  return wrap(db)
}
