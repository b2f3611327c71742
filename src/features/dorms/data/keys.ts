/**
 * Dormitory keys and access cards on the device (custody engine, asset kind dorm_key): the keys of a
 * room, the keys a resident holds, and the custody events a check-in (check_out to the resident) or a
 * check-out (check_in from them) writes with it — the server records the same events from the op
 * (private.dorm_key_hand), with the same ids, so the pulled rows replace these.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { AssetRow, CustodyEventRow } from '@/platform/db/rows'
import { writeCustodyEvent } from '@/features/assets'

export const DORM_KEY_KIND = 'dorm_key'

const live = (a: AssetRow) => a.kind === DORM_KEY_KIND && a.deleted_at === null
/**
 * By number, compared by code unit: asset numbers are canonical (KEY-0001), where this is the
 * order localeCompare gives, without building a collator (ICU start-up, ~130 ms at 4x CPU in the
 * check-in's first render task, issue 13).
 */
const byNumber = (a: AssetRow, b: AssetRow) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0)

/** The room's keys and cards (its own, not master keys), by number. */
export async function roomKeys(database: AdminFieldDb, roomId: string): Promise<AssetRow[]> {
  const rows = await database.assets.where('kind').equals(DORM_KEY_KIND).toArray()
  return rows.filter((a) => live(a) && a.details.room_id === roomId).sort(byNumber)
}

/** The dormitory keys a person holds now (what they hand back at check-out). */
export async function keysHeldBy(database: AdminFieldDb, personId: string): Promise<AssetRow[]> {
  const rows = await database.assets.where('holder_id').equals(personId).toArray()
  return rows.filter(live).sort(byNumber)
}

/** The custody event of one key handed over (check_out) or back (check_in), as the server makes it. */
export function keyEventRow(
  hand: { asset_id: string; event_id: string },
  type: 'check_out' | 'check_in',
  args: { stayId: string; occupantId: string; actorId: string },
  at: string,
): CustodyEventRow {
  const payload =
    type === 'check_out'
      ? { to_person: args.occupantId, due_at: null, purpose: `宿舍入住 dorm stay ${args.stayId}`, condition: 'good' }
      : { condition: 'good', note: `宿舍退宿 dorm check-out ${args.stayId}` }
  return { id: hand.event_id, asset_id: hand.asset_id, type, actor_id: args.actorId, device_time: at, server_time: null, payload, photo_ids: [], flagged: false, updated_at: at, deleted_at: null }
}

/** Inside a commitWithOutbox write(): the keys' custody events, each asset re-folded. */
export async function writeKeyEvents(database: AdminFieldDb, rows: readonly CustodyEventRow[]): Promise<void> {
  for (const row of rows) await writeCustodyEvent(database, row)
}
