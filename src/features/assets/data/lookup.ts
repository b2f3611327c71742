/** Finding an asset from what was scanned or typed. No zod: the scan page loads this first. */
import type { AdminFieldDb } from '@/platform/db'
import type { AssetRow } from '@/platform/db/rows'
import { parseAssetNumber } from '../domain/assetNumber'

export type TokenLookup = { kind: 'asset'; asset: AssetRow } | { kind: 'replaced'; asset: AssetRow } | { kind: 'unknown' }

function live(asset: AssetRow | undefined): AssetRow | undefined {
  return asset && asset.deleted_at === null ? asset : undefined
}

export async function getAsset(database: AdminFieldDb, id: string): Promise<AssetRow | undefined> {
  return live(await database.assets.get(id))
}

/** A label token (canonical, as parsed from the QR) → its asset, "label replaced", or unknown. */
export async function findAssetByToken(database: AdminFieldDb, token: string): Promise<TokenLookup> {
  const labels = await database.asset_labels.where('token').equals(token).toArray()
  const active = labels.find((l) => l.status === 'active' && l.deleted_at === null)
  if (active) {
    const asset = await getAsset(database, active.asset_id)
    if (asset) return { kind: 'asset', asset }
  }
  // The asset row's own token counts too (labels may not have been pulled yet).
  const byColumn = live(await database.assets.where('label_token').equals(token).first())
  if (byColumn) return { kind: 'asset', asset: byColumn }
  const replaced = labels.find((l) => l.status === 'replaced' && l.deleted_at === null)
  if (replaced) {
    const asset = await getAsset(database, replaced.asset_id)
    if (asset) return { kind: 'replaced', asset }
  }
  return { kind: 'unknown' }
}

/** A printed number, typed loosely (`seal 12` → SEAL-0012). */
export async function findAssetByNumber(database: AdminFieldDb, number: string): Promise<AssetRow | undefined> {
  const canonical = parseAssetNumber(number)?.number ?? number.trim().toUpperCase()
  const rows = await database.assets.where('number').equals(canonical).toArray()
  return rows.find((r) => r.deleted_at === null)
}

/** How an asset is named in lists and toasts: `SEAL-0001 · 合同专用章`. */
export function assetDisplayName(a: Pick<AssetRow, 'number' | 'name'>): string {
  return `${a.number} · ${a.name}`
}
