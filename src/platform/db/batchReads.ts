/**
 * Generic read helpers over Dexie tables, for code that reads many keys or ranges at once.
 */
import type { Table } from 'dexie'
import type { AdminFieldDb } from './schema'

/** Rows by id: those already read from `known`, the others fetched (one get each, few). */
export async function byIds<T extends { id: string }>(table: Table<T, string>, ids: Iterable<string>, known: ReadonlyMap<string, T>): Promise<T[]> {
  const want = [...new Set(ids)]
  const missing = want.filter((id) => !known.has(id))
  const got = missing.length ? await table.bulkGet(missing) : []
  const fetched = new Map(missing.map((id, i) => [id, got[i]]))
  return want.map((id) => known.get(id) ?? fetched.get(id)).filter((r): r is T => r !== undefined)
}

/**
 * Several index ranges read at once: one request each, all sent together in one transaction (a
 * cursor hopping from key to key, as anyOf and inAnyRange do, waits for each step in turn).
 */
export async function ranges<T>(database: AdminFieldDb, table: Table<T, string>, keys: readonly string[], read: (key: string) => Promise<T[]>): Promise<T[]> {
  if (keys.length === 0) return []
  return (await database.transaction('r', table, () => Promise.all(keys.map(read)))).flat()
}

/**
 * The rows whose `keyOf` is one of `keys`: a range per key (`read`, one request each) or, while
 * the table holds at most `perKey` rows per key asked, the whole table in one read filtered here
 * (in Chromium a request costs as much as ~8–18 rows of a getAll). `whole`: the table's rows when
 * it was read whole.
 */
export async function rowsOfKeys<T>(
  database: AdminFieldDb,
  table: Table<T, string>,
  keys: readonly string[],
  keyOf: (row: T) => string | null | undefined,
  read: (key: string) => Promise<T[]>,
  perKey: number,
): Promise<{ rows: T[]; whole: T[] }> {
  if (keys.length === 0) return { rows: [], whole: [] }
  if ((await table.count()) > perKey * keys.length) return { rows: await ranges(database, table, keys, read), whole: [] }
  const whole = await table.toArray()
  const wanted = new Set(keys)
  return { rows: whole.filter((r) => wanted.has(keyOf(r) ?? '')), whole }
}

/**
 * Rows whose `index` is one of `values`, in anyOf's order (by value, then key): one range read
 * per value, sent together (anyOf's cursor takes a step per row: thousands of rows, one by one).
 */
export function ofValues<T>(database: AdminFieldDb, table: Table<T, string>, index: string, values: readonly string[]): Promise<T[]> {
  return ranges(database, table, [...new Set(values)].sort(), (v) => table.where(index).equals(v).toArray())
}
