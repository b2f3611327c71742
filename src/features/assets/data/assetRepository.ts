/**
 * Creating and editing assets. Each change writes the row (and on create its first label) with
 * its 'asset.upsert' op in one transaction. Derived columns (status, holder, due, conflict) are
 * the server's; a new asset starts in stock, an edit never touches them.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { AssetRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox } from '@/platform/sync/outbox'
import type { AssetInput } from '../domain/assetKinds'
import { KEEPER_ROLE_BY_KIND } from '../domain/custodyEvents'
import { newLabelToken } from '../domain/labelToken'

export class AssetNumberTakenError extends Error {
  constructor(number: string) {
    super(`asset number ${number} is taken`)
    this.name = 'AssetNumberTakenError'
  }
}

export class AssetNotFoundError extends Error {
  constructor(id: string) {
    super(`asset ${id} not found`)
    this.name = 'AssetNotFoundError'
  }
}

/** The op payload: what a keeper entered (the server derives the rest). */
function upsertPayload(input: AssetInput): Record<string, unknown> {
  return {
    id: input.id,
    kind: input.kind,
    number: input.number,
    name: input.name,
    site_id: input.site_id,
    keeper_id: input.keeper_id,
    notes: input.notes ?? null,
    details: input.details,
  }
}

async function assertNumberFree(database: AdminFieldDb, number: string, selfId: string): Promise<void> {
  const same = await database.assets.where('number').equals(number).toArray()
  if (same.some((a) => a.id !== selfId && a.deleted_at === null)) throw new AssetNumberTakenError(number)
}

/** Creates an asset with a fresh label token; returns the row as stored. */
export async function createAsset(database: AdminFieldDb, input: AssetInput, now = new Date(), draftKey: string | null = null): Promise<AssetRow> {
  const stamp = now.toISOString()
  const token = newLabelToken()
  const row: AssetRow = {
    ...(upsertPayload(input) as Pick<AssetRow, 'id' | 'kind' | 'number' | 'name' | 'site_id' | 'keeper_id' | 'notes' | 'details'>),
    keeper_role: KEEPER_ROLE_BY_KIND[input.kind],
    status: 'in_stock',
    holder_id: null,
    due_at: null,
    condition: null,
    label_token: token,
    has_conflict: false,
    updated_at: stamp,
    deleted_at: null,
  }
  const op = buildOp('asset.upsert', 'assets', input.id, { ...upsertPayload(input), label_token: token }, now)
  await commitWithOutbox(database, ['assets', 'asset_labels'], op, async () => {
    await assertNumberFree(database, input.number, input.id)
    await database.assets.add(row)
    // The server gives an asset's first label the asset's id: the pulled row then replaces this one.
    await database.asset_labels.add({
      id: input.id,
      token,
      asset_id: input.id,
      status: 'active',
      issued_at: stamp,
      replaced_at: null,
      updated_at: stamp,
      deleted_at: null,
    })
  }, { draftKey })
  return row
}

/** Saves what a keeper edited; kind, label and the derived columns stay as they are. */
export async function updateAsset(database: AdminFieldDb, input: AssetInput, now = new Date(), draftKey: string | null = null): Promise<AssetRow> {
  const op = buildOp('asset.upsert', 'assets', input.id, upsertPayload(input), now)
  let saved: AssetRow | undefined
  await commitWithOutbox(database, ['assets'], op, async () => {
    const current = await database.assets.get(input.id)
    if (!current || current.deleted_at !== null) throw new AssetNotFoundError(input.id)
    await assertNumberFree(database, input.number, input.id)
    saved = {
      ...current,
      number: input.number,
      name: input.name,
      site_id: input.site_id,
      keeper_id: input.keeper_id,
      notes: input.notes ?? null,
      details: input.details,
      updated_at: now.toISOString(),
    }
    await database.assets.put(saved)
  }, { draftKey })
  if (!saved) throw new AssetNotFoundError(input.id)
  return saved
}
