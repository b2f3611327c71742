/** The rectification rows an inspection's failed items create (ids made on the device). */
import type { AreaRow, InspectionRow, RectificationRow } from '@/platform/db/rows'
import type { Answer, ScoreResult } from '../domain/scoring'
import type { TemplateVersion } from '../domain/template'

export function buildRectifications(args: {
  template: TemplateVersion
  answers: Answer[]
  score: ScoreResult
  inspection: InspectionRow
  area: AreaRow
  now: Date
  timeZone: string
}): RectificationRow[] {
  const { score, inspection, area, now } = args
  const stamp = now.toISOString()
  return score.failed_items.map((f) => ({
    id: crypto.randomUUID(),
    inspection_id: inspection.id,
    area_id: area.id,
    item_key: f.key,
    item_text: f.text_zh,
    assignee_id: area.responsible_id,
    severity: f.critical ? 'critical' : 'normal',
    // Placeholder until the domain's rectificationsFor lands: critical 1 day, normal 3 days.
    due_at: new Date(now.getTime() + (f.critical ? 1 : 3) * 86_400_000).toISOString(),
    status: 'open',
    fix_note: null,
    fix_photo_ids: [],
    fixed_at: null,
    verified_by: null,
    verified_at: null,
    updated_at: stamp,
    deleted_at: null,
  }))
}
