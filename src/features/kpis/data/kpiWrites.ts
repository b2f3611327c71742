/** The admin head sets a KPI's target (op 'kpi_target.set'): a new row each time, with its outbox entry. */
import type { AdminFieldDb } from '@/platform/db'
import type { KpiTargetRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox } from '@/platform/sync/outbox'
import type { KpiTargetInput } from '../domain/targetSchema'

/** The target's schema (zod): loaded by the first save, not with the dashboard; the targets page warms it (warmImport). */
export const loadKpiTargetSchema = () => import('../domain/targetSchema')

export type TargetResult = { ok: true; row: KpiTargetRow } | { ok: false; error: string }

export async function setKpiTarget(
  database: AdminFieldDb,
  input: Omit<KpiTargetInput, 'id'>,
  userId: string,
  now: Date = new Date(),
  draftKey: string | null = null,
): Promise<TargetResult> {
  const { kpiTargetSchema } = await loadKpiTargetSchema()
  const parsed = kpiTargetSchema.safeParse({ ...input, id: crypto.randomUUID() })
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'kpis.errors.range' }
  const v = parsed.data
  const at = now.toISOString()
  const row: KpiTargetRow = { id: v.id, kpi: v.kpi, target: v.target, note: v.note, set_by: userId, set_at: at, updated_at: at, deleted_at: null }
  const payload: Record<string, unknown> = { kpi: v.kpi, target: v.target }
  if (v.note) payload.note = v.note
  await commitWithOutbox(database, ['kpi_targets'], buildOp('kpi_target.set', 'kpi_targets', v.id, payload, now), async () => {
    await database.kpi_targets.put(row)
  }, { draftKey })
  return { ok: true, row }
}
