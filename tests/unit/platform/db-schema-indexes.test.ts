/**
 * Engines add Dexie versions on separate branches; a later version re-declaring a table replaces its
 * whole index list. This guards the merge hazard: no version may silently drop an index that an
 * earlier version of the same table declared (the list is written once per table and version).
 */
import { describe, expect, it } from 'vitest'
import * as versions from '@/platform/db/schemaVersions'

type Stores = Record<string, string | null>

const declared = Object.entries(versions)
  .filter(([name, value]) => /^SCHEMA_V\d+$/.test(name) && typeof value === 'object' && value !== null)
  .map(([name, value]) => ({ version: Number(name.slice('SCHEMA_V'.length)), stores: value as Stores }))
  .sort((a, b) => a.version - b.version)

/** Drops made on purpose: v3 moved upload state out of synced photo metadata (into photo_blobs). */
const DELIBERATE = new Set(['photos: v3 drops uploaded_at'])

const indexesOf = (spec: string) => spec.split(',').map((s) => s.trim()).filter(Boolean)

describe('Dexie schema versions', () => {
  it('are found, in order', () => {
    expect(declared.length).toBeGreaterThan(10)
    expect(declared[0]?.version).toBe(1)
  })

  it('never drop an index an earlier version of the same table declared', () => {
    const seen = new Map<string, { version: number; indexes: string[] }>()
    const dropped: string[] = []
    for (const { version, stores } of declared) {
      for (const [table, spec] of Object.entries(stores)) {
        if (spec === null) {
          seen.delete(table) // a table removed on purpose
          continue
        }
        const now = indexesOf(spec)
        const before = seen.get(table)
        for (const index of before?.indexes ?? []) {
          const drop = `${table}: v${version} drops ${index}`
          if (!now.includes(index) && !DELIBERATE.has(drop)) dropped.push(`${drop} (declared in v${before?.version})`)
        }
        seen.set(table, { version, indexes: now })
      }
    }
    expect(dropped).toEqual([])
  })
})
