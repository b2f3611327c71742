/**
 * Label rows carry the server's ids (supabase/README.md "Labels"): the first label has the asset's
 * id, one issued by a label_replaced event that event's id. Otherwise a pull adds a second row
 * for the same token instead of replacing the device's.
 */
import { describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import type { AssetLabelRow } from '@/platform/db/rows'
import { createAsset } from '@/features/assets/data/assetRepository'
import { recordCustodyEvents } from '@/features/assets/data/custodyRepository'
import { findAssetByToken, getAsset } from '@/features/assets'
import { newLabelToken } from '@/features/assets/domain/labelToken'
import { freshDb } from '../features/testDb'
import { KEEPER, sealInput } from './fixtures'

const SERVER_TIME = '2030-01-01T00:00:00.000Z'

/** What sync_pull hands the device for a label: the server's row, put by id. */
async function pullLabel(db: AdminFieldDb, row: Pick<AssetLabelRow, 'id' | 'token' | 'asset_id' | 'status'>): Promise<void> {
  await db.asset_labels.put({ issued_at: SERVER_TIME, replaced_at: row.status === 'replaced' ? SERVER_TIME : null, updated_at: SERVER_TIME, deleted_at: null, ...row })
}

async function replaceLabel(db: AdminFieldDb, assetId: string, newToken: string, oldToken: string | null, now?: Date) {
  const asset = (await getAsset(db, assetId))!
  const r = await recordCustodyEvents(db, [{ asset, type: 'label_replaced', payload: { new_token: newToken, old_token: oldToken } }], KEEPER, { now })
  if (!r.ok) throw new Error(`label_replaced refused: ${r.reason}`)
  return r.events[0]!
}

describe('label row ids match the server', () => {
  it("gives an asset's first label the asset's id, so the pulled row replaces it", async () => {
    const db = freshDb()
    const asset = await createAsset(db, sealInput(1))
    expect((await db.asset_labels.toArray()).map((l) => l.id)).toEqual([asset.id])
    await pullLabel(db, { id: asset.id, token: asset.label_token!, asset_id: asset.id, status: 'active' })
    expect(await db.asset_labels.where('token').equals(asset.label_token!).count()).toBe(1)
  })

  it("gives a replacement label the event's id and marks the old token's row (the asset's id) replaced", async () => {
    const db = freshDb()
    const asset = await createAsset(db, sealInput(1))
    const oldToken = asset.label_token!
    const newToken = newLabelToken()
    const event = await replaceLabel(db, asset.id, newToken, oldToken)
    const byId = new Map((await db.asset_labels.toArray()).map((l) => [l.id, l]))
    expect(byId.get(event.id)).toMatchObject({ token: newToken, status: 'active' })
    expect(byId.get(asset.id)).toMatchObject({ token: oldToken, status: 'replaced' })
    // The server's rows for both tokens arrive: still one row per token.
    await pullLabel(db, { id: asset.id, token: oldToken, asset_id: asset.id, status: 'replaced' })
    await pullLabel(db, { id: event.id, token: newToken, asset_id: asset.id, status: 'active' })
    expect(await db.asset_labels.count()).toBe(2)
    expect(await findAssetByToken(db, oldToken)).toMatchObject({ kind: 'replaced' })
    expect(await findAssetByToken(db, newToken)).toMatchObject({ kind: 'asset' })
  })

  it("names an old token with no row on the device by the server's id: the asset's, or its issuing event's", async () => {
    const db = freshDb()
    const asset = await createAsset(db, sealInput(1))
    const first = asset.label_token!
    const second = newLabelToken()
    const issued = await replaceLabel(db, asset.id, second, first, new Date('2030-02-01T00:00:00Z'))
    // A device that pulled the asset and its events but not its labels.
    await db.asset_labels.clear()
    const third = newLabelToken()
    const event = await replaceLabel(db, asset.id, third, second, new Date('2030-03-01T00:00:00Z'))
    const rows = await db.asset_labels.toArray()
    expect(rows.find((l) => l.token === second)).toMatchObject({ id: issued.id, status: 'replaced' })
    expect(rows.find((l) => l.token === third)).toMatchObject({ id: event.id, status: 'active' })

    const fresh = freshDb()
    const other = await createAsset(fresh, sealInput(2))
    await fresh.asset_labels.clear()
    await replaceLabel(fresh, other.id, newLabelToken(), other.label_token)
    expect((await fresh.asset_labels.where('token').equals(other.label_token!).toArray()).map((l) => l.id)).toEqual([other.id])
  })

  it('puts an old token back in use on its own row, active again', async () => {
    const db = freshDb()
    const asset = await createAsset(db, sealInput(1))
    const first = asset.label_token!
    const second = newLabelToken()
    await replaceLabel(db, asset.id, second, first, new Date('2030-02-01T00:00:00Z'))
    await replaceLabel(db, asset.id, first, second, new Date('2030-03-01T00:00:00Z'))
    const rows = await db.asset_labels.toArray()
    expect(rows).toHaveLength(2)
    expect(rows.find((l) => l.token === first)).toMatchObject({ id: asset.id, status: 'active', replaced_at: null })
    expect(rows.find((l) => l.token === second)).toMatchObject({ status: 'replaced' })
  })
})
