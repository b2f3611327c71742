/** Light reads other features use (scan, labels): a bed by its label token, my live stays. No zod, no fold. */
import type { AdminFieldDb } from '@/platform/db'
import type { DormBedRow, DormStayRow } from '@/platform/db/rows'

export async function findBedByToken(database: AdminFieldDb, token: string): Promise<DormBedRow | null> {
  const rows = await database.dorm_beds.where('label_token').equals(token).toArray()
  return rows.find((b) => b.deleted_at === null) ?? null
}

/** The person's reserved or active stays, newest first. */
export async function myLiveStays(database: AdminFieldDb, userId: string): Promise<DormStayRow[]> {
  const rows = await database.dorm_stays.where('occupant_id').equals(userId).toArray()
  return rows.filter((s) => s.deleted_at === null && (s.status === 'reserved' || s.status === 'active')).sort((a, b) => b.allocated_at.localeCompare(a.allocated_at))
}
