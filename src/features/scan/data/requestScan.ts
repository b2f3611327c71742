/**
 * An application's QR scanned on this device (issue 9): the keeper of its kind goes straight to carrying it
 * out (the seal-use form of the seal it names with the application picked, or the licence's check-out with
 * it), anyone else to the application page. What cannot be carried out is explained, nothing changes.
 */
import type { RouteLocationRaw } from 'vue-router'
import type { AdminFieldDb } from '@/platform/db'
import { pickRoute, pickTarget } from '@/features/requests/data/pickScan'
import type { ShownOutcome } from './resolveScan'

export type RequestScanAnswer = { to: RouteLocationRaw } | { outcome: ShownOutcome }

export async function requestScanAnswer(database: AdminFieldDb, requestId: string, roles: readonly string[]): Promise<RequestScanAnswer> {
  const target = await pickTarget(database, requestId, roles)
  const to = pickRoute(target)
  if (to) return { to }
  const request = target.kind === 'problem' ? target.request : null
  const problem = target.kind === 'problem' ? target.problem : 'not_on_device'
  return { outcome: { kind: 'request_problem', problem, requestId: request?.id ?? null, title: request?.title ?? null } }
}
