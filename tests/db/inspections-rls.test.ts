// Who reads which checklist rows (issue 4 "RLS"), through RLS as PostgREST would; the
// definer-side checks agree with the policies; sync_pull of the new tables (tombstones,
// paging); photos of inspections, rounds and rectifications in Storage follow their record.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PulledChange } from '../../src/platform/sync/protocol'
import { AREAS, GREENING, SZ, act, createArea, fail, inspect, makeUser } from './support/checklists'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, pull, pullAll, push } from './support/sync'

let db: TestDb
const U = DEMO.users
const HQ_WASHROOM = AREAS['3F 男卫生间'] as string
const HQ_GREEN = AREAS['东侧绿化带'] as string
const SZ_CANTEEN = AREAS['员工食堂'] as string

// A cleaner and an inspector who work only at the Suzhou plant, and one area they own.
let szCleaner: string
let szInspector: string
let szArea: string
const made = {} as Record<'hqInspection' | 'szInspection' | 'hqRound' | 'szRound' | 'hqRect' | 'szRect' | 'greenRect', string>

const meta = (owner_table: string, owner_id: string) => ({
  owner_table, owner_id, mime: 'image/jpeg', bytes: 120_000, width: 1600, height: 1200, taken_at: new Date().toISOString(),
})

beforeAll(async () => {
  db = await openTestDb()
  szCleaner = await makeUser(db, 'cleaner', SZ, 'sz-cleaner')
  szInspector = await makeUser(db, 'inspector', SZ, 'sz-inspector')
  szArea = await createArea(db, { site_id: SZ, department_id: DEMO.departments.PRD, responsible_id: szCleaner, name: '苏州 3F 卫生间' })
  const hq = await inspect(db, HQ_WASHROOM, { bins_clean: fail() })
  made.hqInspection = hq.id
  made.hqRect = hq.rectifications[0]?.id as string
  const sz = await inspect(db, szArea, { floor_clean: fail() }, szInspector)
  made.szInspection = sz.id
  made.szRect = sz.rectifications[0]?.id as string
  made.greenRect = (await inspect(db, HQ_GREEN, { no_weeds: fail() }, U.inspector, GREENING)).rectifications[0]?.id as string
  made.hqRound = (await act(db, U.cleaner, 'round.record', { area_id: HQ_WASHROOM, done_at: new Date().toISOString(), via: 'scan', photo_ids: [randomUUID()] })).id
  made.szRound = (await act(db, szCleaner, 'round.record', { area_id: szArea, done_at: new Date().toISOString(), via: 'list', photo_ids: [randomUUID()] })).id
})
afterAll(() => db?.close())

async function visible(user: string, table: string): Promise<string[]> {
  const rows = await db.asUser(user, (q) => q<{ id: string }>(`select id from public.${table}`))
  return rows.map((r) => r.id).sort()
}
const all = async (table: string, where = 'true', params: unknown[] = []) =>
  (await db.query<{ id: string }>(`select id from public.${table} where ${where}`, params)).map((r) => r.id).sort()

describe('areas', () => {
  it('the head, the executive and an unscoped inspector see every area', async () => {
    const every = await all('areas')
    for (const u of [U.adminHead, U.executive, U.inspector]) expect(await visible(u, 'areas')).toEqual(every)
  })

  it('a cleaner sees only the areas it is responsible for', async () => {
    expect(await visible(U.cleaner, 'areas')).toEqual(await all('areas', 'responsible_id = $1', [U.cleaner]))
    expect(await visible(szCleaner, 'areas')).toEqual([szArea])
    expect(await visible(U.cleaner, 'areas')).not.toContain(HQ_GREEN)
  })

  it('a site-scoped inspector sees its site\'s areas only; others see none', async () => {
    expect(await visible(szInspector, 'areas')).toEqual(await all('areas', 'site_id = $1', [SZ]))
    expect(await visible(szInspector, 'areas')).toContain(SZ_CANTEEN)
    for (const u of [U.employee, U.sealKeeper, U.driver]) expect(await visible(u, 'areas')).toEqual([])
  })
})

