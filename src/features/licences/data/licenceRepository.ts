/** Licences on the device, as the due list needs them. */
import type { AdminFieldDb } from '@/platform/db'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'
import type { LicenceItem } from '../domain/dueList'

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

export async function loadLicences(database: AdminFieldDb): Promise<{ items: LicenceItem[]; timeZone: string }> {
  const [rows, company] = await Promise.all([database.assets.where('kind').equals('licence').toArray(), database.company.toArray()])
  const items = rows
    .filter((r) => r.deleted_at === null && r.status !== 'retired')
    .map((r) => ({
      id: r.id,
      number: r.number,
      name: r.name,
      licence_type: str(r.details.licence_type) ?? 'other',
      valid_to: str(r.details.valid_to),
      annual_inspection_on: str(r.details.annual_inspection_on),
    }))
  return { items, timeZone: company.find((c) => c.deleted_at === null)?.timezone ?? DEFAULT_TIME_ZONE }
}
