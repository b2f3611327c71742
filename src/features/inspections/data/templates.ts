/** Reading template versions. An inspection keeps the version it used; a new one starts on the latest. */
import type { AdminFieldDb } from '@/platform/db'
import type { ChecklistTemplateRow } from '@/platform/db/rows'

export async function getTemplateVersion(database: AdminFieldDb, id: string): Promise<ChecklistTemplateRow | undefined> {
  const row = await database.checklist_templates.get(id)
  return row && row.deleted_at === null ? row : undefined
}

/** The highest active version of a template family (areas.template_code). */
export async function latestTemplate(database: AdminFieldDb, code: string): Promise<ChecklistTemplateRow | undefined> {
  const rows = await database.checklist_templates.where('code').equals(code).toArray()
  let best: ChecklistTemplateRow | undefined
  for (const r of rows) if (r.deleted_at === null && r.active && (!best || r.version > best.version)) best = r
  return best
}

/** Every family's latest version (the area form's template choice). */
export async function latestTemplates(database: AdminFieldDb): Promise<ChecklistTemplateRow[]> {
  const rows = await database.checklist_templates.toArray()
  const best = new Map<string, ChecklistTemplateRow>()
  for (const r of rows) {
    if (r.deleted_at !== null || !r.active) continue
    const cur = best.get(r.code)
    if (!cur || r.version > cur.version) best.set(r.code, r)
  }
  return [...best.values()].sort((a, b) => a.code.localeCompare(b.code))
}
