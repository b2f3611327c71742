/**
 * The dorm manager's damage price list (损坏赔偿价目表): what a damaged or missing item of the room
 * inventory costs, per building or company-wide (building_id null); a building's own price wins. The
 * check-out's new damage is priced from it (priceDamages). The server's twin is
 * supabase/migrations/20261203050100_dorm_damage_prices.sql (dorm_price.set / dorm_price.delete, and the
 * check-out's damages derived the same way).
 */
import { z } from 'zod'
import { E } from './fields'
import { int, uuid } from './fieldSchemas'
import { MAX_FEE_FEN } from './rooms'

/** An inventory item's key, as the template's (the server also checks it is an item of dorm_inventory). */
export const ITEM_KEY_RE = /^[a-z][a-z0-9_]{0,39}$/

export const damagePriceSchema = z.object({
  id: uuid(),
  /** null: company-wide (every building). */
  building_id: uuid().nullable(),
  item_key: z.string({ error: E.choice }).regex(ITEM_KEY_RE, { error: E.choice }),
  unit_fen: int(0, MAX_FEE_FEN),
})
export type DamagePriceInput = z.input<typeof damagePriceSchema>
export type DamagePrice = z.output<typeof damagePriceSchema>

interface PriceLike {
  id: string
  building_id: string | null
  item_key: string
  unit_fen: number
  deleted_at?: string | null
}

/** The list that prices a building's damage: item → fen, the building's own prices over company-wide ones. */
export function priceListFor(prices: readonly PriceLike[], buildingId: string | null): Record<string, number> {
  const out: Record<string, number> = {}
  const live = prices.filter((p) => !p.deleted_at)
  for (const p of live) if (p.building_id === null) out[p.item_key] = p.unit_fen
  if (buildingId !== null) for (const p of live) if (p.building_id === buildingId) out[p.item_key] = p.unit_fen
  return out
}

/** Another live price for the same item and place (the server refuses a second one: 'item_key: already priced there'). */
export function priceTaken(prices: readonly PriceLike[], p: Pick<DamagePrice, 'id' | 'building_id' | 'item_key'>): boolean {
  return prices.some((x) => !x.deleted_at && x.id !== p.id && x.item_key === p.item_key && x.building_id === p.building_id)
}
