/** The custody engine: photos, assets, labels, custody events, the seal-use register, the scan log. */

/**
 * Photo metadata, synced like any row (server table `photos`). The picture itself is in
 * `photo_blobs` on the device that took it (pull never touches that store) and in Storage
 * at `storage_path` once uploaded.
 */
export interface PhotoRow {
  id: string
  /** The record the photo belongs to, e.g. 'custody_events' / 'seal_usages'. */
  owner_table: string
  owner_id: string
  mime: string
  bytes: number
  width: number
  height: number
  taken_at: string
  taken_by: string
  /** `<owner_table>/<id>.jpg` in the `photos` bucket: fixed by the id, so re-uploads are idempotent. */
  storage_path: string
  updated_at: string
  deleted_at: string | null
}

/** Device-only: the picture bytes and upload bookkeeping. Never pulled, never overwritten by sync. */
export interface PhotoBlobRow {
  id: string
  blob: Blob
  thumb: Blob | null
  /** When Storage accepted it (or answered "already exists"); null while queued. */
  uploaded_at: string | null
  attempts: number
  next_attempt_at: number
  last_error: string | null
}

/** An asset in the custody engine; status/holder/due/has_conflict are derived by the server. */
export interface AssetRow {
  id: string
  kind: string
  number: string
  name: string
  site_id: string
  keeper_id: string | null
  keeper_role: string
  notes: string | null
  /** Per-kind fields (features/assets/domain/assetKinds.ts). */
  details: Record<string, unknown>
  status: string
  holder_id: string | null
  due_at: string | null
  condition: string | null
  label_token: string | null
  has_conflict: boolean
  /** Since when the holder says it is back and its keeper has not confirmed (seals, licences); absent on rows from before. */
  return_claimed_at?: string | null
  /** Vehicles: the fleet manager's baseline L/100 km (null: the median of the 90 days before), who set it and when. */
  fuel_baseline_l100km?: number | null
  fuel_baseline_set_by?: string | null
  fuel_baseline_set_at?: string | null
  updated_at: string
  deleted_at: string | null
}

/** Every token ever printed: active, or replaced (it then answers "label replaced"). */
export interface AssetLabelRow {
  id: string
  token: string
  asset_id: string
  status: 'active' | 'replaced'
  issued_at: string
  replaced_at: string | null
  updated_at: string
  deleted_at: string | null
}

/** Append-only custody fact (check-out, check-in, …). `flagged`: it conflicted with the state. */
export interface CustodyEventRow {
  id: string
  asset_id: string
  type: string
  actor_id: string
  device_time: string
  server_time: string | null
  payload: Record<string, unknown>
  photo_ids: string[]
  flagged: boolean
  /** The device's time when it was outside the window around the receipt; device_time is then the receipt (server). */
  claimed_time?: string | null
  updated_at: string
  deleted_at: string | null
}

/** One line of the seal-use register (用印登记). */
export interface SealUsageRow {
  id: string
  seal_id: string
  used_at: string
  recorded_by: string
  document_title: string
  document_type: string
  document_type_note: string | null
  copies: number
  purpose: string
  requester_id: string | null
  requester_name: string
  requester_department: string
  approver_name: string
  mode: 'stamp_here' | 'take_out'
  due_at: string | null
  photo_ids: string[]
  /** The custody check-out a take-out implies (recorded in the same op). */
  check_out_event_id: string | null
  updated_at: string
  deleted_at: string | null
}

/** Device-only log of scans that found nothing here (unknown or foreign labels). */
export interface ScanLogRow {
  id: string
  text: string
  result: 'unknown_label' | 'label_replaced' | 'foreign' | 'malformed'
  scanned_at: string
  user_id: string | null
}
