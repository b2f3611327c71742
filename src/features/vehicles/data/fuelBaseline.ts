/** Sets a vehicle's fuel baseline (op 'vehicle_fuel_baseline.set'): the asset row and its outbox entry in one transaction. */
import type { AdminFieldDb } from '@/platform/db'
import { buildOp, commitWithOutbox } from '@/platform/sync/outbox'

export async function setFuelBaseline(
  database: AdminFieldDb,
  vehicleId: string,
  baseline: number | null,
  userId: string,
  now: Date = new Date(),
  draftKey: string | null = null,
): Promise<void> {
  const at = now.toISOString()
  await commitWithOutbox(database, ['assets'], buildOp('vehicle_fuel_baseline.set', 'assets', vehicleId, { baseline }, now), async () => {
    await database.assets.update(vehicleId, { fuel_baseline_l100km: baseline, fuel_baseline_set_by: userId, fuel_baseline_set_at: at })
  }, { draftKey })
}
