/**
 * Custody acts that carry out an application (issue 9), the same rules as the server's
 * private.custody_request_check: a seal is retired through an approved 印章停用 application (the
 * server refuses a retirement without one; `mayRecord`), a licence is lent (证照借用) against an
 * approved borrowing. A lending with no application, or either act naming one not approved (yet),
 * is kept and marked for the admin head.
 */
import type { AssetKind } from './assetNumber'
import type { CustodyEventType } from './custodyEvents'

export const CUSTODY_LINK_FLAGS = {
  noApplication: 'assets.flags.noApplication',
  applicationNotApproved: 'assets.flags.applicationNotApproved',
} as const

/** The part of an application the rules read. */
export interface LinkedApplication {
  type: string
  status: string
  form: Record<string, unknown>
}

/** Does this act of this kind go with an application (and get a link row)? */
export function linksApplication(kind: AssetKind | string, type: CustodyEventType | string): boolean {
  return (kind === 'seal' && type === 'retire') || (kind === 'licence' && type === 'check_out')
}

/** Is this the kind of application the act carries out? (The server refuses one that is not.) */
export function fitsApplication(type: CustodyEventType, request: Pick<LinkedApplication, 'type' | 'form'>): boolean {
  if (type === 'retire') return request.type === 'seal_lifecycle' && request.form.action === 'retire'
  return type === 'check_out' && request.type === 'licence_borrow'
}

/** What the link says: null when it carries out an approved application. */
export function custodyLinkFlag(request: LinkedApplication | null): string | null {
  if (!request) return CUSTODY_LINK_FLAGS.noApplication
  return request.status === 'approved' ? null : CUSTODY_LINK_FLAGS.applicationNotApproved
}