describe('inspections, rounds, rectifications', () => {
  it('the head and the executive see them all', async () => {
    for (const t of ['inspections', 'cleaning_rounds', 'rectifications']) {
      const every = await all(t)
      expect(await visible(U.adminHead, t), t).toEqual(every)
      expect(await visible(U.executive, t), t).toEqual(every)
    }
  })

  it('a cleaner sees its areas\' inspections and rounds and its own tasks, not another site\'s', async () => {
    const mine = await all('areas', 'responsible_id = $1', [U.cleaner])
    expect(await visible(U.cleaner, 'inspections')).toEqual(await all('inspections', 'area_id = any ($1::uuid[])', [mine]))
    expect(await visible(U.cleaner, 'rectifications')).toEqual(await all('rectifications', 'assignee_id = $1', [U.cleaner]))
    expect(await visible(U.cleaner, 'cleaning_rounds')).toContain(made.hqRound)
    // The Suzhou cleaner: its own area's inspection, task and round, nothing of HQ.
    expect(await visible(szCleaner, 'inspections')).toEqual([made.szInspection])
    expect(await visible(szCleaner, 'rectifications')).toEqual([made.szRect])
    expect(await visible(szCleaner, 'cleaning_rounds')).toEqual([made.szRound])
    // The demo cleaner is not responsible for the Suzhou test area.
    expect(await visible(U.cleaner, 'rectifications')).not.toContain(made.szRect)
    expect(await visible(U.cleaner, 'cleaning_rounds')).not.toContain(made.szRound)
    expect(await visible(U.cleaner, 'rectifications')).not.toContain(made.greenRect)
  })

  it('a site-scoped inspector sees its site\'s records and its own inspections only', async () => {
    const sz = await all('areas', 'site_id = $1', [SZ])
    expect(await visible(szInspector, 'inspections')).toEqual(await all('inspections', 'area_id = any ($1::uuid[]) or inspector_id = $2', [sz, szInspector]))
    expect(await visible(szInspector, 'rectifications')).not.toContain(made.hqRect)
    expect(await visible(szInspector, 'cleaning_rounds')).not.toContain(made.hqRound)
  })

  it('people without a checklist role see none of them; templates are everyone\'s', async () => {
    for (const t of ['inspections', 'cleaning_rounds', 'rectifications', 'round_reviews', 'rectification_events']) {
      expect(await visible(U.employee, t), t).toEqual([])
    }
    expect(await visible(U.employee, 'checklist_templates')).toEqual(await all('checklist_templates'))
  })

  it('the definer-side checks (photo.register) agree with the policies, user by user', async () => {
    const checks: [string, string][] = [
      ['areas', 'private.can_see_area(t.id)'],
      ['inspections', 'private.can_see_inspection(t.id)'],
      ['cleaning_rounds', 'private.can_see_round(t.id)'],
      ['rectifications', 'private.can_see_rectification(t.id)'],
    ]
    for (const user of [...Object.values(U), szCleaner, szInspector]) {
      await db.query(`select set_config('request.jwt.claims', $1, false)`, [JSON.stringify({ sub: user, role: 'authenticated' })])
      const definer: Record<string, string[]> = {}
      for (const [t, fn] of checks) definer[t] = (await db.query<{ id: string }>(`select t.id from public.${t} t where ${fn}`)).map((r) => r.id).sort()
      await db.query(`select set_config('request.jwt.claims', '', false)`)
      for (const [t] of checks) expect(definer[t], `${t} as ${user}`).toEqual(await visible(user, t))
    }
  })

  it('no client can write the new tables directly', async () => {
    await expect(db.asUser(U.adminHead, (q) => q(`update public.areas set name = 'x' where id = $1`, [HQ_WASHROOM]))).rejects.toThrow(/permission denied/)
    await expect(db.asUser(U.inspector, (q) => q(`insert into public.rectifications (id) values ($1)`, [randomUUID()]))).rejects.toThrow(/permission denied/)
    const rows = await db.query<{ t: string; rls: boolean; w: boolean }>(
      `select c.relname as t, c.relrowsecurity as rls,
              has_table_privilege('authenticated', c.oid, 'insert,update,delete,truncate') as w
       from pg_class c where c.oid = any (array['public.areas', 'public.checklist_templates', 'public.inspections',
         'public.cleaning_rounds', 'public.round_reviews', 'public.rectifications', 'public.rectification_events',
         'public.reward_rules', 'public.ledger_entries']::regclass[])`,
    )
    expect(rows).toHaveLength(9)
    for (const r of rows) expect(r, r.t).toMatchObject({ rls: true, w: false })
  })
})

