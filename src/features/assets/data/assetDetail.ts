/** Everything the asset page shows, read together so it renders in one pass. */
import type { AdminFieldDb } from '@/platform/db'
import type { AssetRow } from '@/platform/db/rows'
import { foldEvents, type CustodyState } from '../domain/custody'
import { asDomainEvent } from './custodyWrite'
import { getAsset } from './lookup'
import { loadTimeline, type TimelineItem } from './timeline'

export interface AssetDetail {
  asset: AssetRow
  timeline: TimelineItem[]
  /** The state the buttons are offered for: the asset row's derived columns (the server's once pulled), the fold's details. */
  state: CustodyState
  /** Open conflicts to close with resolve_conflict: the fold's, plus events the server flagged that no resolution names yet. */
  conflictIds: string[]
}

export async function loadAssetDetail(database: AdminFieldDb, id: string): Promise<AssetDetail | null> {
  const asset = await getAsset(database, id)
  if (!asset) return null
  const timeline = await loadTimeline(database, id)
  const folded = foldEvents(timeline.map((t) => asDomainEvent({ ...t, asset_id: id, updated_at: '', deleted_at: null })))
  const resolved = new Set(timeline.flatMap((t) => (t.type === 'resolve_conflict' ? ((t.payload.conflict_ids as string[] | undefined) ?? []) : [])))
  const conflictIds = [
    ...new Set([...folded.conflicts.filter((c) => c.resolved_by === null).map((c) => c.id), ...timeline.filter((t) => t.flagged && !resolved.has(t.id)).map((t) => t.id)]),
  ]
  const state: CustodyState = {
    ...folded,
    status: asset.status as CustodyState['status'],
    holder_id: asset.holder_id,
    due_at: asset.due_at,
    has_open_conflict: asset.has_conflict || conflictIds.length > 0,
  }
  return { asset, timeline, state, conflictIds }
}
