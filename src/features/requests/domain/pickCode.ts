/**
 * The application's QR (issue 9: "or scans the application's QR on the applicant's phone"). An approved
 * 用印申请 or 证照借用 shows its applicant `<origin>/requests/<id>`: a phone's own camera opens the
 * application page, and the keeper's scanner (Scan tab, the seal-use form) picks the application with it.
 * Pure: no framework, no database.
 */
import { appLink, idInAppLink } from '@/shared/lib/appLink'

/** Types whose approved application the keeper picks by scanning its QR, and who carries each out. */
export const PICK_QR_TYPES = { seal_use: 'seal_keeper', licence_borrow: 'asset_keeper' } as const
export type PickQrType = keyof typeof PICK_QR_TYPES

export function isPickQrType(type: string): type is PickQrType {
  return Object.hasOwn(PICK_QR_TYPES, type)
}

export function requestUrl(origin: string, id: string): string {
  return appLink(origin, 'requests', id)
}

/** The application id in a request link on one of our origins (a base path allowed), or null for anything else. */
export function parseRequestCode(text: string, allowedOrigins: readonly string[]): string | null {
  return idInAppLink(text, allowedOrigins, 'requests')
}

/** The part of an application these rules read. */
export interface PickableRequest {
  type: string
  status: string
  fulfilled_at: string | null
  deleted_at: string | null
  applicant_id: string
}

/** Why a scanned application cannot be carried out here; the keys are under `requests.pickCode.problems`. */
export type PickProblem = 'not_a_request' | 'not_on_device' | 'wrong_kind' | 'not_approved' | 'used' | 'other_seal' | 'no_seal' | 'no_licence'

/** Null when the application is one of `types`, approved and not yet carried out. */
export function pickProblem(request: PickableRequest | null | undefined, types: readonly string[]): PickProblem | null {
  if (!request || request.deleted_at !== null) return 'not_on_device'
  if (!types.includes(request.type)) return 'wrong_kind'
  if (request.status !== 'approved') return 'not_approved'
  if (request.fulfilled_at !== null) return 'used'
  return null
}

/** The applicant's page shows the QR while the keeper still has to carry the application out. */
export function showsPickQr(request: PickableRequest, userId: string | null): boolean {
  return userId !== null && request.applicant_id === userId && isPickQrType(request.type) && pickProblem(request, [request.type]) === null
}

const squeeze = (s: string) => s.replace(/\s+/g, '').toLowerCase()

/** Does the name written on an application (印章名称, 证照名称) name this asset (its name or number, spaces and case ignored)? */
export function namesAsset(named: unknown, asset: { name: string; number: string }): boolean {
  const n = typeof named === 'string' ? squeeze(named) : ''
  return n !== '' && (n === squeeze(asset.name) || n === squeeze(asset.number))
}
