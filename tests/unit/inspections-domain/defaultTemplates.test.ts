import { describe, expect, it } from 'vitest'
import { DEFAULT_TEMPLATES, DEFAULT_TEMPLATE_IDS, DORM_HYGIENE_V1, GREENING_V1, SANITATION_V1, allItems, defaultTemplateRows, scoreInspection } from '@/features/inspections/domain'
import { parseTemplate, templateSchema } from '@/features/inspections/domain/templateSchema'
import type { ChecklistTemplateRow } from '@/platform/db/rows'

describe('default templates', () => {
  it('are valid template versions with fixed ids', () => {
    for (const { id, template } of DEFAULT_TEMPLATES) {
      const parsed = templateSchema.safeParse(template)
      expect(parsed.error?.issues ?? []).toEqual([])
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    }
    expect(DEFAULT_TEMPLATE_IDS).toEqual({
      sanitation: '7b0c6f1e-3d2a-4c8b-9e51-5a1f00000001',
      greening: '7b0c6f1e-3d2a-4c8b-9e51-5a1f00000002',
      dorm_hygiene: '7b0c6f1e-3d2a-4c8b-9e51-5a1f00000003',
    })
  })

  it('cover the manual topics, with critical items and photos on visible faults', () => {
    const keys = (t: typeof SANITATION_V1) => allItems(t).map((i) => i.key)
    expect(keys(SANITATION_V1)).toEqual(
      expect.arrayContaining(['floor_clean', 'walls_ceiling', 'glass_clean', 'washroom_usable', 'fixtures_clean', 'bins_emptied', 'surfaces_dust', 'corridors_clear', 'air_odour', 'no_pests', 'food_area_hygiene']),
    )
    expect(keys(GREENING_V1)).toEqual(
      expect.arrayContaining(['watering_adequate', 'pruning_done', 'no_weeds', 'no_pests_disease', 'no_dead_branches', 'hedges_trimmed', 'no_litter_in_beds', 'lawn_height', 'irrigation_no_leaks', 'no_dangerous_branch']),
    )
    // 宿舍卫生检查: tidiness, the bathroom, and safety (banned appliances and smoking are critical).
    expect(keys(DORM_HYGIENE_V1)).toEqual(expect.arrayContaining(['dorm_floor_clean', 'beds_made', 'dorm_bins', 'dorm_bathroom_clean', 'no_banned_appliances', 'no_smoking_fire', 'wiring_safe']))
    expect(allItems(DORM_HYGIENE_V1).filter((i) => i.critical).map((i) => i.key)).toEqual(['no_banned_appliances', 'no_smoking_fire'])
    for (const t of [SANITATION_V1, GREENING_V1, DORM_HYGIENE_V1]) {
      expect(allItems(t).filter((i) => i.critical).length).toBeGreaterThanOrEqual(1)
      expect(allItems(t).filter((i) => i.photo_on_fail).length).toBeGreaterThan(allItems(t).length / 2)
      expect(t.grading.pass_mark).toBe(60)
      expect(t.grading.thresholds.map((g) => [g.grade, g.min])).toEqual([['excellent', 90], ['good', 80], ['fair', 60], ['poor', 0]])
    }
  })

  it('score 100 when everything passes', () => {
    for (const t of [SANITATION_V1, GREENING_V1, DORM_HYGIENE_V1]) {
      const answers = allItems(t).map((i) => (i.mode === 'points' ? { item_key: i.key, result: 'points' as const, points: i.max_points } : { item_key: i.key, result: 'pass' as const }))
      expect(scoreInspection(t, answers)).toMatchObject({ percent: 100, grade: 'excellent', passed: true, issues: [] })
    }
  })

  it('become checklist_templates rows that parse back', () => {
    const rows: ChecklistTemplateRow[] = defaultTemplateRows('2026-01-01T00:00:00Z')
    expect(rows.map((r) => [r.id, r.code, r.version, r.active])).toEqual([
      [DEFAULT_TEMPLATE_IDS.sanitation, 'sanitation', 1, true],
      [DEFAULT_TEMPLATE_IDS.greening, 'greening', 1, true],
      [DEFAULT_TEMPLATE_IDS.dorm_hygiene, 'dorm_hygiene', 1, true],
    ])
    for (const r of rows) expect(parseTemplate(JSON.parse(JSON.stringify(r)) as ChecklistTemplateRow).success).toBe(true)
  })
})
