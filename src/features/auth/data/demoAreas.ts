/**
 * Local mode's demo areas (demo-company.json "areas") and the default checklist templates
 * (fixed ids, as the SQL seed has them). No outbox entries: demo data is not a user's change.
 * Adds what is missing, never overwrites (the admin head may have edited an area since).
 */
import type { AdminFieldDb } from '@/platform/db'
import type { AreaRow } from '@/platform/db/rows'
import demo from '@/platform/demo/demo-company.json'
// Plain data (no zod): safe for the session chunk.
import { defaultTemplateRows } from '@/features/inspections/domain/defaultTemplates'

type DemoArea = Omit<AreaRow, 'updated_at' | 'deleted_at'>

const DEMO_AREAS: readonly DemoArea[] = ((demo as { areas?: unknown[] }).areas ?? []) as DemoArea[]

export function demoAreaRows(stamp: string): AreaRow[] {
  return DEMO_AREAS.map((a) => ({
    id: a.id,
    site_id: a.site_id,
    building: a.building ?? '',
    floor: a.floor ?? '',
    name: a.name,
    area_type: a.area_type,
    responsible_id: a.responsible_id ?? null,
    department_id: a.department_id ?? null,
    frequency: a.frequency,
    template_code: a.template_code,
    label_token: a.label_token ?? null,
    updated_at: stamp,
    deleted_at: null,
  }))
}

/** Inside the seed transaction. */
export async function seedDemoAreas(database: AdminFieldDb, now: Date): Promise<void> {
  const stamp = now.toISOString()
  const templates = defaultTemplateRows(stamp)
  const haveTemplates = await database.checklist_templates.bulkGet(templates.map((t) => t.id))
  const newTemplates = templates.filter((_, i) => haveTemplates[i] === undefined)
  if (newTemplates.length) await database.checklist_templates.bulkAdd(newTemplates)
  const areas = demoAreaRows(stamp)
  const haveAreas = await database.areas.bulkGet(areas.map((a) => a.id))
  const newAreas = areas.filter((_, i) => haveAreas[i] === undefined)
  if (newAreas.length) await database.areas.bulkAdd(newAreas)
}
