import type { QualityMeasure, QualityWarning } from './math'

/** A photo ready to be saved: compressed, stamped, measured. Not in Dexie yet. */
export interface ProcessedPhoto {
  /** Device-made UUID: also fixes the Storage path, so every upload is idempotent. */
  id: string
  blob: Blob
  thumb: Blob
  mime: string
  width: number
  height: number
  bytes: number
  /** ISO instant the photo was attached (the time stamped on it). */
  taken_at: string
  /** Empty = looks fine; otherwise the UI asks "retake?" (the user may keep it). */
  warnings: QualityWarning[]
  quality: QualityMeasure
}

/** The record a photo belongs to, and who took it. */
export interface PhotoOwner {
  /** Server table of the owning record, e.g. 'custody_events', 'seal_usages'. */
  table: string
  id: string
  takenBy: string
}

/** Payload of the 'photo.register' op: the server's photos row, minus what it stamps itself. */
export interface PhotoRegisterPayload {
  [key: string]: unknown
  id: string
  owner_table: string
  owner_id: string
  mime: string
  bytes: number
  width: number
  height: number
  taken_at: string
}

/** What is drawn in the bottom band, top to bottom (time, place/asset, person). Already localised. */
export interface WatermarkText {
  lines: string[]
}
