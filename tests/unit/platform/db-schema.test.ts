import { afterEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { Blob as NodeBlob } from 'node:buffer'
import * as versions from '@/platform/db/schemaVersions'
import { AdminFieldDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, getMeta, observe, setMeta } from '@/platform/db'
import { buildOp } from '@/platform/sync'
import { dept, freshDb } from './helpers'

/** The newest schema version the app declares (each upgrade test ends there). */
const LATEST = new AdminFieldDb('schema-version-probe').verno
const opened: Dexie[] = []
afterEach(async () => {
  for (const d of opened.splice(0)) {
    d.close()
    await Dexie.delete(d.name)
  }
})

describe('AdminFieldDb schema', () => {
  it('upgrades a v1 device without losing pending ops or photos', async () => {
    const name = `upgrade-${Math.random()}`
    const v1 = new Dexie(name)
    v1.version(1).stores(SCHEMA_V1)
    const op = buildOp('department.upsert', 'departments', 'd1', { name: 'HR' })
    // A v1 build that did not yet write the retry fields.
    const { attempts: _a, next_attempt_at: _n, last_error: _l, ...legacy } = op
    await v1.table('outbox').add(legacy)
    await v1.table('outbox').add(buildOp('department.delete', 'departments', 'd2', {}))
    const bytes = new Uint8Array([1, 2, 3, 4, 5])
    await v1.table('photos').put({
      id: 'p1',
      // happy-dom's Blob cannot be structured-cloned by fake-indexeddb; Node's can (as a browser's).
      blob: new NodeBlob([bytes], { type: 'image/jpeg' }) as unknown as Blob,
      mime: 'image/jpeg',
      owner_table: 'inspections',
      owner_id: 'i1',
      taken_at: '2025-01-01T00:00:00.000Z',
      uploaded_at: null,
    })
    await v1.table('departments').put(dept('d1', 'HR'))
    v1.close()

    const current = new AdminFieldDb(name)
    opened.push(current)
    await current.open()
    expect(current.verno).toBe(LATEST)

    const outbox = await current.outbox.orderBy('seq').toArray()
    expect(outbox.map((e) => [e.entity_id, e.status])).toEqual([
      ['d1', 'pending'],
      ['d2', 'pending'],
    ])
    expect(outbox[0]).toMatchObject({ op_id: op.op_id, attempts: 0, next_attempt_at: 0, last_error: null })
    // The v2 indexes work on upgraded data.
    const pending = await current.outbox
      .where('[status+seq]')
      .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
      .toArray()
    expect(pending).toHaveLength(2)
    // v3 keeps the picture (photo_blobs, still queued for upload) and its metadata (photos).
    const photo = await current.photos.get('p1')
    expect(photo).toMatchObject({ owner_table: 'inspections', owner_id: 'i1', mime: 'image/jpeg', bytes: 5 })
    expect(photo).not.toHaveProperty('blob')
    const stored = await current.photo_blobs.get('p1')
    expect(stored?.uploaded_at).toBeNull()
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(bytes)
    expect(await current.departments.where('[site_id+code]').equals([dept('d1').site_id, 'd1']).count()).toBe(1)
  })

  it('upgrades a v3 device to the custody indexes (v4), keeping its outbox and photo_blobs', async () => {
    const name = `upgrade-v3-${Math.random()}`
    const v3 = new Dexie(name)
    v3.version(1).stores(SCHEMA_V1)
    v3.version(2).stores(SCHEMA_V2)
    v3.version(3).stores(SCHEMA_V3)
    const op = buildOp('custody.record', 'custody_events', 'e1', { asset_id: 'a1' })
    await v3.table('outbox').add(op)
    const bytes = new Uint8Array([9, 8, 7])
    await v3.table('photo_blobs').put({
      id: 'p1',
      blob: new NodeBlob([bytes], { type: 'image/jpeg' }) as unknown as Blob,
      thumb: null,
      uploaded_at: null,
      attempts: 0,
      next_attempt_at: 0,
      last_error: null,
    })
    const asset = (id: string, kind: string, has_conflict: boolean) => ({ id, kind, number: id, name: id, status: 'checked_out', site_id: 's1', has_conflict, deleted_at: null })
    await v3.table('assets').bulkPut([asset('a1', 'seal', true), asset('a2', 'seal', false), asset('a3', 'vehicle', true)])
    v3.close()

    const current = new AdminFieldDb(name)
    opened.push(current)
    await current.open()
    expect(current.verno).toBe(LATEST)
    expect((await current.outbox.toArray()).map((e) => [e.op_id, e.status])).toEqual([[op.op_id, 'pending']])
    const blob = await current.photo_blobs.get('p1')
    expect(blob?.uploaded_at).toBeNull()
    expect(new Uint8Array(await blob!.blob.arrayBuffer())).toEqual(bytes)
    // The conflicts the device held are indexed; later writes keep the flag in step.
    expect((await current.assets.where('conflict_flag').equals(1).primaryKeys()).sort()).toEqual(['a1', 'a3'])
    await current.assets.update('a1', { has_conflict: false })
    await current.assets.put({ ...(await current.assets.get('a2'))!, has_conflict: true })
    expect((await current.assets.where('conflict_flag').equals(1).primaryKeys()).sort()).toEqual(['a2', 'a3'])
    expect(await current.asset_index.get('gen')).toBeDefined()
  })

  it('upgrades a v6 device to the score index (v7), keeping its outbox and photo_blobs', async () => {
    const name = `upgrade-v6-${Math.random()}`
    const v6 = new Dexie(name)
    ;[SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6].forEach((s, i) => v6.version(i + 1).stores(s))
    const op = buildOp('inspection.submit', 'inspections', 'i1', { area_id: 'a1' })
    await v6.table('outbox').add(op)
    const bytes = new Uint8Array([4, 2])
    await v6.table('photo_blobs').put({
      id: 'p1',
      blob: new NodeBlob([bytes], { type: 'image/jpeg' }) as unknown as Blob,
      thumb: null,
      uploaded_at: null,
      attempts: 0,
      next_attempt_at: 0,
      last_error: null,
    })
    const insp = (id: string, submitted_at: string, score: number | null, over = {}) => ({
      id, area_id: 'a1', template_id: 't1', inspector_id: 'u1', started_at: submitted_at, submitted_at, via: 'scan',
      answers: [{ item_key: 'floor', result: 'pass' }], score, grade: null, critical_failed: false, server_score: null, server_grade: null,
      updated_at: submitted_at, deleted_at: null, ...over,
    })
    await v6.table('inspections').bulkPut([
      insp('i1', '2026-03-02T01:00:00.000Z', 80),
      insp('i2', '2026-03-03T01:00:00.000Z', 90, { server_score: 70 }),
      insp('i3', '2026-03-04T01:00:00.000Z', 60, { deleted_at: '2026-03-05T00:00:00.000Z' }),
    ])
    await v6.table('meta').bulkPut([
      { key: 'sync.cursor', value: 'c1' },
      { key: 'rankings.rows:2026-02-28T16:00:00.000Z:2026-03-31T16:00:00.000Z', value: { v: 1 } },
    ])
    v6.close()

    const current = new AdminFieldDb(name)
    opened.push(current)
    await current.open()
    expect(current.verno).toBe(LATEST)
    expect((await current.outbox.toArray()).map((e) => [e.op_id, e.status])).toEqual([[op.op_id, 'pending']])
    const blob = await current.photo_blobs.get('p1')
    expect(blob?.uploaded_at).toBeNull()
    expect(new Uint8Array(await blob!.blob.arrayBuffer())).toEqual(bytes)
    expect(await current.inspections.count()).toBe(3)
    expect(await current.inspection_scores.orderBy('submitted_at').toArray()).toEqual([
      { id: 'i1', area_id: 'a1', submitted_at: '2026-03-02T01:00:00.000Z', score: 80, server_score: null, critical_failed: false, responsible_id: null, deleted: false },
      { id: 'i2', area_id: 'a1', submitted_at: '2026-03-03T01:00:00.000Z', score: 90, server_score: 70, critical_failed: false, responsible_id: null, deleted: false },
      { id: 'i3', area_id: 'a1', submitted_at: '2026-03-04T01:00:00.000Z', score: 60, server_score: null, critical_failed: false, responsible_id: null, deleted: true },
    ])
    // v6's per-period compact copies are gone; the rest of meta stays.
    expect(await current.meta.toCollection().primaryKeys()).toEqual(['sync.cursor'])
  })

  it('declares, in one version per upgrader, the schema every shipped version declared one by one', async () => {
    // Each shipped version on its own, in order, as the app declared them before they were merged.
    const oneByOne = new Dexie(`one-by-one-${Math.random()}`)
    const shipped = Object.entries(versions)
      .filter(([name]) => /^SCHEMA_V\d+$/.test(name))
      .map(([name, stores]) => [Number(name.slice('SCHEMA_V'.length)), stores] as const)
      .sort((a, b) => a[0] - b[0])
    for (const [version, stores] of shipped) oneByOne.version(version).stores(stores as Record<string, string | null>)
    const merged = new AdminFieldDb(`merged-${Math.random()}`)
    opened.push(oneByOne, merged)
    await Promise.all([oneByOne.open(), merged.open()])
    const schemaOf = (d: Dexie) =>
      d.tables.map((t) => `${t.name}: ${[t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src).sort()].join(', ')}`).sort()
    expect(merged.verno).toBe(oneByOne.verno)
    expect(schemaOf(merged)).toEqual(schemaOf(oneByOne))
    // The real stores and indexes IndexedDB created, not only Dexie's view of them.
    const idbOf = (d: Dexie) => {
      const idb = d.backendDB()
      const tx = idb.transaction([...idb.objectStoreNames], 'readonly')
      return [...idb.objectStoreNames].map((n) => `${n}: ${[...tx.objectStore(n).indexNames].sort().join(', ')}`)
    }
    expect(idbOf(merged)).toEqual(idbOf(oneByOne))
  })

  it('stores meta values', async () => {
    const d = freshDb()
    opened.push(d)
    expect(await getMeta(d, 'sync.cursor')).toBeUndefined()
    await setMeta(d, 'sync.cursor', { at: 5 })
    expect(await getMeta<{ at: number }>(d, 'sync.cursor')).toEqual({ at: 5 })
  })

  it('observe re-runs the query when the table changes and stops after unsubscribe', async () => {
    const d = freshDb()
    opened.push(d)
    const seen: number[] = []
    let wake: () => void = () => {}
    const stop = observe(
      () => d.departments.count(),
      (n) => {
        seen.push(n)
        wake()
      },
    )
    const next = () => new Promise<void>((r) => (wake = r))
    await next()
    const second = next()
    await d.departments.put(dept('d1'))
    await second
    expect(seen).toEqual([0, 1])
    stop()
    await d.departments.put(dept('d2'))
    await new Promise((r) => setTimeout(r, 30))
    expect(seen).toEqual([0, 1])
  })
})
