// Who reads which custody rows (issue 3 "RLS"), through RLS as PostgREST would,
// and what sync_pull sends of the new tables (tombstones, paging, a hand-back).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PulledChange } from '../../src/platform/sync/protocol'
import { createAsset, DETAILS, record, SZ } from './support/custody'
import { DEMO, openTestDb, type DemoUserKey, type TestDb } from './support/database'
import { pull, pullAll } from './support/sync'

let db: TestDb
const U = DEMO.users
const SEEDED = DEMO.raw.assets.map((a) => a.id)
const byKind = (kind: string) => DEMO.raw.assets.filter((a) => a.kind === kind).map((a) => a.id)
const out = (to: string) => ({ to_person: to, due_at: null, purpose: '测试', condition: 'good' })

// Assets made in beforeAll.
const A = {} as Record<'usedVehicle' | 'heldVehicle' | 'otherVehicle' | 'heldUniform' | 'returnedUniform' | 'sealOut' | 'szEquipment', string>

beforeAll(async () => {
  db = await openTestDb()
  const plate = (p: string) => ({ details: { ...DETAILS.vehicle, plate: p } })
  A.usedVehicle = await createAsset(db, 'vehicle', plate('沪AD30001'))
  A.heldVehicle = await createAsset(db, 'vehicle', plate('沪AD30002'))
  A.otherVehicle = await createAsset(db, 'vehicle', plate('沪AD30003'))
  A.heldUniform = await createAsset(db, 'uniform', { site_id: SZ })
  A.returnedUniform = await createAsset(db, 'uniform', { site_id: SZ })
  A.sealOut = await createAsset(db, 'seal')
  A.szEquipment = await createAsset(db, 'equipment', { site_id: SZ })
  // The driver used one vehicle (out and back), holds another; a colleague used the third.
  await record(db, U.driver, A.usedVehicle, 'check_out', out(U.driver))
  await record(db, U.driver, A.usedVehicle, 'check_in', { condition: 'good' })
  await record(db, U.fleetManager, A.heldVehicle, 'check_out', out(U.driver))
  await record(db, U.fleetManager, A.otherVehicle, 'check_out', out(U.executive))
  // The employee holds one uniform and handed another back; the executive holds a seal.
  await record(db, U.assetKeeper, A.heldUniform, 'check_out', out(U.employee))
  await record(db, U.assetKeeper, A.returnedUniform, 'check_out', out(U.employee))
  await record(db, U.assetKeeper, A.returnedUniform, 'check_in', { condition: 'good' })
  await record(db, U.sealKeeper, A.sealOut, 'check_out', out(U.executive))
})
afterAll(() => db?.close())

async function visible(user: string, table: string, column = 'id'): Promise<string[]> {
  const rows = await db.asUser(user, (q) => q<{ v: string }>(`select ${column} as v from public.${table}`))
  return rows.map((r) => r.v).sort()
}
const sorted = (ids: string[]) => [...ids].sort()
const allAssets = async () => (await db.query<{ id: string }>('select id from public.assets')).map((r) => r.id)
// The demo residents also see the labelled keys of the room they live in (or are about to): 20261202130200.
const roomKeysOf = async (user: string) =>
  (await db.query<{ id: string }>(
    `select a.id from public.assets a join public.dorm_stays s on s.room_id = (a.details ->> 'room_id')::uuid
     where a.kind = 'dorm_key' and s.occupant_id = $1 and s.status in ('reserved', 'active')`, [user])).map((r) => r.id)
const assetsOfKinds = async (kinds: string[]) =>
  (await db.query<{ id: string }>('select id from public.assets where kind = any ($1)', [kinds])).map((r) => r.id)

