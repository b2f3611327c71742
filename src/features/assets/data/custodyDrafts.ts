/** An action sheet's device draft (issue #12 point 9): one per asset and action. */
import { formDraftKeys, type AdminFieldDb } from '@/platform/db'
import type { CustodyEventType } from '../domain/custodyEvents'

export const custodyDraftKey = (assetId: string, type: CustodyEventType): string => `assets.custody:${assetId}:${type}`

/** The actions of this asset with a draft kept on the device (the page opens that sheet again). */
export async function draftedCustodyActions(database: AdminFieldDb, assetId: string): Promise<CustodyEventType[]> {
  const prefix = custodyDraftKey(assetId, '' as CustodyEventType)
  const keys = await formDraftKeys(database, prefix)
  return keys.map((k) => k.slice(prefix.length) as CustodyEventType)
}
