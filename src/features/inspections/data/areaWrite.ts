/**
 * Creating and editing areas: the row and its 'area.upsert' op in one transaction.
 * A new area gets a fresh label token (the same token format as assets' labels).
 */
import type { AdminFieldDb } from '@/platform/db'
import type { AreaRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox } from '@/platform/sync/outbox'
import { newLabelToken } from '@/features/assets/domain/labelToken'
import type { AreaInput } from './areaInput'

export class AreaNotFoundError extends Error {
  constructor(id: string) {
    super(`area ${id} not found`)
    this.name = 'AreaNotFoundError'
  }
}

function payload(input: AreaInput): Record<string, unknown> {
  return { ...input }
}

/** `draftKey`: the form's device draft, dropped in the same transaction (issue #12). */
export async function createArea(database: AdminFieldDb, input: AreaInput, now = new Date(), draftKey: string | null = null): Promise<AreaRow> {
  const token = newLabelToken()
  const row: AreaRow = { ...input, label_token: token, updated_at: now.toISOString(), deleted_at: null }
  const op = buildOp('area.upsert', 'areas', input.id, { ...payload(input), label_token: token }, now)
  await commitWithOutbox(database, ['areas'], op, async () => {
    await database.areas.add(row)
  }, { draftKey })
  return row
}

/** Saves what the admin head edited; the label token stays. */
export async function updateArea(database: AdminFieldDb, input: AreaInput, now = new Date(), draftKey: string | null = null): Promise<AreaRow> {
  let saved: AreaRow | undefined
  const op = buildOp('area.upsert', 'areas', input.id, payload(input), now)
  await commitWithOutbox(database, ['areas'], op, async () => {
    const current = await database.areas.get(input.id)
    if (!current || current.deleted_at !== null) throw new AreaNotFoundError(input.id)
    saved = { ...current, ...input, updated_at: now.toISOString() }
    await database.areas.put(saved)
  }, { draftKey })
  if (!saved) throw new AreaNotFoundError(input.id)
  return saved
}