describe('assets', () => {
  it('the head of administration and the executive see every asset', async () => {
    const all = sorted(await allAssets())
    expect(await visible(U.adminHead, 'assets')).toEqual(all)
    expect(await visible(U.executive, 'assets')).toEqual(all)
  })

  it('keepers see their kinds', async () => {
    expect(await visible(U.sealKeeper, 'assets')).toEqual(sorted(await assetsOfKinds(['seal'])))
    expect(await visible(U.assetKeeper, 'assets')).toEqual(sorted(await assetsOfKinds(['licence', 'equipment', 'uniform'])))
    expect(await visible(U.fleetManager, 'assets')).toEqual(sorted(await assetsOfKinds(['vehicle'])))
  })

  it('a cleaner sees no asset but their dorm room\'s keys: not the seals, not their events, not their labels', async () => {
    const keys = await roomKeysOf(U.cleaner)
    expect(keys.length).toBeGreaterThan(0)
    expect(await visible(U.cleaner, 'assets')).toEqual(sorted(keys))
    expect(await visible(U.cleaner, 'custody_events')).toEqual([])
    expect(await visible(U.cleaner, 'asset_labels', 'asset_id')).toEqual(sorted(keys))
  })

  it('a driver sees only the vehicles it holds or has used', async () => {
    expect(await visible(U.driver, 'assets')).toEqual(sorted([A.usedVehicle, A.heldVehicle, ...(await roomKeysOf(U.driver))]))
    for (const id of [A.otherVehicle, ...byKind('vehicle')]) expect(await visible(U.driver, 'assets')).not.toContain(id)
  })

  it('an employee sees what it holds, and what it handed back (so the return reaches its phone)', async () => {
    expect(await visible(U.employee, 'assets')).toEqual(sorted([A.heldUniform, A.returnedUniform, ...(await roomKeysOf(U.employee))]))
    const [held] = await db.asUser(U.employee, (q) => q<{ status: string; holder_id: string | null }>('select status, holder_id from public.assets where id = $1', [A.returnedUniform]))
    expect(held).toEqual({ status: 'in_stock', holder_id: null })
  })

  it('the holder of a seal sees that seal; nobody else without a role does', async () => {
    expect(await visible(U.executive, 'assets')).toContain(A.sealOut)
    expect(await visible(U.employee, 'assets')).not.toContain(A.sealOut)
    expect(await visible(U.inspector, 'assets')).toEqual([])
    expect(await visible(U.dormManager, 'assets')).toEqual(sorted(await assetsOfKinds(['dorm_key'])))
  })

  it('a site-scoped keeper sees only that site\'s assets of its kinds', async () => {
    const uid = '0a000000-0000-4000-8000-0000000000c1'
    await db.query(`insert into auth.users (id, email) values ($1, 'sz-keeper@example.com')`, [uid])
    await db.query(`insert into public.user_roles (user_id, role, site_id) values ($1, 'asset_keeper', $2)`, [uid, SZ])
    const want = (await db.query<{ id: string }>(`select id from public.assets where site_id = $1 and kind in ('licence', 'equipment', 'uniform')`, [SZ])).map((r) => r.id)
    expect(want).toContain(A.szEquipment)
    expect(await visible(uid, 'assets')).toEqual(sorted(want))
  })

  it('labels follow their asset', async () => {
    const labelsOf = async (ids: string[]) =>
      sorted((await db.query<{ id: string }>('select id from public.asset_labels where asset_id = any ($1::uuid[])', [ids])).map((r) => r.id))
    expect(await visible(U.sealKeeper, 'asset_labels')).toEqual(await labelsOf(await assetsOfKinds(['seal'])))
    expect(await visible(U.fleetManager, 'asset_labels')).toEqual(await labelsOf(await assetsOfKinds(['vehicle'])))
  })
})

describe('custody_events', () => {
  const eventsOf = async (assetIds: string[]) =>
    sorted((await db.query<{ id: string }>('select id from public.custody_events where asset_id = any ($1::uuid[])', [assetIds])).map((r) => r.id))

  it('keepers see their kinds\' whole timelines', async () => {
    expect(await visible(U.sealKeeper, 'custody_events')).toEqual(await eventsOf(await assetsOfKinds(['seal'])))
    expect(await visible(U.fleetManager, 'custody_events')).toEqual(await eventsOf(await assetsOfKinds(['vehicle'])))
  })

  it('a driver sees its vehicles\' events (the held one whole), not a colleague\'s trip', async () => {
    expect(await visible(U.driver, 'custody_events')).toEqual(await eventsOf([A.usedVehicle, A.heldVehicle]))
  })

  it('an employee sees the timeline of what it holds and its own hand-over events', async () => {
    const mine = await visible(U.employee, 'custody_events')
    expect(mine).toEqual(
      sorted([
        ...(await eventsOf([A.heldUniform])),
        // Of the returned uniform: the check-out naming it (the check-in was the keeper's, after the hand-back).
        ...(await db.query<{ id: string }>(`select id from public.custody_events where asset_id = $1 and type = 'check_out'`, [A.returnedUniform])).map((r) => r.id),
      ]),
    )
  })

  it('the definer-side checks (photo.register) agree with the policies, user by user', async () => {
    for (const key of Object.keys(U) as DemoUserKey[]) {
      await db.query(`select set_config('request.jwt.claims', $1, false)`, [JSON.stringify({ sub: U[key], role: 'authenticated' })])
      const definer = (await db.query<{ id: string }>('select id from public.custody_events e where private.can_see_custody_event(e.id)')).map((r) => r.id)
      await db.query(`select set_config('request.jwt.claims', '', false)`)
      expect(sorted(definer), key).toEqual(await visible(U[key], 'custody_events'))
    }
  })
})

