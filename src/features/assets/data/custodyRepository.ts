/**
 * Recording custody facts. Each event is validated (custodyEventSchema) and role-checked
 * (mayRecord, the same rule the server applies), then the event rows, the re-derived assets and
 * the 'custody.record' ops (+ photo ops) land in ONE transaction: a batch is all or nothing.
 * A state conflict is never a reason to refuse (invariant 2): the fold flags it instead.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { AssetRow, CustodyEventRow, OutboxEntry } from '@/platform/db/rows'
import { buildOp, commitWithOutbox } from '@/platform/sync/outbox'
import type { AssetKind } from '../domain/assetNumber'
import { mayRecord, type CustodyActor } from '../domain/custodyAccess'
import type { CustodyEvent, CustodyEventType } from '../domain/custodyEvents'
import { CUSTODY_LINK_TABLES, CUSTODY_TABLES, linkApplication, writeCustodyEvent } from './custodyWrite'

export interface CustodyRecordInput {
  asset: Pick<AssetRow, 'id' | 'kind' | 'holder_id'>
  type: CustodyEventType
  payload: Record<string, unknown>
  photo_ids?: string[]
  /** Device-made id; a fresh UUID when absent. */
  id?: string
}

/** Photo rows written in the same transaction (the photos feature's helper provides these). */
export interface CustodyPhotoWrite {
  tables: readonly string[]
  ops: OutboxEntry[]
  write: () => Promise<void>
}

export interface CustodyIssue {
  path: readonly PropertyKey[]
  message: string
}

export type CustodyRecordResult =
  | { ok: true; events: CustodyEventRow[] }
  | { ok: false; reason: 'invalid'; index: number; issues: CustodyIssue[] }
  | { ok: false; reason: 'forbidden'; index: number }

/** The device row for a validated custody event (server_time and flagged come from the server). */
export function custodyEventRow(e: CustodyEvent, stamp: string): CustodyEventRow {
  return {
    id: e.id,
    asset_id: e.asset_id,
    type: e.type,
    actor_id: e.actor_id,
    device_time: e.device_time,
    server_time: null,
    payload: e.payload as Record<string, unknown>,
    photo_ids: e.photo_ids ?? [],
    flagged: false,
    updated_at: stamp,
    deleted_at: null,
  }
}

/** The 'custody.record' op for an event row (entity: the event, so its timeline item shows "not synced"). */
export function custodyOp(row: CustodyEventRow, now: Date): OutboxEntry {
  return buildOp('custody.record', 'custody_events', row.id, custodyOpPayload(row), now)
}

/** An event as the server takes it, in 'custody.record' and inside a seal take-out's op. */
export function custodyOpPayload(row: CustodyEventRow): Record<string, unknown> {
  return { id: row.id, asset_id: row.asset_id, type: row.type, device_time: row.device_time, payload: row.payload, photo_ids: row.photo_ids }
}

/**
 * Validates every input, then writes them all in one transaction, or writes nothing and says
 * which input failed and why (zod issues carry i18n keys).
 */
/** The custody event's schema (zod): loaded by the first write; pages that record warm it (warmImport). */
export const loadCustodyEventSchema = () => import('../domain/custodyEventSchema')

export async function recordCustodyEvents(
  database: AdminFieldDb,
  inputs: readonly CustodyRecordInput[],
  actor: CustodyActor,
  options: { now?: Date; photos?: CustodyPhotoWrite; draftKey?: string | null } = {},
): Promise<CustodyRecordResult> {
  // zod loads with the first write, not with the pages (issue 13); before the transaction opens.
  const { custodyEventSchema } = await loadCustodyEventSchema()
  const now = options.now ?? new Date()
  const deviceTime = now.toISOString()
  const rows: CustodyEventRow[] = []
  for (const [index, input] of inputs.entries()) {
    const parsed = custodyEventSchema.safeParse({
      id: input.id ?? crypto.randomUUID(),
      asset_id: input.asset.id,
      actor_id: actor.person_id,
      device_time: deviceTime,
      type: input.type,
      payload: input.payload,
      photo_ids: input.photo_ids ?? [],
    })
    if (!parsed.success) return { ok: false, reason: 'invalid', index, issues: parsed.error.issues }
    if (!mayRecord(parsed.data, input.asset.kind as AssetKind, actor, { holder_id: input.asset.holder_id })) {
      return { ok: false, reason: 'forbidden', index }
    }
    rows.push(custodyEventRow(parsed.data, deviceTime))
  }
  const photos = options.photos
  const ops = [...rows.map((r) => custodyOp(r, now)), ...(photos?.ops ?? [])]
  await commitWithOutbox(database, [...CUSTODY_TABLES, ...CUSTODY_LINK_TABLES, ...(photos?.tables ?? [])], ops, async () => {
    for (const [i, row] of rows.entries()) {
      await writeCustodyEvent(database, row)
      await linkApplication(database, inputs[i]!.asset.kind, row, deviceTime)
    }
    await photos?.write()
  }, { draftKey: options.draftKey })
  return { ok: true, events: rows }
}
