/**
 * A scanned application QR on the keeper's device (offline: the application came with the last sync).
 * The keeper of its kind gets what carries it out: the seal-use form of the seal it names, or the
 * licence's check-out; anyone else gets the application page. Problems are answered, never thrown.
 */
import type { RouteLocationRaw } from 'vue-router'
import type { AdminFieldDb } from '@/platform/db'
import type { AssetRow, RequestRow } from '@/platform/db/rows'
import { PICK_QR_TYPES, namesAsset, pickProblem, type PickProblem } from '../domain/pickCode'

export type PickTarget =
  | { kind: 'problem'; problem: PickProblem; request: RequestRow | null }
  | { kind: 'seal_use'; request: RequestRow; assetId: string }
  | { kind: 'licence_borrow'; request: RequestRow; assetId: string }
  | { kind: 'open'; request: RequestRow }

/** Live assets of a kind whose name or number the application's name field gives. */
async function namedAssets(database: AdminFieldDb, kind: 'seal' | 'licence', named: unknown): Promise<AssetRow[]> {
  const rows = await database.assets.where('kind').equals(kind).toArray()
  return rows.filter((a) => a.deleted_at === null && namesAsset(named, a))
}

export async function pickTarget(database: AdminFieldDb, requestId: string, roles: readonly string[]): Promise<PickTarget> {
  const found = await database.requests.get(requestId)
  const request = found && found.deleted_at === null ? found : null
  const types = Object.entries(PICK_QR_TYPES)
    .filter(([, role]) => roles.includes(role))
    .map(([type]) => type)
  if (types.length === 0) return request ? { kind: 'open', request } : { kind: 'problem', problem: 'not_on_device', request: null }
  const problem = pickProblem(request, types)
  if (problem !== null || !request) return { kind: 'problem', problem: problem ?? 'not_on_device', request }
  const seal = request.type === 'seal_use'
  const assets = await namedAssets(database, seal ? 'seal' : 'licence', seal ? request.form.seal_name : request.form.licence_name)
  // None or several of that name on this device: the keeper scans the item first, then picks the application there.
  if (assets.length !== 1) return { kind: 'problem', problem: seal ? 'no_seal' : 'no_licence', request }
  return { kind: seal ? 'seal_use' : 'licence_borrow', request, assetId: assets[0]!.id }
}

/** Where the keeper carries the application out (or anyone else reads it); null for a problem. */
export function pickRoute(target: PickTarget): RouteLocationRaw | null {
  switch (target.kind) {
    case 'seal_use':
      return { name: 'sealUsageNew', params: { id: target.assetId }, query: { request: target.request.id } }
    case 'licence_borrow':
      return { name: 'asset', params: { id: target.assetId }, query: { act: 'check_out', request: target.request.id } }
    case 'open':
      return { name: 'requestDetail', params: { id: target.request.id } }
    default:
      return null
  }
}
