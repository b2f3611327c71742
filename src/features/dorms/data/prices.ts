/**
 * The damage price list on the device: a price set or removed is ONE transaction with its op
 * (dorm_price.set / dorm_price.delete), the form's draft dropped in it. The check-out reads the list
 * that prices its bed's building (domain priceListFor: the building's prices over company-wide ones).
 */
import type { AdminFieldDb } from '@/platform/db'
import type { DormDamagePriceRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox } from '@/platform/sync/outbox'
import { priceListFor, type DamagePrice } from '../domain/prices'

export async function livePrices(database: AdminFieldDb): Promise<DormDamagePriceRow[]> {
  return (await database.dorm_damage_prices.toArray()).filter((p) => p.deleted_at === null)
}

/** item → fen for a building's damage. */
export async function priceListOfBuilding(database: AdminFieldDb, buildingId: string | null): Promise<Record<string, number>> {
  return priceListFor(await livePrices(database), buildingId)
}

export async function savePrice(database: AdminFieldDb, p: DamagePrice, siteId: string | null, userId: string, now: Date = new Date(), draftKey: string | null = null): Promise<DormDamagePriceRow> {
  const row: DormDamagePriceRow = { id: p.id, site_id: p.building_id ? siteId : null, building_id: p.building_id, item_key: p.item_key, unit_fen: p.unit_fen, updated_by: userId, updated_at: now.toISOString(), deleted_at: null }
  const payload: Record<string, unknown> = { item_key: p.item_key, unit_fen: p.unit_fen }
  if (p.building_id) payload.building_id = p.building_id
  await commitWithOutbox(database, ['dorm_damage_prices'], buildOp('dorm_price.set', 'dorm_damage_prices', p.id, payload, now), async () => {
    await database.dorm_damage_prices.put(row)
  }, { draftKey })
  return row
}

export async function deletePrice(database: AdminFieldDb, id: string, now: Date = new Date()): Promise<void> {
  const stamp = now.toISOString()
  await commitWithOutbox(database, ['dorm_damage_prices'], buildOp('dorm_price.delete', 'dorm_damage_prices', id, {}, now), async () => {
    const had = await database.dorm_damage_prices.get(id)
    if (had) await database.dorm_damage_prices.put({ ...had, deleted_at: stamp, updated_at: stamp })
  })
}
