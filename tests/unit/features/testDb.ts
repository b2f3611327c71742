import { openDb, type AdminFieldDb } from '@/platform/db'

let counter = 0
/** A fresh IndexedDB (fake-indexeddb) per test. */
export function freshDb(): AdminFieldDb {
  counter += 1
  return openDb(`feature-test-${Date.now()}-${counter}-${Math.random().toString(36).slice(2)}`)
}
