import { Blob as NodeBlob } from 'node:buffer'
import type { AdminFieldDb } from '@/platform/db'
import { buildOp, commitWithOutbox } from '@/platform/sync'
import { PHOTO_TABLES, photoRegisterOps, savePhotos, type PhotoOwner, type ProcessedPhoto } from '@/platform/photos'

// happy-dom's Blob cannot be structured-cloned by fake-indexeddb; Node's can (as a browser's).
const jpeg = (text: string) => new NodeBlob([text], { type: 'image/jpeg' }) as unknown as Blob

let n = 0
/** A processed photo as the pipeline would hand it over (bytes are fake). */
export function fakePhoto(over: Partial<ProcessedPhoto> = {}): ProcessedPhoto {
  n += 1
  const blob = jpeg(`jpeg-${n}`)
  return {
    id: crypto.randomUUID(),
    blob,
    thumb: jpeg(`thumb-${n}`),
    mime: 'image/jpeg',
    width: 1600,
    height: 1200,
    bytes: blob.size,
    taken_at: new Date(Date.UTC(2025, 5, 1, 8, 0, n)).toISOString(),
    warnings: [],
    quality: { luminance: 120, sharpness: 300 },
    ...over,
  }
}

export const owner: PhotoOwner = { table: 'seal_usages', id: '0a000000-0000-4000-8000-000000000001', takenBy: 'u1' }

/** Saves photos the way a repository does: the owner's op and the photos' ops in one transaction. */
export async function commitPhotos(db: AdminFieldDb, photos: ProcessedPhoto[], who: PhotoOwner = owner): Promise<void> {
  const ops = [buildOp('seal_usage.record', who.table, who.id, { id: who.id }), ...photoRegisterOps(photos, who)]
  await commitWithOutbox(db, [...PHOTO_TABLES], ops, async () => {
    await savePhotos(db, photos, who)
  })
}
