/**
 * An application's QR scanned on this device (issue 9): the keeper of its kind goes straight to carrying it
 * out (the seal-use form of the seal it names with the application picked, or the licence's check-out with
 * it), anyone else to the application page. What cannot be carried out is explained, nothing changes.
 */
import type { RouteLocationRaw } from 'vue-router'
import type { AdminFieldDb } from '@/platform/db'
import { pickTarget } from '@/features/requests/data/pickScan'
import type { ShownOutcome } from './resolveScan'

export type RequestScanAnswer = { to: RouteLocationRaw } | { outcome: ShownOutcome }

export async function requestScanAnswer(database: AdminFieldDb, requestId: string, roles: readonly string[]): Promise<RequestScanAnswer> {
  const target = await pickTarget(database, requestId, roles)
  switch (target.kind) {
    case 'seal_use':
      return { to: { name: 'sealUsageNew', params: { id: target.assetId }, query: { request: target.request.id } } }
    case 'licence_borrow':
      return { to: { name: 'asset', params: { id: target.assetId }, query: { act: 'check_out', request: target.request.id } } }
    case 'open':
      return { to: { name: 'requestDetail', params: { id: target.request.id } } }
    default:
      return { outcome: { kind: 'request_problem', problem: target.problem, requestId: target.request?.id ?? null, title: target.request?.title ?? null } }
  }
}
