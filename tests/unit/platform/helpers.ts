import { openDb, type AdminFieldDb } from '@/platform/db'
import type { DepartmentRow } from '@/platform/db'

let counter = 0
/** A fresh IndexedDB (fake-indexeddb) per test. */
export function freshDb(): AdminFieldDb {
  counter += 1
  return openDb(`test-${Date.now()}-${counter}-${Math.random().toString(36).slice(2)}`)
}

export function dept(id: string, name = 'Dept', over: Partial<DepartmentRow> = {}): DepartmentRow {
  return {
    id,
    site_id: '05000000-0000-4000-8000-000000000001',
    code: id.slice(0, 4),
    name,
    updated_at: '2025-01-01T00:00:00.000Z',
    deleted_at: null,
    ...over,
  }
}
