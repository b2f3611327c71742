/** Approved applications a keeper may carry out with a custody act (a seal retired, a licence lent). */
import type { AdminFieldDb } from '@/platform/db'
import type { RequestRow } from '@/platform/db/rows'
import type { CustodyEventType } from '../domain/custodyEvents'
import { fitsApplication } from '../domain/custodyLink'

/** Approved, not yet carried out, of the kind this act carries out; the newest decision first. */
export async function approvedApplicationsFor(database: AdminFieldDb, type: CustodyEventType): Promise<RequestRow[]> {
  const requestType = type === 'retire' ? 'seal_lifecycle' : 'licence_borrow'
  const rows = await database.requests.where('[type+status]').equals([requestType, 'approved']).toArray()
  return rows
    .filter((r) => r.deleted_at === null && r.fulfilled_at === null && fitsApplication(type, r))
    .sort((a, b) => ((a.decided_at ?? '') < (b.decided_at ?? '') ? 1 : -1))
}
