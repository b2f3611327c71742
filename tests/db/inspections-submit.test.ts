// area.upsert, template.upsert and inspection.submit through sync_push: who may, what is
// refused, the server's score in the same transaction, the rectifications it makes, and
// that a submitted inspection never changes.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SANITATION_V1, allItems } from '@/features/inspections/domain'
import {
  AREAS,
  GREENING,
  HQ,
  SANITATION,
  SZ,
  answers,
  areaPayload,
  createArea,
  fail,
  inspect,
  inspectionPayload,
  makeUser,
  submit,
} from './support/checklists'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, push } from './support/sync'

let db: TestDb
const U = DEMO.users
const WASHROOM = AREAS['3F 男卫生间'] as string
const LAWN = AREAS['厂区中心草坪'] as string

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const one = async (user: string, kind: string, id: string, payload: Record<string, unknown>) => (await push(db, user, [makeOp(kind, id, payload)]))[0]

describe('area.upsert', () => {
  it('the admin head creates and edits an area; an edit without the token keeps it', async () => {
    const id = randomUUID()
    const p = areaPayload({ building: '  A 座 ', floor: undefined })
    expect(await one(U.adminHead, 'area.upsert', id, p)).toMatchObject({ status: 'applied' })
    const { label_token: _token, ...withoutToken } = p
    expect(await one(U.adminHead, 'area.upsert', id, { ...withoutToken, frequency: 'weekly', responsible_id: null })).toMatchObject({ status: 'applied' })
    const [row] = await db.query('select building, floor, frequency, responsible_id, label_token, template_code from public.areas where id = $1', [id])
    expect(row).toEqual({ building: 'A 座', floor: '', frequency: 'weekly', responsible_id: null, label_token: p.label_token, template_code: 'sanitation' })
  })

  it('refuses everyone else, and a site-scoped head at another site', async () => {
    for (const u of [U.inspector, U.cleaner, U.executive, U.employee]) {
      expect(await one(u, 'area.upsert', randomUUID(), areaPayload())).toMatchObject({ status: 'refused', reason: 'forbidden' })
    }
    const szHead = await makeUser(db, 'admin_head', SZ, 'sz-head')
    expect(await one(szHead, 'area.upsert', randomUUID(), areaPayload({ site_id: HQ }))).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await one(szHead, 'area.upsert', randomUUID(), areaPayload({ site_id: SZ, department_id: DEMO.departments.PRD }))).toMatchObject({ status: 'applied' })
    // ...nor move one of HQ's areas to its site.
    expect(await one(szHead, 'area.upsert', WASHROOM, areaPayload({ site_id: SZ, department_id: null }))).toMatchObject({ status: 'refused', reason: 'forbidden' })
  })

  it('validates type, frequency, template code, department and the label token', async () => {
    const asset = DEMO.raw.assets[0]?.label_token as string
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ area_type: 'garage' }, 'invalid', /^area_type: one of/],
      [{ frequency: 'hourly' }, 'invalid', /^frequency: one of/],
      [{ template_code: 'Sanitation!' }, 'invalid', /^template_code: bad format/],
      [{ template_code: 'no_such_family' }, 'not_found', /^template_code: no such template/],
      [{ label_token: 'ABC' }, 'invalid', /^label_token: not a label token/],
      [{ label_token: 'Q0CWDQHQ4H8SE04BS' }, 'invalid', /^label_token: not a label token/], // wrong check symbol
      [{ label_token: DEMO.raw.areas[1]?.label_token }, 'invalid', /already used by another area/],
      [{ label_token: asset }, 'invalid', /already used by an asset/],
      [{ department_id: DEMO.departments.PRD }, 'not_found', /^department_id: no such department at this site/],
      [{ responsible_id: randomUUID() }, 'not_found', /^responsible_id: no such person/],
      [{ name: ' ' }, 'invalid', /^name: required/],
      [{ colour: 'red' }, 'invalid', /^colour: unexpected field/],
    ]
    for (const [o, reason, re] of cases) {
      const r = await one(U.adminHead, 'area.upsert', randomUUID(), areaPayload(o))
      expect(r, JSON.stringify(o)).toMatchObject({ status: 'refused', reason })
      expect(r?.detail).toMatch(re)
    }
  })
})

