import type { AdminFieldDb } from '@/platform/db'
import type { AssetRow } from '@/platform/db/rows'
import { newLabelToken } from '@/features/assets/domain/labelToken'

const stamp = '2026-01-01T00:00:00.000Z'

/** Puts an asset with an active label on the device; returns it. */
export async function addAsset(db: AdminFieldDb, over: Partial<AssetRow> = {}): Promise<AssetRow> {
  const row: AssetRow = {
    id: crypto.randomUUID(),
    kind: 'seal',
    number: 'SEAL-0001',
    name: '合同专用章',
    site_id: '05000000-0000-4000-8000-000000000001',
    keeper_id: null,
    keeper_role: 'seal_keeper',
    notes: null,
    details: {},
    status: 'in_stock',
    holder_id: null,
    due_at: null,
    condition: 'good',
    label_token: newLabelToken(),
    has_conflict: false,
    updated_at: stamp,
    deleted_at: null,
    ...over,
  }
  await db.assets.put(row)
  if (row.label_token) {
    await db.asset_labels.put({ id: crypto.randomUUID(), token: row.label_token, asset_id: row.id, status: 'active', issued_at: stamp, replaced_at: null, updated_at: stamp, deleted_at: null })
  }
  return row
}
