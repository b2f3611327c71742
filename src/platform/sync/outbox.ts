import type { AdminFieldDb } from '../db/schema'
import type { OutboxEntry } from '../db/rows'
import type { OpKind, SyncOp } from './protocol'

/** Statuses that mean "the server has not accepted this yet": the local version must win. */
export const UNSETTLED: OutboxEntry['status'][] = ['pending', 'refused']

let outboxActor: string | null = null

/** The signed-in (or, in local mode, chosen) user; new ops are stamped with it. */
export function setOutboxActor(userId: string | null): void {
  outboxActor = userId
}

/** A new outbox entry for one user action. The op_id is made here, so every re-push is idempotent. */
export function buildOp(
  kind: OpKind,
  entityTable: string,
  entityId: string,
  payload: Record<string, unknown>,
  now: Date = new Date(),
): OutboxEntry {
  return {
    op_id: crypto.randomUUID(),
    user_id: outboxActor,
    kind,
    entity_table: entityTable,
    entity_id: entityId,
    payload,
    device_time: now.toISOString(),
    status: 'pending',
    attempts: 0,
    next_attempt_at: 0,
    last_error: null,
    reason: null,
    detail: null,
    settled_at: null,
  }
}

/**
 * Runs `write` and queues `op` (one entry or several, in order) in ONE read-write transaction over `tables` + outbox:
 * either both land or neither does. The UI may say "saved" only after this resolves.
 * `write` must only touch Dexie (no fetch, no timers) or the transaction commits early.
 * `options.draftKey`: the form's device draft (platform/db drafts), deleted in the same transaction.
 */
export async function commitWithOutbox(
  database: AdminFieldDb,
  tables: string[],
  op: OutboxEntry | OutboxEntry[],
  write: () => Promise<void>,
  options: { draftKey?: string | null } = {},
): Promise<void> {
  const draftKey = options.draftKey ?? null
  const scope = [...new Set([...tables, 'outbox', ...(draftKey ? ['meta'] : [])])]
  // Several ops (a custody event and its photos' registrations) keep their order: push order = seq.
  const ops = Array.isArray(op) ? op : [op]
  await database.transaction('rw', scope, async () => {
    await write()
    if (draftKey) await database.meta.delete(draftKey)
    for (const entry of ops) await database.outbox.add(entry)
  })
}

/** Ids of entities with a change the server has not accepted (pending or refused). */
export async function pendingEntityIds(database: AdminFieldDb): Promise<Set<string>> {
  const keys = await unsettledKeys(database)
  return new Set([...keys].map((key) => key.slice(key.indexOf(':') + 1)))
}

/** `${table}:${id}` keys of unsettled entities (and the rows their ops create), for the pull to leave alone. */
export async function unsettledKeys(database: AdminFieldDb): Promise<Set<string>> {
  const entries = await database.outbox.where('status').anyOf(UNSETTLED).toArray()
  return new Set(entries.flatMap((e) => [entityKey(e.entity_table, e.entity_id), ...(e.related ?? [])]))
}

export function entityKey(table: string, id: string): string {
  return `${table}:${id}`
}

export function toSyncOp(entry: OutboxEntry): SyncOp {
  return {
    op_id: entry.op_id,
    kind: entry.kind as OpKind,
    entity_id: entry.entity_id,
    payload: entry.payload,
    device_time: entry.device_time,
  }
}
