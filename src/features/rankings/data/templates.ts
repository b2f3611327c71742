/**
 * Checklist template versions for the editor. Versions are immutable: an edit saves a NEW
 * row (new id, version = the family's highest + 1) with its 'template.upsert' op; the old
 * rows are never written, so every inspection keeps scoring against the version it used.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { ChecklistTemplateRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox } from '@/platform/sync/outbox'
import type { TemplateVersion } from '@/features/inspections/domain/template'
import { templateSchema } from '@/features/inspections/domain/templateSchema'

export interface TemplateFamily {
  code: string
  /** Newest first. */
  versions: ChecklistTemplateRow[]
}

export async function templateFamilies(database: AdminFieldDb): Promise<TemplateFamily[]> {
  const rows = (await database.checklist_templates.toArray()).filter((r) => r.deleted_at === null)
  const byCode = new Map<string, ChecklistTemplateRow[]>()
  for (const r of rows) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r])
  return [...byCode.entries()]
    .map(([code, versions]) => ({ code, versions: versions.sort((a, b) => b.version - a.version) }))
    .sort((a, b) => a.code.localeCompare(b.code))
}

export async function templateRow(database: AdminFieldDb, id: string): Promise<ChecklistTemplateRow | undefined> {
  const row = await database.checklist_templates.get(id)
  return row && row.deleted_at === null ? row : undefined
}

export type SaveResult = { ok: true; row: ChecklistTemplateRow } | { ok: false; issues: { path: PropertyKey[]; message: string }[] }

/** Validates `draft` as the family's next version and saves it; the draft's own version number is ignored. */
export async function saveNewVersion(database: AdminFieldDb, draft: TemplateVersion, now: Date = new Date(), draftKey: string | null = null): Promise<SaveResult> {
  const family = await database.checklist_templates.where('code').equals(draft.code).toArray()
  const version = Math.max(0, ...family.map((r) => r.version)) + 1
  const parsed = templateSchema.safeParse({ ...draft, version })
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })) }
  const t = parsed.data
  const stamp = now.toISOString()
  const row: ChecklistTemplateRow = { id: crypto.randomUUID(), ...t, active: true, updated_at: stamp, deleted_at: null }
  const op = buildOp('template.upsert', 'checklist_templates', row.id, { id: row.id, code: t.code, version, name_zh: t.name_zh, name_en: t.name_en, sections: t.sections, grading: t.grading, active: true }, now)
  await commitWithOutbox(database, ['checklist_templates'], op, async () => {
    // add, not put: a version number taken meanwhile (another tab) fails instead of overwriting.
    await database.checklist_templates.add(row)
  }, { draftKey })
  return { ok: true, row }
}
