import type { AdminFieldDb } from './schema'

/** Device-local settings and sync bookkeeping (pull cursor, last user, ...). */
export async function getMeta<T>(database: AdminFieldDb, key: string): Promise<T | undefined> {
  const row = await database.meta.get(key)
  return row?.value as T | undefined
}

export async function setMeta(database: AdminFieldDb, key: string, value: unknown): Promise<void> {
  await database.meta.put({ key, value })
}
