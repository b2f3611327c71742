/**
 * Form drafts on the device (meta rows, photos included as Blobs): what a user typed survives
 * another tab, a reload, a crash and an app update. One piece for every form (issue #12 point 9);
 * the form's save deletes its draft in the same transaction that records the fact
 * (commitWithOutbox's `draftKey`).
 */
import { getMeta, setMeta } from './meta'
import type { AdminFieldDb } from './schema'

/** A copy IndexedDB can clone: plain objects and arrays copied (Vue proxies left behind), Blobs and other values kept. */
export function plainCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => plainCopy(v)) as T
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown
    if (proto !== Object.prototype && proto !== null) return value
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainCopy(v)])) as T
  }
  return value
}

export const loadFormDraft = <T>(database: AdminFieldDb, key: string): Promise<T | undefined> => getMeta<T>(database, key)

export const saveFormDraft = (database: AdminFieldDb, key: string, value: unknown): Promise<void> => setMeta(database, key, plainCopy(value))

export async function dropFormDraft(database: AdminFieldDb, key: string): Promise<void> {
  await database.meta.delete(key)
}

/** The keys of the drafts kept under a prefix (a page reopens the sheet or form that holds one). */
export async function formDraftKeys(database: AdminFieldDb, prefix: string): Promise<string[]> {
  return database.meta.where('key').startsWith(prefix).primaryKeys()
}
