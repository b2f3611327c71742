/**
 * Where a decoded text leads from the Scan tab: a page to open, or an outcome to explain.
 * Only a decode needs this (lookups, the inspections/dorms/requests targets and what they
 * bring): the Scan page imports it lazily, so its first screen is the scanner alone.
 */
import type { RouteLocationRaw } from 'vue-router'
import type { AdminFieldDb } from '@/platform/db'
import { areaScanTarget } from '@/features/inspections'
import { bedScanTarget, myLiveStays } from '@/features/dorms'
import { resolveAndLog, type ShownOutcome } from './resolveScan'
import { requestScanAnswer } from './requestScan'

export type ScanRoute = { to: RouteLocationRaw } | { outcome: ShownOutcome | null }

export async function routeScan(database: AdminFieldDb, text: string, origins: readonly string[], who: { userId: string | null; roles: readonly string[] }): Promise<ScanRoute> {
  const result = await resolveAndLog(database, text, origins, { userId: who.userId })
  switch (result.kind) {
    case 'asset':
      return { to: { name: 'asset', params: { id: result.asset.id } } }
    case 'area':
      // An area's label: the inspection (or the cleaner's round) starts here, as scanned.
      return { to: areaScanTarget(result.area, who.roles) }
    case 'bed':
      // A bed's label: the resident's own check-in, or the room for the dorm manager.
      return { to: bedScanTarget(result.bed, who.roles, who.userId ? await myLiveStays(database, who.userId) : []) }
    case 'request':
      // An application's QR on the applicant's phone: the keeper carries it out from here.
      return requestScanAnswer(database, result.id, who.roles)
    default:
      return { outcome: result }
  }
}
