/** An asset's timeline: its events newest first, with the actor's name and the photos. */
import type { AdminFieldDb } from '@/platform/db'
import type { CustodyEventRow } from '@/platform/db/rows'

export interface TimelineItem {
  id: string
  type: string
  actor_id: string
  actor_name: string
  device_time: string
  server_time: string | null
  payload: Record<string, unknown>
  photo_ids: string[]
  flagged: boolean
  /** The device's own time when its clock was off (device_time is then the receipt). */
  claimed_time: string | null
}

function newestFirst(a: CustodyEventRow, b: CustodyEventRow): number {
  // Parsed: device times may carry different offsets, so the string order is not the time order.
  return Date.parse(b.device_time) - Date.parse(a.device_time) || (a.id < b.id ? 1 : -1)
}

/** Events by the [asset_id+device_time] index (no scan of other assets' events). */
export async function loadTimeline(database: AdminFieldDb, assetId: string): Promise<TimelineItem[]> {
  const rows = await database.custody_events
    .where('[asset_id+device_time]')
    .between([assetId, ''], [assetId, '\uffff'], true, true)
    .toArray()
  const live = rows.filter((r) => r.deleted_at === null).sort(newestFirst)
  const actorIds = [...new Set(live.map((r) => r.actor_id))]
  const profiles = await database.profiles.bulkGet(actorIds)
  const names = new Map(profiles.flatMap((p) => (p ? [[p.id, p.display_name] as const] : [])))
  return live.map((r) => ({
    id: r.id,
    type: r.type,
    actor_id: r.actor_id,
    actor_name: names.get(r.actor_id) ?? '',
    device_time: r.device_time,
    server_time: r.server_time,
    payload: r.payload,
    photo_ids: r.photo_ids ?? [],
    flagged: r.flagged,
    claimed_time: r.claimed_time ?? null,
  }))
}
