/**
 * What the 用印登记 form reads and writes on the device db. The form imports this module lazily,
 * once the db holds its queries for the demo seed, so the page paints before Dexie has loaded
 * (issue 13): nothing here may be imported statically by the page or its composable.
 */
import { getDb } from '@/platform/db'
import type { RequestRow } from '@/platform/db/rows'
import { PHOTO_TABLES, photoRegisterOps, savePhotos, type PhotoOwner, type ProcessedPhoto } from '@/platform/photos'
import { approvedWaiting, sealLinkWrite, type SealLink } from '@/features/requests'
import type { CustodyEvent } from '@/features/assets/domain/custodyEvents'
import type { SealUsage } from '@/features/assets/domain/sealUsage'
import { companyTimeZone, lastUsageOf, loadRequesters, loadSeal } from './sealRepository'
import { recordSealUsage } from './sealWrites'

/** The seal, its last use, the requesters, the company's zone and the approved 用印申请 waiting. */
export async function readUsageForm(sealId: string) {
  const db = getDb()
  const [seal, last, people, timeZone, applications] = await Promise.all([
    loadSeal(db, sealId),
    lastUsageOf(db, sealId),
    loadRequesters(db),
    companyTimeZone(db),
    approvedWaiting(db, 'seal_use'),
  ])
  return { seal, last, people, timeZone, applications }
}

/** An application scanned from its QR (undefined: not on this device). */
export const readRequest = (id: string): Promise<RequestRow | undefined> => getDb().requests.get(id)

/** One transaction: the use (+ its check-out), its photos, its application link, their ops; drops the draft. */
export async function writeUsage(
  usage: SealUsage,
  checkOut: CustodyEvent | null,
  photos: ProcessedPhoto[],
  owner: PhotoOwner,
  link: SealLink,
  now: Date,
  draftKey: string | null,
): Promise<void> {
  const db = getDb()
  const photoWrite = photos.length
    ? { tables: PHOTO_TABLES, ops: photoRegisterOps(photos, owner, now), write: async () => void (await savePhotos(db, photos, owner)) }
    : null
  await recordSealUsage(db, usage, checkOut, photoWrite, now, sealLinkWrite(db, link, now), draftKey)
}
