/**
 * What the requests screens need to know about the organisation, read once per screen: the company's
 * time zone and amount threshold, who holds which role where (for chains and authority), delegations.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { ApprovalDelegationRow, UserRoleRow } from '@/platform/db/rows'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'
import { DEFAULT_AMOUNT_THRESHOLD } from '../domain/types'

export interface RequestContext {
  companyId: string | null
  timeZone: string
  amountThreshold: number
  delegations: ApprovalDelegationRow[]
  /** Roles a person holds at a site (a role without a site holds everywhere), from the rows this device sees. */
  rolesAt: (userId: string, siteId: string | null) => string[]
  /** Every role a person holds at any site. */
  rolesAnywhere: (userId: string) => string[]
  personName: (userId: string | null) => string
  departmentName: (departmentId: string | null) => string
}

export function roleLookups(rows: readonly UserRoleRow[]): Pick<RequestContext, 'rolesAt' | 'rolesAnywhere'> {
  const byUser = new Map<string, UserRoleRow[]>()
  for (const r of rows) if (r.deleted_at === null) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r])
  const grants = (userId: string) => byUser.get(userId) ?? []
  return {
    rolesAt: (userId, siteId) => [...new Set(grants(userId).filter((r) => r.site_id === null || r.site_id === siteId).map((r) => r.role))],
    rolesAnywhere: (userId) => [...new Set(grants(userId).map((r) => r.role))],
  }
}

export async function loadRequestContext(database: AdminFieldDb): Promise<RequestContext> {
  // Names only: no directory (its sort by name costs the first screen ICU's zh-CN collation, for nothing here).
  // One read transaction for the five tables, not five.
  const tables = [database.company, database.user_roles, database.approval_delegations, database.profiles, database.departments]
  const [company, roles, delegations, profiles, departmentRows] = await database.transaction('r', tables, () =>
    Promise.all([
      database.company.toArray(),
      database.user_roles.toArray(),
      database.approval_delegations.toArray(),
      database.profiles.toArray(),
      database.departments.toArray(),
    ]),
  )
  const c = company.find((x) => x.deleted_at === null)
  const names = new Map(profiles.filter((p) => p.deleted_at === null).map((p) => [p.id, p.display_name]))
  const departments = new Map(departmentRows.filter((d) => d.deleted_at === null).map((d) => [d.id, d.name]))
  return {
    personName: (id) => (id ? (names.get(id) ?? id.slice(0, 8)) : ''),
    departmentName: (id) => (id ? (departments.get(id) ?? '') : ''),
    companyId: c?.id ?? null,
    timeZone: c?.timezone || DEFAULT_TIME_ZONE,
    amountThreshold: c?.approval_amount_threshold ?? DEFAULT_AMOUNT_THRESHOLD,
    delegations: delegations.filter((d) => d.deleted_at === null),
    ...roleLookups(roles),
  }
}
