/**
 * Saving photos with the record they belong to. Both helpers are meant for ONE
 * commitWithOutbox call, so the record, its photos and all their ops land together:
 *
 *   const ops = [buildOp('custody.record', …), ...photoRegisterOps(photos, owner)]
 *   await commitWithOutbox(db, ['custody_events', ...PHOTO_TABLES], ops, async () => {
 *     await db.custody_events.put(event)
 *     await savePhotos(db, photos, owner)
 *   })
 */
import Dexie from 'dexie'
import type { AdminFieldDb } from '../db/schema'
import type { OutboxEntry, PhotoBlobRow, PhotoRow } from '../db/rows'
import { buildOp } from '../sync/outbox'
import type { PhotoOwner, PhotoRegisterPayload, ProcessedPhoto } from './types'

/** The tables savePhotos writes: add them to the transaction's scope. */
export const PHOTO_TABLES = ['photos', 'photo_blobs'] as const

/** Storage path in the `photos` bucket: fixed by the id, so a re-upload is the same object. */
export function storagePath(ownerTable: string, id: string): string {
  return `${ownerTable}/${id}.jpg`
}

export function photoRow(photo: ProcessedPhoto, owner: PhotoOwner): PhotoRow {
  return {
    id: photo.id,
    owner_table: owner.table,
    owner_id: owner.id,
    mime: photo.mime,
    bytes: photo.bytes,
    width: photo.width,
    height: photo.height,
    taken_at: photo.taken_at,
    taken_by: owner.takenBy,
    storage_path: storagePath(owner.table, photo.id),
    updated_at: photo.taken_at,
    deleted_at: null,
  }
}

export function photoRegisterPayload(row: PhotoRow): PhotoRegisterPayload {
  const { id, owner_table, owner_id, mime, bytes, width, height, taken_at } = row
  return { id, owner_table, owner_id, mime, bytes, width, height, taken_at }
}

/** One 'photo.register' op per photo, in the given order (queue them after the owner's op). */
export function photoRegisterOps(photos: ProcessedPhoto[], owner: PhotoOwner, now: Date = new Date()): OutboxEntry[] {
  return photos.map((p) => buildOp('photo.register', 'photos', p.id, photoRegisterPayload(photoRow(p, owner)), now))
}

/**
 * Writes each photo's metadata (synced) and bytes (device-only, queued for upload).
 * Must run inside a Dexie transaction that covers PHOTO_TABLES: outside one, each put
 * would commit alone and a crash could leave a record without its photos.
 */
export async function savePhotos(
  database: AdminFieldDb,
  photos: ProcessedPhoto[],
  owner: PhotoOwner,
): Promise<PhotoRegisterPayload[]> {
  if (!Dexie.currentTransaction) throw new Error('savePhotos must run inside commitWithOutbox')
  const rows = photos.map((p) => photoRow(p, owner))
  const blobs: PhotoBlobRow[] = photos.map((p) => ({
    id: p.id,
    blob: p.blob,
    thumb: p.thumb,
    uploaded_at: null,
    attempts: 0,
    next_attempt_at: 0,
    last_error: null,
  }))
  await database.photos.bulkPut(rows)
  await database.photo_blobs.bulkPut(blobs)
  return rows.map(photoRegisterPayload)
}