describe('sync_pull with the custody tables', () => {
  const tally = (changes: PulledChange[]) =>
    changes.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.table]: (acc[c.table] ?? 0) + 1 }), {})

  it('sends assets, labels and events as RLS allows', async () => {
    const admin = await pullAll(db, U.adminHead, null)
    const [n] = await db.query<{ a: number; l: number; e: number }>(
      'select (select count(*)::int from public.assets) as a, (select count(*)::int from public.asset_labels) as l, (select count(*)::int from public.custody_events) as e',
    )
    expect(tally(admin.changes)).toMatchObject({ assets: n?.a, asset_labels: n?.l, custody_events: n?.e })
    const employee = await pullAll(db, U.employee, null)
    expect(tally(employee.changes)).toMatchObject({ assets: 2 + (await roomKeysOf(U.employee)).length, custody_events: 2 })
    const cleaner = await pullAll(db, U.cleaner, null)
    expect(tally(cleaner.changes)).toMatchObject({ assets: (await roomKeysOf(U.cleaner)).length })
    expect(tally(cleaner.changes)).not.toHaveProperty('custody_events')
    const row = employee.changes.find((c) => c.table === 'assets' && c.id === A.heldUniform)?.row
    expect(row).toMatchObject({ id: A.heldUniform, kind: 'uniform', status: 'checked_out', holder_id: U.employee, keeper_role: 'asset_keeper' })
    expect(row).not.toHaveProperty('row_xid')
    expect(SEEDED.every((id) => admin.changes.some((c) => c.table === 'assets' && c.id === id))).toBe(true)
  })

  it('small pages cover the same rows as one big page', async () => {
    const whole = await pull(db, U.adminHead, null, 2000)
    const { changes } = await pullAll(db, U.adminHead, null, 7)
    const key = (c: PulledChange) => `${c.table}:${c.id}`
    expect(changes.map(key)).toEqual(whole.changes.map(key))
    expect(new Set(changes.map(key)).size).toBe(changes.length)
  })

  it('an event re-sends the asset (and a newly flagged event) to devices that hold a cursor', async () => {
    const { cursor } = await pullAll(db, U.employee, null)
    await record(db, U.assetKeeper, A.heldUniform, 'check_in', { condition: 'worn' })
    const page = await pull(db, U.employee, cursor)
    // The employee handed it back: the asset's new state still reaches its phone.
    expect(page.changes.find((c) => c.table === 'assets')).toMatchObject({ id: A.heldUniform, row: { status: 'in_stock', holder_id: null, condition: 'worn' } })
  })

  it('a deleted asset arrives as a tombstone', async () => {
    const id = await createAsset(db, 'equipment')
    const { cursor } = await pullAll(db, U.assetKeeper, null)
    await db.query('update public.assets set deleted_at = now() where id = $1', [id])
    const page = await pull(db, U.assetKeeper, cursor)
    expect(page.changes).toEqual([{ table: 'assets', id, row: null, deleted: true }])
  })
})

describe('authz helpers', () => {
  it('are security definer with an empty search_path; anon cannot run them; not RPCs in public', async () => {
    const rows = await db.query<{ fn: string; secdef: boolean; config: string[] | null; anon: boolean; authn: boolean }>(
      `select p.proname as fn, p.prosecdef as secdef, p.proconfig as config,
              has_function_privilege('anon', p.oid, 'execute') as anon,
              has_function_privilege('authenticated', p.oid, 'execute') as authn
       from pg_proc p where p.pronamespace = 'authz'::regnamespace order by 1`,
    )
    // custody's two, the requests engine's scopes, the dormitories' two, the phone numbers' rule (issue 8, point 5),
    // company-wide roles and the audit log's row rule (issue 8, point 4), the role helpers moved out of public (point 8),
    // who may read a photo's owner record (the photo-owner registry), and the pull cursor's 'who' (what the
    // caller may see, called by sync_pull, which runs as the caller and cannot reach private).
    expect(rows.map((r) => r.fn)).toEqual([
      'audit_row_visible',
      'current_user_site_ids',
      'has_any_role',
      'has_company_role',
      'has_role',
      'has_role_at',
      'my_asset_scopes',
      'my_delegated_scopes',
      'my_dorm_buildings',
      'my_dorm_rooms',
      'my_involved_asset_ids',
      'my_role_scopes',
      'photo_visible',
      'profile_phone',
      'sync_pull_who',
    ])
    // audit_row_visible asks the audited table as the reader (its RLS decides), and sync_pull_who reads the
    // caller's own roles as sync_pull always did: security invoker on purpose.
    const invoker = ['audit_row_visible', 'sync_pull_who']
    for (const r of rows) {
      expect(r, r.fn).toMatchObject({ secdef: !invoker.includes(r.fn), config: ['search_path=""'], anon: false, authn: true })
    }
    const [s] = await db.query<{ anon: boolean }>(`select has_schema_privilege('anon', 'authz', 'usage') as anon`)
    expect(s?.anon).toBe(false)
  })

  it('every custody table has RLS, select-only for clients', async () => {
    const rows = await db.query<{ t: string; rls: boolean; ins: boolean; upd: boolean; del: boolean; sel: boolean }>(
      `select c.relname as t, c.relrowsecurity as rls,
              has_table_privilege('authenticated', c.oid, 'insert') as ins,
              has_table_privilege('authenticated', c.oid, 'update') as upd,
              has_table_privilege('authenticated', c.oid, 'delete') as del,
              has_table_privilege('authenticated', c.oid, 'select') as sel
       from pg_class c where c.oid = any (array['public.assets', 'public.asset_labels', 'public.custody_events',
         'public.seal_usages', 'public.photos']::regclass[]) order by 1`,
    )
    expect(rows).toHaveLength(5)
    for (const r of rows) expect(r, r.t).toMatchObject({ rls: true, ins: false, upd: false, del: false, sel: true })
  })
})