describe('template.upsert', () => {
  const tpl = (extra: Record<string, unknown> = {}) => ({ ...SANITATION_V1, code: 'dorm_room', version: 1, ...extra })

  it('the admin head adds versions; (code, version) names one row; a used version keeps its content', async () => {
    const v1 = randomUUID()
    expect(await one(U.adminHead, 'template.upsert', v1, tpl())).toMatchObject({ status: 'applied' })
    expect(await one(U.inspector, 'template.upsert', randomUUID(), tpl({ version: 9 }))).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await one(U.adminHead, 'template.upsert', randomUUID(), tpl())).toMatchObject({ status: 'refused', reason: 'invalid', detail: expect.stringMatching(/already exist/) })
    expect(await one(U.adminHead, 'template.upsert', v1, tpl({ version: 2 }))).toMatchObject({ status: 'refused', reason: 'invalid' })
    // Unused: still editable.
    expect(await one(U.adminHead, 'template.upsert', v1, tpl({ name_zh: '宿舍检查表' }))).toMatchObject({ status: 'applied' })
    // Used by an inspection: only `active` may change.
    const area = await createArea(db, { template_code: 'dorm_room', area_type: 'dormitory' })
    const p = inspectionPayload(area, SANITATION, answers(SANITATION_V1), { template_id: v1 })
    expect(await submit(db, U.inspector, p)).toMatchObject({ status: 'applied' })
    expect(await one(U.adminHead, 'template.upsert', v1, tpl({ name_zh: '改名' }))).toMatchObject({ status: 'refused', reason: 'invalid', detail: expect.stringMatching(/used by inspections; make a new version/) })
    expect(await one(U.adminHead, 'template.upsert', v1, tpl({ name_zh: '宿舍检查表', active: false }))).toMatchObject({ status: 'applied' })
    expect(await one(U.adminHead, 'template.upsert', randomUUID(), tpl({ version: 2, name_zh: '改名' }))).toMatchObject({ status: 'applied' })
    const rows = await db.query('select version, name_zh, active from public.checklist_templates where code = $1 order by version', ['dorm_room'])
    expect(rows).toEqual([{ version: 1, name_zh: '宿舍检查表', active: false }, { version: 2, name_zh: '改名', active: true }])
  })

  it('refuses a malformed template, naming the path', async () => {
    const s = SANITATION_V1.sections
    const r = await one(U.adminHead, 'template.upsert', randomUUID(), tpl({ code: 'x_bad', sections: [{ ...s[0], items: [{ ...s[0]?.items[0], max_points: 101 }] }] }))
    expect(r).toMatchObject({ status: 'refused', reason: 'invalid', detail: 'sections[0].items[0].max_points: 1 to 100' })
  })
})

