/**
 * The pre-trip check (出车前检查) on the checklists engine: a template version scored by the
 * inspections domain's scoreInspection, where a failed critical item puts the vehicle out
 * of service until a repair is recorded. The SQL seed should insert VEHICLE_PRETRIP_V1 with
 * PRETRIP_TEMPLATE_ID, as it does the sanitation and greening templates.
 */
import { DEFAULT_GRADING, scoreInspection, type FailedItem, type TemplateItem, type TemplateVersion } from '@/features/inspections/domain'
import { toEpochMs } from '@/shared/lib/zonedTime'

export const PRETRIP_TEMPLATE_CODE = 'vehicle_pretrip'
export const PRETRIP_TEMPLATE_ID = '7b0c6f1e-3d2a-4c8b-9e51-5a1f00000010'

function item(key: string, text_zh: string, text_en: string, critical: boolean, allow_na = false): TemplateItem {
  return { key, text_zh, text_en, mode: 'pass_fail', max_points: 10, allow_na, critical, photo_on_fail: true }
}

export const VEHICLE_PRETRIP_V1: TemplateVersion = {
  code: PRETRIP_TEMPLATE_CODE,
  version: 1,
  name_zh: '出车前检查表',
  name_en: 'Pre-trip vehicle check',
  sections: [
    {
      key: 'safety',
      title_zh: '安全',
      title_en: 'Safety',
      items: [
        item('brakes', '刹车有效，无异响', 'Brakes work, no unusual noise', true),
        item('tyres', '轮胎气压正常，无鼓包、裂纹，花纹深度足够', 'Tyres: pressure normal, no bulges or cuts, enough tread', true),
        item('lights', '大灯、转向灯、刹车灯、危险报警灯正常', 'Headlights, indicators, brake and hazard lights work', true),
        item('steering', '转向正常，无跑偏', 'Steering normal, no pulling', true),
        item('wipers', '雨刮和玻璃水正常', 'Wipers and washer fluid work', false),
        item('mirrors', '后视镜完好、调整到位', 'Mirrors intact and adjusted', false),
      ],
    },
    {
      key: 'fluids',
      title_zh: '油液',
      title_en: 'Fluids',
      items: [
        item('engine_oil', '机油液位正常，无渗漏', 'Engine oil level normal, no leaks', false, true),
        item('coolant', '冷却液液位正常', 'Coolant level normal', false, true),
        item('fuel_level', '燃油（电量）足够本次出车', 'Enough fuel (charge) for the trip', false),
      ],
    },
    {
      key: 'documents',
      title_zh: '证件与随车物品',
      title_en: 'Documents and equipment on board',
      items: [
        item('documents', '行驶证、保险单在车上', 'Registration and insurance papers on board', false),
        item('safety_kit', '三角警示牌、灭火器在车上且有效', 'Warning triangle and a valid fire extinguisher on board', false),
        item('cleanliness', '车内外整洁', 'Vehicle clean inside and out', false),
      ],
    },
  ],
  grading: DEFAULT_GRADING,
}

export interface PreTripOutcome {
  critical_failed: boolean
  /** True when the check puts the vehicle out of service. */
  out_of_service: boolean
  failed_items: FailedItem[]
  percent: number | null
  /** Non-empty when the answers do not fit the template (the UI must not submit). */
  issue_count: number
}

/** What a submitted pre-trip check means for the vehicle. */
export function preTripOutcome(template: TemplateVersion, answers: unknown): PreTripOutcome {
  const s = scoreInspection(template, answers)
  return {
    critical_failed: s.critical_failed,
    out_of_service: s.critical_failed,
    failed_items: s.failed_items,
    percent: s.percent,
    issue_count: s.issues.length,
  }
}

export interface ServiceState {
  out_of_service: boolean
  /** The check that put it out of service, and when. */
  inspection_id: string | null
  since: string | null
}

/**
 * Out of service while the latest critical failure is later than the latest completed repair
 * (by device time: facts are ordered by when they happened).
 */
export function serviceState(
  checks: readonly { id: string; submitted_at: string; critical_failed: boolean }[],
  repairs: readonly { completed_at: string | null }[],
): ServiceState {
  let failed: { id: string; ms: number; at: string } | null = null
  for (const c of checks) {
    if (!c.critical_failed) continue
    const ms = toEpochMs(c.submitted_at)
    if (!failed || ms > failed.ms) failed = { id: c.id, ms, at: c.submitted_at }
  }
  if (!failed) return { out_of_service: false, inspection_id: null, since: null }
  let repaired = Number.NEGATIVE_INFINITY
  for (const r of repairs) if (r.completed_at) repaired = Math.max(repaired, toEpochMs(r.completed_at))
  return repaired >= failed.ms ? { out_of_service: false, inspection_id: null, since: null } : { out_of_service: true, inspection_id: failed.id, since: failed.at }
}
