// 宿舍卫生检查 (issue 10) on the checklists engine: the dorm_hygiene template (migration 20261202170200)
// equals the domain's DORM_HYGIENE_V1 and passes template.upsert's check; the demo dormitory rooms are
// areas inspected with it; the inspector's run scores in SQL, a failed item becomes a rectification for
// the room's responsible person (the dorm manager), who sees it; a critical failure fails the run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_TEMPLATE_IDS, DORM_HYGIENE_V1 } from '@/features/inspections/domain'
import { AREAS, DORM_HYGIENE, SANITATION, SZ, HQ, TEMPLATES, answers, fail, inspect, inspectionPayload, makeUser, submit } from './support/checklists'
import { DEMO, openTestDb, type TestDb } from './support/database'

let db: TestDb
const U = DEMO.users
const DORM_AREAS = DEMO.raw.areas.filter((a) => a.template_code === 'dorm_hygiene')
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

describe('dorm hygiene inspections', () => {
  it('the template is the domain\'s, with its fixed id, and valid by the server\'s own check', async () => {
    const [row] = await db.query<{ code: string; version: number; name_zh: string; sections: unknown; grading: unknown; active: boolean }>(
      'select code, version, name_zh, sections, grading, active from public.checklist_templates where id = $1',
      [DEFAULT_TEMPLATE_IDS.dorm_hygiene],
    )
    expect(row).toEqual({ code: 'dorm_hygiene', version: 1, name_zh: DORM_HYGIENE_V1.name_zh, sections: DORM_HYGIENE_V1.sections, grading: DORM_HYGIENE_V1.grading, active: true })
    const [c] = await db.query<{ r: unknown }>('select private.checklist_template_json($1::jsonb, $2::jsonb) as r', [JSON.stringify(row?.sections), JSON.stringify(row?.grading)])
    expect(c?.r).toEqual({ sections: row?.sections, grading: row?.grading })
  })

  it('every demo room is a dormitory area of its building, inspected weekly, the dorm manager answering for it', async () => {
    expect(DORM_AREAS.map((a) => a.name).sort()).toEqual(DEMO.raw.dorms.rooms.map((r) => `宿舍 ${r.number} 室`).sort())
    const rows = await db.query<{ area_type: string; frequency: string; responsible_id: string }>(
      `select area_type, frequency, responsible_id from public.areas where template_code = 'dorm_hygiene' order by id`,
    )
    expect(rows).toEqual(DORM_AREAS.map(() => ({ area_type: 'dormitory', frequency: 'weekly', responsible_id: U.dormManager })))
    // The dorm manager reads their rooms' areas (responsible), as the tasks and rectifications reach them.
    const seen = await db.asUser(U.dormManager, (q) => q<{ id: string }>(`select id from public.areas where template_code = 'dorm_hygiene'`))
    expect(seen.map((r) => r.id).sort()).toEqual(DORM_AREAS.map((a) => a.id).sort())
  })

  it('a run with an untidy bed and a banned hot plate: scored in SQL, failed by the critical item, two rectifications for the dorm manager', async () => {
    const area = DORM_AREAS.find((a) => a.name === '宿舍 101 室')!.id
    const p = await inspect(db, area, { beds_made: fail('被褥未叠'), no_banned_appliances: fail('电炉一个') }, U.inspector, DORM_HYGIENE)
    const [run] = await db.query<{ score: number; grade: string; critical_failed: boolean }>('select server_score::float as score, server_grade as grade, critical_failed from public.inspections where id = $1', [p.id])
    expect(run).toEqual({ score: p.score, grade: p.grade, critical_failed: true })
    expect(p.grade).toBe('poor')
    const rects = await db.asUser(U.dormManager, (q) =>
      q<{ item_key: string; assignee_id: string; status: string }>('select item_key, assignee_id, status from public.rectifications where inspection_id = $1 order by item_key', [p.id]),
    )
    expect(rects).toEqual([
      { item_key: 'beds_made', assignee_id: U.dormManager, status: 'open' },
      { item_key: 'no_banned_appliances', assignee_id: U.dormManager, status: 'open' },
    ])
  })

  it('the dorm manager inspects the dormitory areas of their sites (migration 20261203040100), nothing else', async () => {
    const area = DORM_AREAS.find((a) => a.name === '宿舍 102 室')!
    const run = (user: string, areaId: string, templateId = DORM_HYGIENE) => submit(db, user, inspectionPayload(areaId, templateId, answers(TEMPLATES[templateId]!)))
    // The demo dorm manager (company-wide) and one of the area's own site: applied, as themselves.
    expect(await run(U.dormManager, area.id)).toMatchObject({ status: 'applied' })
    const atSite = await makeUser(db, 'dorm_manager', SZ, 'dm-sz')
    expect(await run(atSite, area.id)).toMatchObject({ status: 'applied' })
    const [mine] = await db.asUser(atSite, (q) => q<{ n: number }>('select count(*)::int as n from public.inspections where area_id = $1 and inspector_id = $2', [area.id, atSite]))
    expect(mine?.n).toBe(1)
    // The dorm manager of another site: refused, with the rule named.
    const elsewhere = await makeUser(db, 'dorm_manager', HQ, 'dm-hq')
    const r = await run(elsewhere, area.id)
    expect(r).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(r.detail).toContain('dorm manager for a dormitory area')
    // Not a washroom, an office or a lawn, even at their own site.
    const washroom = DEMO.raw.areas.find((a) => a.area_type !== 'dormitory' && a.site_id === SZ)!
    expect(await run(atSite, washroom.id, SANITATION)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await run(U.dormManager, AREAS[washroom.name]!, SANITATION)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    // The inspector still may.
    expect(await run(U.inspector, area.id)).toMatchObject({ status: 'applied' })
  })

  it('a dorm manager reads the dormitory areas of their site (to inspect them), not the other areas', async () => {
    const atSite = await makeUser(db, 'dorm_manager', SZ, 'dm-read')
    const seen = await db.asUser(atSite, (q) => q<{ area_type: string; site_id: string }>('select area_type, site_id from public.areas'))
    expect(seen.length).toBe(DORM_AREAS.filter((a) => a.site_id === SZ).length)
    expect(seen.every((a) => a.area_type === 'dormitory' && a.site_id === SZ)).toBe(true)
  })
})
