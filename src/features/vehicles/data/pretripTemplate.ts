/**
 * The pre-trip checklist (出车前检查) as a checklists-engine template. Used when the device has
 * no 'vehicle_pretrip' template yet (the server's seed should carry the same id and items).
 */
import type { ChecklistTemplateRow } from '@/platform/db/rows'
import type { TemplateItem, TemplateVersion } from '@/features/inspections/domain/template'
import { DEFAULT_GRADING } from '@/features/inspections/domain/defaultTemplates'

export const PRETRIP_CODE = 'vehicle_pretrip'
export const PRETRIP_TEMPLATE_ID = '7b0c6f1e-3d2a-4c8b-9e51-5a1f00000101'

const item = (key: string, text_zh: string, text_en: string, critical = false): TemplateItem => ({
  key,
  text_zh,
  text_en,
  mode: 'pass_fail',
  max_points: 10,
  allow_na: false,
  critical,
  photo_on_fail: critical,
})

export const PRETRIP_V1: TemplateVersion = {
  code: PRETRIP_CODE,
  version: 1,
  name_zh: '出车前检查',
  name_en: 'Pre-trip check',
  sections: [
    {
      key: 'safety',
      title_zh: '安全',
      title_en: 'Safety',
      items: [
        item('brakes', '制动正常', 'Brakes work', true),
        item('tyres', '轮胎气压与磨损正常', 'Tyre pressure and wear OK', true),
        item('lights', '灯光齐全有效', 'All lights work', true),
        item('mirrors', '后视镜完好', 'Mirrors intact'),
      ],
    },
    {
      key: 'vehicle',
      title_zh: '车况',
      title_en: 'Vehicle',
      items: [
        item('fluids', '机油、冷却液、玻璃水充足', 'Oil, coolant and washer fluid topped up'),
        item('documents', '行驶证、保险单随车', 'Registration and insurance papers on board'),
        item('clean', '车内外整洁', 'Clean inside and out'),
      ],
    },
  ],
  grading: DEFAULT_GRADING,
}

export function pretripTemplateRow(updatedAt: string): ChecklistTemplateRow {
  return {
    id: PRETRIP_TEMPLATE_ID,
    code: PRETRIP_CODE,
    version: 1,
    name_zh: PRETRIP_V1.name_zh,
    name_en: PRETRIP_V1.name_en,
    sections: PRETRIP_V1.sections,
    grading: PRETRIP_V1.grading,
    active: true,
    updated_at: updatedAt,
    deleted_at: null,
  }
}