describe('inspection.submit', () => {
  it('stores the inspection with the server\'s score and makes exactly the rectifications', async () => {
    const p = inspectionPayload(WASHROOM, SANITATION, answers(SANITATION_V1, {
      washroom_usable: fail('堵塞'),
      bins_clean: fail(),
      surfaces_dust: { result: 'points', points: 4, photo_ids: [randomUUID()] }, // 2·4 < 10: failed
      glass_clean: { result: 'na' },
    }))
    expect(p.critical_failed).toBe(true)
    expect(await submit(db, U.inspector, p)).toEqual({ op_id: expect.any(String), status: 'applied' })
    const [ins] = await db.query('select inspector_id, score::float8 as score, grade, critical_failed, server_score::float8 as server_score, server_grade, via from public.inspections where id = $1', [p.id])
    expect(ins).toEqual({ inspector_id: U.inspector, score: p.score, grade: 'poor', critical_failed: true, server_score: p.score, server_grade: 'poor', via: 'scan' })
    const rects = await db.query<{ id: string; item_key: string; severity: string; assignee_id: string; status: string; days: number; at: string; item_text: string }>(
      // Due on working days (issue #12 point 8): 18:00 company time, 1 (critical) / 3 working days on.
      `select x.id, x.item_key, x.severity, x.assignee_id, x.status, x.item_text,
              (select count(*) from pg_catalog.generate_series(private.company_day(i.submitted_at) + 1, private.company_day(x.due_at), interval '1 day') d
               where private.is_working_day(d::date, a.site_id))::int as days,
              to_char(x.due_at at time zone 'Asia/Shanghai', 'HH24:MI') as at
       from public.rectifications x join public.inspections i on i.id = x.inspection_id join public.areas a on a.id = x.area_id
       where x.inspection_id = $1 order by x.item_key`, [p.id])
    const want = [...p.rectifications].sort((a, b) => a.item_key.localeCompare(b.item_key))
    expect(rects.map((r) => [r.id, r.item_key])).toEqual(want.map((r) => [r.id, r.item_key]))
    expect(rects.map((r) => [r.item_key, r.severity, r.days, r.at, r.assignee_id, r.status])).toEqual([
      ['bins_clean', 'normal', 3, '18:00', U.cleaner, 'open'],
      ['surfaces_dust', 'normal', 3, '18:00', U.cleaner, 'open'],
      ['washroom_usable', 'critical', 1, '18:00', U.cleaner, 'open'],
    ])
    expect(rects.find((r) => r.item_key === 'washroom_usable')?.item_text).toBe(allItems(SANITATION_V1).find((i) => i.key === 'washroom_usable')?.text_zh)
  })

  it('a clean inspection makes no rectification; an area without a responsible person gets unassigned ones', async () => {
    const p = await inspect(db, WASHROOM)
    expect((await db.query('select 1 from public.rectifications where inspection_id = $1', [p.id])).length).toBe(0)
    const g = await inspect(db, LAWN, { no_weeds: fail() }, U.inspector, GREENING)
    expect(await db.query('select item_key, assignee_id from public.rectifications where inspection_id = $1', [g.id])).toEqual([{ item_key: 'no_weeds', assignee_id: null }])
  })

  it('when the device\'s figures differ, the server\'s stand and the op is flagged', async () => {
    const p = inspectionPayload(WASHROOM, SANITATION, answers(SANITATION_V1, { bins_clean: fail() }))
    const device = { ...p, score: 99.9, grade: 'fair', critical_failed: true }
    const r = await submit(db, U.inspector, device)
    expect(r).toMatchObject({ status: 'flagged' })
    expect(r.detail).toBe(`score: device 99.9, server ${p.score}; grade: device fair, server ${p.grade}; critical_failed: device true, server false`)
    const [ins] = await db.query('select score::float8 as score, grade, server_score::float8 as server_score, server_grade, critical_failed from public.inspections where id = $1', [p.id])
    expect(ins).toEqual({ score: 99.9, grade: 'fair', server_score: p.score, server_grade: p.grade, critical_failed: false })
    const [op] = await db.query('select status from public.sync_ops where entity_id = $1', [p.id])
    expect(op).toEqual({ status: 'flagged' })
  })

  it('is idempotent: the same op is a duplicate, the same inspection in a new op too; other content with its id is refused', async () => {
    const p = inspectionPayload(WASHROOM, SANITATION, answers(SANITATION_V1, { floor_clean: fail() }))
    const op = makeOp('inspection.submit', p.id, p)
    expect((await push(db, U.inspector, [op]))[0]?.status).toBe('applied')
    expect((await push(db, U.inspector, [op]))[0]?.status).toBe('duplicate')
    expect(await submit(db, U.inspector, p)).toMatchObject({ status: 'duplicate' })
    expect(await submit(db, U.inspector, { ...p, answers: answers(SANITATION_V1) , rectifications: [] })).toMatchObject({
      status: 'refused', reason: 'invalid', detail: 'id: a different inspection was already submitted with this id',
    })
    expect(await submit(db, U.inspector, { ...p, rectifications: [{ id: randomUUID(), item_key: 'floor_clean' }] })).toMatchObject({ status: 'refused', reason: 'invalid' })
    const [n] = await db.query<{ i: number; r: number }>('select (select count(*)::int from public.inspections where id = $1) as i, (select count(*)::int from public.rectifications where inspection_id = $1) as r', [p.id])
    expect(n).toEqual({ i: 1, r: 1 })
  })

  it('refuses answer sets the domain refuses, naming the item, and changes nothing', async () => {
    const base = answers(SANITATION_V1)
    const cases: [Record<string, unknown>[], RegExp][] = [
      [base.filter((a) => a.item_key !== 'bins_clean'), /^answers\.bins_clean: unanswered$/],
      [[...base, { item_key: 'bins_clean', result: 'pass' }], /^answers\.bins_clean: answered twice$/],
      [base.map((a) => (a.item_key === 'floor_clean' ? { item_key: 'floor_clean', result: 'na' } : a)), /^answers\.floor_clean: N\/A not allowed/],
      [base.map((a) => (a.item_key === 'floor_clean' ? { item_key: 'floor_clean', result: 'fail' } : a)), /^answers\.floor_clean\.photo_ids: a photo is required/],
      [base.map((a) => (a.item_key === 'surfaces_dust' ? { item_key: 'surfaces_dust', result: 'points', points: 11 } : a)), /^answers\.surfaces_dust\.points: 0 to 10$/],
      [base.map((a) => (a.item_key === 'surfaces_dust' ? { item_key: 'surfaces_dust', result: 'pass' } : a)), /^answers\.surfaces_dust: a points item/],
      [base.map((a) => (a.item_key === 'floor_clean' ? { item_key: 'floor_clean', result: 'points', points: 3 } : a)), /^answers\.floor_clean: a pass_fail item/],
      [[...base, { item_key: 'ghost', result: 'pass' }], /^answers\.ghost: no such item in this template version$/],
    ]
    for (const [list, re] of cases) {
      const p = inspectionPayload(WASHROOM, SANITATION, list, { rectifications: [] })
      const r = await submit(db, U.inspector, p)
      expect(r, re.source).toMatchObject({ status: 'refused', reason: 'invalid' })
      expect(r.detail).toMatch(re)
      expect(await db.query('select 1 from public.inspections where id = $1', [p.id])).toEqual([])
    }
  })

  it('wants one rectification per failed item, no more, no less', async () => {
    const list = answers(SANITATION_V1, { bins_clean: fail(), floor_clean: fail() })
    const p = inspectionPayload(WASHROOM, SANITATION, list)
    const [a, b] = p.rectifications
    const bad: [unknown, RegExp][] = [
      [[a], /^rectifications\.\w+: missing for this failed item$/],
      [[a, b, { id: randomUUID(), item_key: 'air_odour' }], /^rectifications\.air_odour: this item did not fail$/],
      [[a, { ...b, item_key: a?.item_key }], /more than one for this item/],
      [[a, { ...b, id: a?.id }], /id: used twice/],
      [undefined, /^rectifications: must be an array/],
    ]
    for (const [rects, re] of bad) {
      const r = await submit(db, U.inspector, { ...p, id: randomUUID(), rectifications: rects })
      expect(r, re.source).toMatchObject({ status: 'refused', reason: 'invalid' })
      expect(r.detail).toMatch(re)
    }
    // A rectification id already taken by another inspection's task.
    const first = await inspect(db, WASHROOM, { bins_clean: fail() })
    const taken = first.rectifications[0]?.id
    const r = await submit(db, U.inspector, { ...p, rectifications: [{ ...a, id: taken }, b] })
    expect(r).toMatchObject({ status: 'refused', reason: 'invalid', detail: expect.stringMatching(/already used by another rectification/) })
  })

  it('only an inspector or the admin head of the area\'s site may submit', async () => {
    for (const u of [U.cleaner, U.employee, U.executive, U.sealKeeper]) {
      expect(await submit(db, u, inspectionPayload(WASHROOM, SANITATION, answers(SANITATION_V1)))).toMatchObject({ status: 'refused', reason: 'forbidden' })
    }
    const szInspector = await makeUser(db, 'inspector', SZ, 'sz-inspector')
    expect(await submit(db, szInspector, inspectionPayload(WASHROOM, SANITATION, answers(SANITATION_V1)))).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await submit(db, szInspector, inspectionPayload(AREAS['员工食堂'] as string, SANITATION, answers(SANITATION_V1)))).toMatchObject({ status: 'applied' })
    expect(await submit(db, U.adminHead, inspectionPayload(WASHROOM, SANITATION, answers(SANITATION_V1)))).toMatchObject({ status: 'applied' })
    expect(await submit(db, U.inspector, inspectionPayload(WASHROOM, SANITATION, answers(SANITATION_V1), { inspector_id: U.adminHead }))).toMatchObject({ status: 'refused', reason: 'forbidden' })
  })

  it('refuses unknown areas and templates, and malformed envelopes', async () => {
    const ok = () => inspectionPayload(WASHROOM, SANITATION, answers(SANITATION_V1))
    expect(await submit(db, U.inspector, { ...ok(), area_id: randomUUID() })).toMatchObject({ status: 'refused', reason: 'not_found', detail: 'area_id: no such area' })
    expect(await submit(db, U.inspector, { ...ok(), template_id: randomUUID() })).toMatchObject({ status: 'refused', reason: 'not_found' })
    const p = ok()
    expect(await submit(db, U.inspector, { ...p, submitted_at: new Date(Date.parse(p.started_at) - 1000).toISOString() })).toMatchObject({ status: 'refused', reason: 'invalid', detail: 'submitted_at: before started_at' })
    expect(await submit(db, U.inspector, { ...ok(), via: 'gps' })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await submit(db, U.inspector, { ...ok(), score: 101 })).toMatchObject({ status: 'refused', reason: 'invalid' })
    const q = ok()
    const [r] = await push(db, U.inspector, [makeOp('inspection.submit', randomUUID(), q)])
    expect(r).toMatchObject({ status: 'refused', reason: 'invalid', detail: "id: must be the op's entity_id" })
  })
})

describe('a submitted inspection never changes', () => {
  it('no client may write it, and even the owner\'s triggers refuse update and delete', async () => {
    const p = await inspect(db, WASHROOM, { bins_clean: fail() })
    await expect(db.asUser(U.inspector, (q) => q('update public.inspections set score = 100 where id = $1', [p.id]))).rejects.toThrow(/permission denied/)
    await expect(db.asUser(U.adminHead, (q) => q('delete from public.inspections where id = $1', [p.id]))).rejects.toThrow(/permission denied/)
    await expect(db.query('update public.inspections set server_score = 100 where id = $1', [p.id])).rejects.toThrow(/append-only/)
    await expect(db.query('delete from public.inspections where id = $1', [p.id])).rejects.toThrow(/append-only/)
    // Resubmitting with better answers is refused, not applied over it.
    const better = { ...p, answers: answers(SANITATION_V1), score: 100, grade: 'excellent', rectifications: [] }
    expect(await submit(db, U.inspector, better)).toMatchObject({ status: 'refused', reason: 'invalid' })
    const [row] = await db.query<{ server_score: number }>('select server_score::float8 as server_score from public.inspections where id = $1', [p.id])
    expect(row?.server_score).toBe(p.score)
  })
})
