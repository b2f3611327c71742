/**
 * What a scanned or typed text points at, on this device. Used by the Scan tab and by
 * the `/a/:token` page a phone's own camera opens, so both answer the same way.
 * Scans that find nothing are kept in the device-only scan_log (an "unknown label"
 * is worth investigating: not yet synced, or not ours), never thrown.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { AreaRow, AssetRow, DormBedRow, ScanLogRow } from '@/platform/db/rows'
import { findAssetByNumber, findAssetByToken } from '@/features/assets'
import { findAreaByToken } from '@/features/inspections'
import { findBedByToken } from '@/features/dorms/data/lookup'
// The pure parser only: the domain barrel would bring zod into the scan chunk.
import { parseScannedCode, type MalformedReason } from '@/features/assets/domain/labelToken'
import { parseBadgeCode } from '@/features/labels'
// The pure parser only (the requests domain barrel brings zod).
import { parseRequestCode } from '@/features/requests/domain/pickCode'
import type { PickProblem } from '@/features/requests/domain/pickCode'

export type ScanOutcome =
  | { kind: 'asset'; asset: AssetRow }
  | { kind: 'area'; area: AreaRow }
  | { kind: 'bed'; bed: DormBedRow }
  | { kind: 'replaced'; asset: AssetRow }
  | { kind: 'unknown'; token: string }
  | { kind: 'unknown_number'; number: string }
  | { kind: 'badge'; userId: string; name: string | null }
  /** An application's QR (`/requests/<id>`): what it leads to depends on who scans (requests/data/pickScan). */
  | { kind: 'request'; id: string }
  /** An application's QR that cannot be carried out here, and why. */
  | { kind: 'request_problem'; problem: PickProblem; requestId: string | null; title: string | null }
  | { kind: 'foreign'; host: string }
  | { kind: 'malformed'; reason: MalformedReason }

/** The outcomes a page explains (the others navigate). */
export type ShownOutcome = Exclude<ScanOutcome, { kind: 'asset' } | { kind: 'area' } | { kind: 'bed' } | { kind: 'request' }>

/** The scan_log result for an outcome that found no usable asset; null when nothing to log. */
export function logResultOf(outcome: ScanOutcome): ScanLogRow['result'] | null {
  switch (outcome.kind) {
    case 'unknown':
      return 'unknown_label'
    case 'replaced':
      return 'label_replaced'
    case 'foreign':
      return 'foreign'
    case 'malformed':
      return 'malformed'
    default:
      return null
  }
}

export async function resolveScanText(database: AdminFieldDb, text: string, allowedOrigins: readonly string[]): Promise<ScanOutcome> {
  const requestId = parseRequestCode(text, allowedOrigins)
  if (requestId) return { kind: 'request', id: requestId }
  const badge = parseBadgeCode(text, allowedOrigins)
  if (badge) {
    const profile = await database.profiles.get(badge)
    return { kind: 'badge', userId: badge, name: profile && profile.deleted_at === null ? profile.display_name : null }
  }
  const parsed = parseScannedCode(text, allowedOrigins)
  switch (parsed.kind) {
    case 'token': {
      const found = await findAssetByToken(database, parsed.token)
      if (found.kind !== 'unknown') return found
      // Area labels use the same token format: an unknown asset token may be an area's.
      const area = await findAreaByToken(database, parsed.token)
      if (area) return { kind: 'area', area }
      // So do dormitory beds.
      const bed = await findBedByToken(database, parsed.token)
      return bed ? { kind: 'bed', bed } : { kind: 'unknown', token: parsed.token }
    }
    case 'number': {
      const asset = await findAssetByNumber(database, parsed.number)
      return asset ? { kind: 'asset', asset } : { kind: 'unknown_number', number: parsed.number }
    }
    case 'foreign':
      return { kind: 'foreign', host: parsed.host }
    default:
      return { kind: 'malformed', reason: parsed.reason }
  }
}

export interface ScanContext {
  userId: string | null
  now?: Date
}

/** Resolves, and records in scan_log what found nothing. A failed log write never hides the answer. */
export async function resolveAndLog(database: AdminFieldDb, text: string, allowedOrigins: readonly string[], ctx: ScanContext): Promise<ScanOutcome> {
  const outcome = await resolveScanText(database, text, allowedOrigins)
  const result = logResultOf(outcome)
  if (result) {
    const row: ScanLogRow = {
      id: crypto.randomUUID(),
      text: text.slice(0, 500),
      result,
      scanned_at: (ctx.now ?? new Date()).toISOString(),
      user_id: ctx.userId,
    }
    try {
      await database.scan_log.add(row)
    } catch (e) {
      console.error('scan_log write failed', e)
    }
  }
  return outcome
}
