/**
 * The local half of recording a custody fact: the event row, then the asset's derived columns
 * re-folded from every event the device has for it. The server derives the same in SQL and its
 * row replaces ours on the next pull; until then the device shows what it knows (optimistic).
 * Imports only the fold (no zod): the seal and scan features call this from their own chunks.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { AssetLabelRow, CustodyEventRow } from '@/platform/db/rows'
import { foldEvents, type CustodyState } from '../domain/custody'
import type { CustodyEvent } from '../domain/custodyEvents'
import { custodyLinkFlag, linksApplication } from '../domain/custodyLink'

/** Tables a custody write touches; pass them to commitWithOutbox. */
export const CUSTODY_TABLES = ['assets', 'custody_events', 'asset_labels'] as const

/** Rows are stored as validated events were; the fold only reads type, payload and times. */
export function asDomainEvent(row: CustodyEventRow): CustodyEvent {
  return row as unknown as CustodyEvent
}

/** Live events of one asset (tombstones excluded). */
export async function eventsOfAsset(database: AdminFieldDb, assetId: string): Promise<CustodyEventRow[]> {
  const rows = await database.custody_events.where('asset_id').equals(assetId).toArray()
  return rows.filter((r) => r.deleted_at === null)
}

/** The custody state the device's events give for an asset. */
export async function localCustodyState(database: AdminFieldDb, assetId: string): Promise<CustodyState> {
  return foldEvents((await eventsOfAsset(database, assetId)).map(asDomainEvent))
}

/**
 * Inside a commitWithOutbox write(): stores the event, marks every event of the asset that is
 * a conflict as flagged (an earlier-timed event can arrive later and change which one clashes),
 * re-derives the asset's status/holder/due/condition/label/has_conflict, and keeps asset_labels
 * in step for label_replaced.
 */
export async function writeCustodyEvent(database: AdminFieldDb, event: CustodyEventRow): Promise<void> {
  await database.custody_events.put(event)
  const events = await eventsOfAsset(database, event.asset_id)
  const state = foldEvents(events.map(asDomainEvent))

  const conflicting = new Set(state.conflicts.map((c) => c.id))
  for (const e of events) {
    const flagged = conflicting.has(e.id)
    // A flag the server set stays: it may know events this device has not seen.
    if (flagged && !e.flagged) await database.custody_events.update(e.id, { flagged: true })
  }

  const asset = await database.assets.get(event.asset_id)
  if (!asset) return // An event for an asset not on this device: kept, nothing to derive.
  const now = event.updated_at
  await database.assets.put({
    ...asset,
    status: state.status,
    holder_id: state.holder_id,
    due_at: state.due_at,
    condition: state.condition ?? asset.condition,
    // Without a label_replaced event the token is the one issued at creation.
    label_token: state.label_token ?? asset.label_token,
    has_conflict: state.has_open_conflict,
    return_claimed_at: state.return_claimed_at,
    updated_at: now,
  })

  if (event.type === 'label_replaced') await replaceLabel(database, event, events, asset.label_token, now)
}

/** Tables `linkApplication` writes, beside CUSTODY_TABLES. */
export const CUSTODY_LINK_TABLES = ['custody_requests', 'requests'] as const

/**
 * A seal retired or a licence lent: the link to the application it carried out (or the admin head's
 * mark), and the application marked carried out when approved, as private.custody_record does.
 */
export async function linkApplication(database: AdminFieldDb, kind: string, event: CustodyEventRow, now: string): Promise<void> {
  if (!linksApplication(kind, event.type)) return
  const requestId = typeof event.payload.request_id === 'string' ? event.payload.request_id : null
  const request = requestId ? ((await database.requests.get(requestId)) ?? null) : null
  // An application this device has not pulled: the server judges it; show nothing until then.
  if (requestId && !request) return
  const flag = custodyLinkFlag(request)
  await database.custody_requests.put({ id: event.id, asset_id: event.asset_id, request_id: requestId, flag, linked_by: event.actor_id, updated_at: now, deleted_at: null })
  if (request && flag === null && request.fulfilled_at === null) {
    await database.requests.update(request.id, { fulfilled_at: event.device_time, fulfilled_by: event.actor_id, updated_at: now })
  }
}

/**
 * The id the server gives a token's label row: the label an asset was created with has the
 * asset's id, one issued by a label_replaced event that event's id (the first, if reissued).
 * Using the same ids lets the pulled rows replace the device's instead of doubling them.
 */
export function serverLabelId(assetId: string, token: string, events: readonly CustodyEventRow[]): string {
  const issuers = events.filter((e) => e.type === 'label_replaced' && e.payload.new_token === token)
  issuers.sort((a, b) => Date.parse(a.device_time) - Date.parse(b.device_time) || (a.id < b.id ? -1 : 1))
  return issuers[0]?.id ?? assetId
}

async function replaceLabel(
  database: AdminFieldDb,
  event: CustodyEventRow,
  events: readonly CustodyEventRow[],
  previous: string | null,
  now: string,
): Promise<void> {
  const newToken = String(event.payload.new_token ?? '')
  const oldToken = typeof event.payload.old_token === 'string' ? event.payload.old_token : previous
  const labels = await database.asset_labels.where('asset_id').equals(event.asset_id).toArray()
  for (const l of labels) {
    // One active label per asset: every other token now answers "label replaced".
    if (l.status === 'active' && l.token !== newToken) {
      await database.asset_labels.put({ ...l, status: 'replaced', replaced_at: event.device_time, updated_at: now })
    }
  }
  const reused = labels.find((l) => l.token === newToken)
  if (reused) {
    // An old token put back in use keeps its row (and id), active again, as the server does.
    if (reused.status !== 'active') await database.asset_labels.put({ ...reused, status: 'active', replaced_at: null, updated_at: now })
  } else {
    const label: AssetLabelRow = {
      id: serverLabelId(event.asset_id, newToken, events),
      token: newToken,
      asset_id: event.asset_id,
      status: 'active',
      issued_at: event.device_time,
      replaced_at: null,
      updated_at: now,
      deleted_at: null,
    }
    await database.asset_labels.put(label)
  }
  // An old token with no label row (a pulled asset without its labels) still answers "replaced",
  // under the server's id for it; if that id already names another token, wait for the pull.
  if (oldToken && oldToken !== newToken && !labels.some((l) => l.token === oldToken)) {
    const id = serverLabelId(event.asset_id, oldToken, events)
    if (await database.asset_labels.get(id)) return
    await database.asset_labels.add({
      id,
      token: oldToken,
      asset_id: event.asset_id,
      status: 'replaced',
      issued_at: event.device_time,
      replaced_at: event.device_time,
      updated_at: now,
      deleted_at: null,
    })
  }
}
