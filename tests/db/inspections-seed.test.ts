// The checklist part of supabase/seed.sql: the domain's default templates with their fixed
// ids (and valid by the server's own check), the demo areas of demo-company.json with
// valid label tokens, and the reward rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_TEMPLATES } from '@/features/inspections/domain'
import { checkLabelToken } from '@/features/assets/domain'
import { DEMO, openTestDb, type TestDb } from './support/database'

let db: TestDb
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

describe('seed.sql checklists', () => {
  it('has the domain\'s default templates, same ids and content, and they pass template.upsert\'s check', async () => {
    const rows = await db.query<{ id: string; code: string; version: number; name_zh: string; name_en: string; sections: unknown; grading: unknown; active: boolean }>(
      `select id, code, version, name_zh, name_en, sections, grading, active from public.checklist_templates where code not in ('vehicle_pretrip', 'dorm_inventory') order by code`,
    )
    const want = DEFAULT_TEMPLATES.map(({ id, template: t }) => ({ id, code: t.code, version: t.version, name_zh: t.name_zh, name_en: t.name_en, sections: t.sections, grading: t.grading, active: true }))
    expect(rows).toEqual([...want].sort((a, b) => a.code.localeCompare(b.code)))
    for (const r of rows) {
      const [c] = await db.query<{ r: unknown }>('select private.checklist_template_json($1::jsonb, $2::jsonb) as r', [JSON.stringify(r.sections), JSON.stringify(r.grading)])
      expect(c?.r).toEqual({ sections: r.sections, grading: r.grading })
    }
  })

  it('has the areas of demo-company.json, each with a valid label token and a known template family', async () => {
    const rows = await db.query(
      'select id, site_id, building, floor, name, area_type, responsible_id, department_id, frequency, template_code, label_token from public.areas order by id',
    )
    expect(rows).toEqual([...DEMO.raw.areas].sort((a, b) => a.id.localeCompare(b.id)))
    const codes = new Set(DEFAULT_TEMPLATES.map((t) => t.template.code))
    for (const a of DEMO.raw.areas) {
      expect(checkLabelToken(a.label_token), a.name).toEqual({ ok: true, token: a.label_token })
      expect(codes.has(a.template_code), a.name).toBe(true)
    }
    // Every site has areas; the sanitation ones are the demo cleaner's (孙秀英).
    expect(new Set(DEMO.raw.areas.map((a) => a.site_id))).toEqual(new Set(Object.values(DEMO.sites)))
    for (const a of DEMO.raw.areas.filter((x) => x.template_code === 'sanitation')) expect(a.responsible_id).toBe(DEMO.users.cleaner)
    // Area tokens never collide with asset tokens.
    const assetTokens = new Set(DEMO.raw.assets.map((a) => a.label_token))
    expect(DEMO.raw.areas.filter((a) => assetTokens.has(a.label_token))).toEqual([])
  })

  it('has the reward rules', async () => {
    const rules = await db.query('select scope, period, kind, points from public.reward_rules order by id')
    expect(rules).toEqual([
      { scope: 'area', period: 'month', kind: 'average_below', points: -5 },
      { scope: 'area', period: 'month', kind: 'top_rank', points: 5 },
    ])
  })
})
