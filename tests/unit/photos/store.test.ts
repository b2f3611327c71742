import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import { loadPhotoSource, photoRegisterOps, savePhotos } from '@/platform/photos'
import { freshDb } from '../platform/helpers'
import { commitPhotos, fakePhoto, owner } from './support'

let db: AdminFieldDb
afterEach(async () => {
  db?.close()
})

describe('savePhotos + photoRegisterOps', () => {
  it('writes metadata, bytes and one register op per photo after the owner op, in one transaction', async () => {
    db = freshDb()
    const photos = [fakePhoto(), fakePhoto()]
    await commitPhotos(db, photos)
    const rows = await db.photos.toArray()
    expect(rows.map((r) => r.storage_path).sort()).toEqual(photos.map((p) => `seal_usages/${p.id}.jpg`).sort())
    expect(rows[0]).toMatchObject({ owner_table: 'seal_usages', owner_id: owner.id, taken_by: 'u1', deleted_at: null })
    const blobs = await db.photo_blobs.toArray()
    expect(blobs).toHaveLength(2)
    expect(blobs.every((b) => b.uploaded_at === null && b.attempts === 0 && b.thumb)).toBe(true)
    const ops = await db.outbox.orderBy('seq').toArray()
    expect(ops.map((o) => o.kind)).toEqual(['seal_usage.record', 'photo.register', 'photo.register'])
    expect(ops[1]?.payload).toEqual({
      id: photos[0]!.id,
      owner_table: 'seal_usages',
      owner_id: owner.id,
      mime: 'image/jpeg',
      bytes: photos[0]!.bytes,
      width: 1600,
      height: 1200,
      taken_at: photos[0]!.taken_at,
    })
    expect(ops[1]?.entity_table).toBe('photos')
    expect(ops[1]?.entity_id).toBe(photos[0]!.id)
  })

  it('refuses to run outside a transaction (it would not be atomic)', async () => {
    db = freshDb()
    await expect(savePhotos(db, [fakePhoto()], owner)).rejects.toThrow(/inside commitWithOutbox/)
  })

  it('a failing owner write leaves no photo behind', async () => {
    db = freshDb()
    const photos = [fakePhoto()]
    const ops = photoRegisterOps(photos, owner)
    await expect(
      db.transaction('rw', ['photos', 'photo_blobs', 'outbox'], async () => {
        await savePhotos(db, photos, owner)
        for (const op of ops) await db.outbox.add(op)
        throw new Error('owner row invalid')
      }),
    ).rejects.toThrow('owner row invalid')
    expect(await db.photos.count()).toBe(0)
    expect(await db.photo_blobs.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })
})

describe('loadPhotoSource', () => {
  it('the device copy first (thumb for lists), else a signed URL when remote, else missing', async () => {
    db = freshDb()
    const photo = fakePhoto()
    await commitPhotos(db, [photo])
    const thumb = await loadPhotoSource(db, photo.id, 'thumb', { remote: false })
    expect(thumb.kind === 'blob' && thumb.blob.size).toBe(photo.thumb.size)
    const full = await loadPhotoSource(db, photo.id, 'full', { remote: false })
    expect(full.kind === 'blob' && full.blob.size).toBe(photo.blob.size)

    await db.photo_blobs.delete(photo.id) // as on another device
    expect(await loadPhotoSource(db, photo.id, 'thumb', { remote: false })).toEqual({ kind: 'missing' })
    const signed: string[] = []
    const remote = await loadPhotoSource(db, photo.id, 'thumb', {
      remote: true,
      signUrl: async (p) => (signed.push(p), `https://storage.example/${p}?token=x`),
    })
    expect(signed).toEqual([`seal_usages/${photo.id}.jpg`])
    expect(remote).toEqual({ kind: 'url', url: `https://storage.example/seal_usages/${photo.id}.jpg?token=x` })
    expect(await loadPhotoSource(db, photo.id, 'full', { remote: true, signUrl: async () => null })).toEqual({ kind: 'missing' })
  })
})
