/** Areas and answers for the inspections data tests: the default sanitation template, real demo ids. */
import type { AdminFieldDb } from '@/platform/db'
import type { AreaRow } from '@/platform/db/rows'
import { DEFAULT_TEMPLATE_IDS, SANITATION_V1, defaultTemplateRows } from '@/features/inspections/domain/defaultTemplates'
import { allItems } from '@/features/inspections/domain/template'
import { emptyAnswer, type DraftAnswer, type InspectionDraft } from '@/features/inspections/data/drafts'
import { fakePhoto } from '../photos/support'

export const CLEANER = '0a000000-0000-4000-8000-000000000007'
export const INSPECTOR = '0a000000-0000-4000-8000-000000000008'
export const SITE = '05000000-0000-4000-8000-000000000001'
export const NOW = new Date('2026-03-02T02:00:00.000Z')

export function area(over: Partial<AreaRow> = {}): AreaRow {
  return {
    id: crypto.randomUUID(), site_id: SITE, building: 'A栋', floor: '3F', name: '男卫生间', area_type: 'washroom', responsible_id: CLEANER,
    department_id: null, frequency: 'daily', template_code: 'sanitation', label_token: null, updated_at: NOW.toISOString(), deleted_at: null, ...over,
  }
}

export async function seedTemplates(db: AdminFieldDb): Promise<void> {
  await db.checklist_templates.bulkPut(defaultTemplateRows(NOW.toISOString()))
}

export const TEMPLATE = SANITATION_V1
export const TEMPLATE_ID = DEFAULT_TEMPLATE_IDS.sanitation
export const ITEMS = allItems(SANITATION_V1)
export const CRITICAL = ITEMS.find((i) => i.critical && i.photo_on_fail)!

/** Every item passed (points items at full marks); `over` replaces some answers. */
export function draftFor(a: AreaRow, over: Record<string, Partial<DraftAnswer>> = {}): InspectionDraft {
  const answers: Record<string, DraftAnswer> = {}
  for (const item of ITEMS) {
    answers[item.key] = item.mode === 'points' ? { ...emptyAnswer(), result: 'points', points: item.max_points } : { ...emptyAnswer(), result: 'pass' }
    if (over[item.key]) answers[item.key] = { ...answers[item.key]!, ...over[item.key] }
  }
  return { id: crypto.randomUUID(), area_id: a.id, template_id: TEMPLATE_ID, inspector_id: INSPECTOR, via: 'scan', started_at: NOW.toISOString(), answers, updated_at: '' }
}

export { fakePhoto }
