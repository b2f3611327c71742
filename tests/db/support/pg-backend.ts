import pg from 'pg'
import type { Backend, Query } from './backend'

// int8 as a number, as PGlite returns it, so tests read the same on both.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
}

export function connect(url: string): pg.Client {
  return new pg.Client({ connectionString: url, types })
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

/**
 * A new, uniquely named database on the server at serverUrl (its user must be a
 * superuser: the shim creates roles and extensions), after running scripts in
 * order. Dropped on close.
 */
export async function openPostgres(serverUrl: string, scripts: string[]): Promise<Backend> {
  const name = `adminfield_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const admin = connect(serverUrl)
  await admin.connect()
  await admin.query(`create database "${name}"`)
  const url = withDatabase(serverUrl, name)
  const client = connect(url)
  await client.connect()
  const query: Query = async <R>(sql: string, params?: unknown[]) =>
    (await client.query(sql, params)).rows as R[]
  const close = async () => {
    await client.end()
    await admin.query(`drop database if exists "${name}" with (force)`)
    await admin.end()
  }
  try {
    for (const s of scripts) await client.query(s)
  } catch (e) {
    await close()
    throw e
  }
  return {
    kind: 'postgres',
    url,
    query,
    exec: async (sql) => {
      await client.query(sql)
    },
    transaction: async (fn) => {
      await client.query('begin')
      try {
        const out = await fn(query)
        await client.query('commit')
        return out
      } catch (e) {
        await client.query('rollback')
        throw e
      }
    },
    close,
  }
}
