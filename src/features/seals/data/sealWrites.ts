/**
 * Writing seal facts. A use is ONE transaction: the register row, the take-out's custody
 * check-out (so the seal shows as out, and overdue, at once), the photos, and the ops:
 * 'seal_usage.record' carries the record AND its check_out_event, and the server applies
 * both in that one op, so no separate 'custody.record' is queued for it.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { CustodyEventRow, SealUsageRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox, entityKey } from '@/platform/sync/outbox'
import { CUSTODY_TABLES, custodyEventRow, custodyOp, custodyOpPayload, writeCustodyEvent, type CustodyPhotoWrite } from '@/features/assets'
import type { CustodyEvent } from '@/features/assets/domain/custodyEvents'
import type { SealUsage } from '@/features/assets/domain/sealUsage'

/** Photo rows written in the same transaction (the assets feature's shape). */
export type PhotoWrite = CustodyPhotoWrite

export function usageRow(u: SealUsage, checkOutId: string | null, stamp: string): SealUsageRow {
  return {
    id: u.id,
    seal_id: u.seal_id,
    used_at: u.used_at,
    recorded_by: u.recorded_by,
    document_title: u.document_title,
    document_type: u.document_type,
    document_type_note: u.document_type_note ?? null,
    copies: u.copies,
    purpose: u.purpose,
    requester_id: u.requester_id,
    requester_name: u.requester_name,
    requester_department: u.requester_department,
    approver_name: u.approver_name,
    mode: u.mode,
    due_at: u.due_at,
    photo_ids: u.photo_ids,
    check_out_event_id: checkOutId,
    updated_at: stamp,
    deleted_at: null,
  }
}

/** `usage` and `checkOut` are already validated (sealUsageSchema / custodyEventSchema). */
export async function recordSealUsage(
  database: AdminFieldDb,
  usage: SealUsage,
  checkOut: CustodyEvent | null,
  photos: PhotoWrite | null,
  now: Date = new Date(),
  /** 用印申请 link (requests feature): written in this same transaction, its op right after the record's. */
  link: PhotoWrite | null = null,
  /** The form's device draft, dropped in this same transaction. */
  draftKey: string | null = null,
): Promise<void> {
  const stamp = now.toISOString()
  const row = usageRow(usage, checkOut?.id ?? null, stamp)
  const checkOutRow = checkOut ? custodyEventRow(checkOut, stamp) : null
  // The validated record itself, plus the check-out the server applies in the same op.
  const op = buildOp('seal_usage.record', 'seal_usages', usage.id, { ...usage, check_out_event: checkOutRow ? custodyOpPayload(checkOutRow) : null }, now)
  // The take-out's check-out reaches the server inside this op: it is unsynced exactly as long.
  if (checkOutRow) op.related = [entityKey('custody_events', checkOutRow.id)]
  const tables = ['seal_usages', ...(checkOut ? CUSTODY_TABLES : []), ...(photos?.tables ?? []), ...(link?.tables ?? [])]
  await commitWithOutbox(database, tables, [op, ...(link?.ops ?? []), ...(photos?.ops ?? [])], async () => {
    await database.seal_usages.put(row)
    if (checkOutRow) await writeCustodyEvent(database, checkOutRow)
    await link?.write()
    await photos?.write()
  }, { draftKey })
}

/** The periodic check: every audit_seen event and its 'custody.record' op in one transaction. */
export async function recordSealChecks(
  database: AdminFieldDb,
  events: readonly CustodyEvent[],
  now: Date = new Date(),
  draftKey: string | null = null,
): Promise<CustodyEventRow[]> {
  const stamp = now.toISOString()
  const rows = events.map((e) => custodyEventRow(e, stamp))
  const ops = rows.map((r) => custodyOp(r, now))
  await commitWithOutbox(database, [...CUSTODY_TABLES], ops, async () => {
    for (const r of rows) await writeCustodyEvent(database, r)
  }, { draftKey })
  return rows
}
