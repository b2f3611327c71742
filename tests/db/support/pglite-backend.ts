import { PGlite } from '@electric-sql/pglite'
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto'
import type { Backend, Query } from './backend'

/** A fresh in-memory PGlite (PostgreSQL in WebAssembly) with pgcrypto available. */
export async function openPglite(): Promise<Backend> {
  const db = await PGlite.create({ extensions: { pgcrypto } })
  const query: Query = async <R>(sql: string, params?: unknown[]) =>
    (await db.query<R>(sql, params)).rows
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
