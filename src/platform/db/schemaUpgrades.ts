/**
 * The upgraders of the shipped schema versions (schemaVersions.ts) that had data to move: each runs
 * once, on a device that opens the app's database at an older version. Never edited once shipped.
 */
import type { Transaction } from 'dexie'
import { scoreRowOf, type InspectionScoreRow } from './inspectionScores'
import type { AssetRow, InspectionRow, MetaRow, OutboxEntry, PhotoBlobRow, PhotoRow } from './rows'

/** v1 builds could write outbox entries without the retry bookkeeping fields; fill them in. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<Partial<OutboxEntry>, number>('outbox')
    .toCollection()
    .modify((e) => {
      e.attempts ??= 0
      e.next_attempt_at ??= 0
      e.last_error ??= null
      e.reason ??= null
      e.detail ??= null
      e.settled_at ??= null
      e.entity_table ??= ''
    })
}

interface LegacyPhoto {
  id: string
  blob: Blob
  mime: string
  owner_table: string
  owner_id: string
  taken_at: string
  uploaded_at: string | null
}

/** Moves each v1/v2 photo's bytes to photo_blobs and keeps its metadata in photos: no picture is lost. */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const photos = tx.table<LegacyPhoto | PhotoRow, string>('photos')
  const blobs = tx.table<PhotoBlobRow, string>('photo_blobs')
  for (const old of await photos.toArray()) {
    if (!('blob' in old)) continue
    await blobs.put({ id: old.id, blob: old.blob, thumb: null, uploaded_at: old.uploaded_at, attempts: 0, next_attempt_at: 0, last_error: null })
    const meta: PhotoRow = {
      id: old.id,
      owner_table: old.owner_table,
      owner_id: old.owner_id,
      mime: old.mime,
      bytes: old.blob.size,
      width: 0,
      height: 0,
      taken_at: old.taken_at,
      taken_by: '',
      storage_path: `${old.owner_table}/${old.id}.jpg`,
      updated_at: old.taken_at,
      deleted_at: null,
    }
    await photos.put(meta)
  }
}

/** Flags the conflicts a v3 device already holds (writes after this go through the middleware). */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  await tx
    .table<AssetRow & { conflict_flag?: 0 | 1 }, string>('assets')
    .toCollection()
    .modify((a) => {
      a.conflict_flag = a.has_conflict ? 1 : 0
    })
}

/** Indexes the inspections a v6 device already holds (writes after this go through the middleware). */
export async function upgradeToV7(tx: Transaction): Promise<void> {
  const inspections = await tx.table<InspectionRow, string>('inspections').toArray()
  await tx.table<InspectionScoreRow, string>('inspection_scores').bulkPut(inspections.map(scoreRowOf))
  // The compact copies v6 builds cached per visited period (~0.5 MB each): the index replaces them.
  await tx.table<MetaRow, string>('meta').where('key').startsWith('rankings.rows:').delete()
}