describe('sync_pull with the checklist tables', () => {
  const tally = (changes: PulledChange[]) =>
    changes.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.table]: (acc[c.table] ?? 0) + 1 }), {})

  it('sends what RLS allows, without row_xid', async () => {
    const cleaner = await pullAll(db, szCleaner, null)
    expect(tally(cleaner.changes)).toMatchObject({ areas: 1, inspections: 1, rectifications: 1, cleaning_rounds: 1, checklist_templates: 5, reward_rules: 2 }) // sanitation, greening, dorm hygiene, pre-trip, dorm inventory
    expect(tally(cleaner.changes)).not.toHaveProperty('ledger_entries')
    const row = cleaner.changes.find((c) => c.table === 'rectifications')?.row
    expect(row).toMatchObject({ id: made.szRect, status: 'open', assignee_id: szCleaner, severity: 'normal' })
    expect(row).not.toHaveProperty('row_xid')
    const head = await pullAll(db, U.adminHead, null)
    const [n] = await db.query<Record<string, number>>(
      `select (select count(*)::int from public.areas) as areas, (select count(*)::int from public.inspections) as inspections,
              (select count(*)::int from public.rectifications) as rectifications, (select count(*)::int from public.cleaning_rounds) as cleaning_rounds`,
    )
    expect(tally(head.changes)).toMatchObject(n as Record<string, number>)
  })

  it('small pages cover the same rows as one big page', async () => {
    const whole = await pull(db, U.inspector, null, 2000)
    const { changes } = await pullAll(db, U.inspector, null, 5)
    const key = (c: PulledChange) => `${c.table}:${c.id}`
    expect(changes.map(key)).toEqual(whole.changes.map(key))
    expect(new Set(changes.map(key)).size).toBe(changes.length)
  })

  it('a fix re-sends the task; a deleted area arrives as a tombstone', async () => {
    const { cursor } = await pullAll(db, szCleaner, null)
    await act(db, szCleaner, 'rectification.fix', { rectification_id: made.szRect, photo_ids: [randomUUID()] })
    const page = await pull(db, szCleaner, cursor)
    expect(page.changes).toEqual([{ table: 'rectifications', id: made.szRect, deleted: false, row: expect.objectContaining({ status: 'fixed' }) }])
    const gone = await createArea(db, { site_id: SZ, department_id: null, responsible_id: szCleaner })
    const next = await pullAll(db, szCleaner, page.cursor)
    expect(next.changes.map((c) => c.id)).toEqual([gone])
    await db.query('update public.areas set deleted_at = now() where id = $1', [gone])
    expect((await pull(db, szCleaner, next.cursor)).changes).toEqual([{ table: 'areas', id: gone, row: null, deleted: true }])
  })
})

describe('photos of inspections, rounds and rectifications', () => {
  const upload = (user: string, name: string) =>
    db.asUser(user, (q) => q(`insert into storage.objects (bucket_id, name, owner) values ('photos', $1, $2)`, [name, user]))
  const canRead = async (user: string, name: string) =>
    (await db.asUser(user, (q) => q(`select 1 from storage.objects where bucket_id = 'photos' and name = $1`, [name]))).length === 1
  const register = async (user: string, table: string, owner: string) => {
    const id = randomUUID()
    const [r] = await push(db, user, [makeOp('photo.register', id, meta(table, owner))])
    return { r, path: `${table}/${id}.jpg` }
  }

  it('an inspection photo: the inspector registers and uploads it; the area\'s cleaner reads it, another site\'s cleaner cannot', async () => {
    const { r, path } = await register(szInspector, 'inspections', made.szInspection)
    expect(r?.status).toBe('applied')
    await upload(szInspector, path)
    expect(await canRead(szCleaner, path)).toBe(true)
    expect(await canRead(U.adminHead, path)).toBe(true)
    expect(await canRead(U.cleaner, path)).toBe(false)
    expect(await canRead(U.employee, path)).toBe(false)
    const hq = await register(U.inspector, 'inspections', made.hqInspection)
    await upload(U.inspector, hq.path)
    expect(await canRead(szCleaner, hq.path)).toBe(false)
    expect(await canRead(szInspector, hq.path)).toBe(false)
    expect(await canRead(U.cleaner, hq.path)).toBe(true)
  })

  it('round and fix photos follow their record; a stranger may not register one', async () => {
    const round = await register(szCleaner, 'cleaning_rounds', made.szRound)
    expect(round.r?.status).toBe('applied')
    await upload(szCleaner, round.path)
    expect(await canRead(szInspector, round.path)).toBe(true)
    expect(await canRead(U.cleaner, round.path)).toBe(false)
    const fix = await register(U.cleaner, 'rectifications', made.hqRect)
    expect(fix.r?.status).toBe('applied')
    await upload(U.cleaner, fix.path)
    expect(await canRead(U.inspector, fix.path)).toBe(true)
    expect(await canRead(szCleaner, fix.path)).toBe(false)
    expect((await register(szCleaner, 'rectifications', made.hqRect)).r).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect((await register(U.cleaner, 'cleaning_rounds', randomUUID())).r).toMatchObject({ status: 'refused', reason: 'not_found' })
    // No object without its registered photo, even under a new owner folder.
    await expect(upload(U.cleaner, `rectifications/${randomUUID()}.jpg`)).rejects.toThrow(/row-level security/)
  })

  it('the photos rows themselves follow the same rule', async () => {
    const { path } = await register(U.inspector, 'inspections', made.hqInspection)
    const id = path.slice('inspections/'.length, -'.jpg'.length)
    expect(await visible(U.cleaner, 'photos')).toContain(id)
    expect(await visible(szCleaner, 'photos')).not.toContain(id)
  })
})
