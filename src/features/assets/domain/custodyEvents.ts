/**
 * Custody events: the facts the custody engine records (DESIGN.md "Four
 * engines") and who keeps each kind; their zod schema is custodyEventSchema.ts,
 * loaded when an event is validated (issue 13). Events are append-only;
 * `custody.ts` derives state from them.
 */
import type { AssetKind } from './assetNumber'

export type { CustodyEvent, CustodyEventInput, CustodyEventOf } from './custodyEventSchema'

export const CUSTODY_STATUSES = [
  'in_stock', // 在库
  'checked_out', // 借出/外带
  'in_repair', // 维修中
  'lost', // 遗失
  'damaged', // 损坏
  'retired', // 停用/报废
] as const
export type CustodyStatus = (typeof CUSTODY_STATUSES)[number]

/** Condition noted at check-out, check-in and back from repair. */
export const CONDITIONS = ['good', 'worn', 'damaged'] as const
export type Condition = (typeof CONDITIONS)[number]

export const CUSTODY_EVENT_TYPES = [
  'check_out',
  'check_in',
  'transfer',
  'audit_seen',
  'report_damaged',
  'report_lost',
  'send_to_repair',
  'back_from_repair',
  'retire',
  'label_replaced',
  'resolve_conflict',
  // A seal's or licence's holder says it is back; custody closes on the keeper's check-in (待保管员确认).
  'return_claimed',
] as const
export type CustodyEventType = (typeof CUSTODY_EVENT_TYPES)[number]

/**
 * Who keeps each kind. Role codes match `ROLES` in features/auth (checked by a
 * unit test); they are strings here so the domain does not reach into another feature.
 */
export const KEEPER_ROLE_BY_KIND = {
  seal: 'seal_keeper',
  licence: 'asset_keeper',
  equipment: 'asset_keeper',
  vehicle: 'fleet_manager',
  uniform: 'asset_keeper',
  /** Dormitory keys and access cards (钥匙/门禁卡): handed over at check-in, back at check-out. */
  dorm_key: 'dorm_manager',
} as const satisfies Record<AssetKind, string>
export type KeeperRole = (typeof KEEPER_ROLE_BY_KIND)[AssetKind]
export const KEEPER_ROLES = ['seal_keeper', 'asset_keeper', 'fleet_manager', 'dorm_manager'] as const satisfies readonly KeeperRole[]

export function keeperRoleOf(kind: AssetKind): KeeperRole {
  return KEEPER_ROLE_BY_KIND[kind]
}

/** What the action sheets' text fields take, in characters (the sheet's counters and messages). */
export const CUSTODY_TEXT_MAX = { purpose: 200, location: 200, note: 500 } as const
