import Dexie, { type Table, type Transaction } from 'dexie'
import type {
  CompanyRow,
  DepartmentRow,
  MetaRow,
  OutboxEntry,
  PhotoRow,
  ProfileRow,
  SiteRow,
  UserRoleRow,
} from './rows'

/** The first schema ever shipped. Kept verbatim: Dexie needs it to upgrade old devices. */
export const SCHEMA_V1 = {
  company: 'id',
  sites: 'id, code',
  departments: 'id, site_id',
  profiles: 'id, site_id, department_id',
  user_roles: 'id, user_id',
  outbox: '++seq, &op_id, status, entity_id',
  photos: 'id, uploaded_at, owner_id',
  meta: 'key',
} as const

/**
 * v2: outbox gets [status+seq] (the push query: pending ops in order, without
 * scanning settled ones) and kind; departments get [site_id+code] (unique code per site lookups).
 */
export const SCHEMA_V2 = {
  outbox: '++seq, &op_id, status, entity_id, kind, [status+seq]',
  departments: 'id, site_id, [site_id+code]',
} as const

/** v1 builds could write outbox entries without the retry bookkeeping fields; fill them in. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<Partial<OutboxEntry>, number>('outbox')
    .toCollection()
    .modify((e) => {
      e.attempts ??= 0
      e.next_attempt_at ??= 0
      e.last_error ??= null
      e.reason ??= null
      e.detail ??= null
      e.settled_at ??= null
      e.entity_table ??= ''
    })
}

export class AdminFieldDb extends Dexie {
  // `declare`: Dexie sets these in the constructor; a class field would overwrite them with undefined.
  declare company: Table<CompanyRow, string>
  declare sites: Table<SiteRow, string>
  declare departments: Table<DepartmentRow, string>
  declare profiles: Table<ProfileRow, string>
  declare user_roles: Table<UserRoleRow, string>
  declare outbox: Table<OutboxEntry, number>
  declare photos: Table<PhotoRow, string>
  declare meta: Table<MetaRow, string>

  constructor(name = 'adminfield') {
    super(name)
    this.version(1).stores(SCHEMA_V1)
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2)
  }
}
