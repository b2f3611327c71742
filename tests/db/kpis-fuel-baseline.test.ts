// A vehicle's fuel baseline (issue 14, fuel_within_baseline): only the fleet manager or the admin head
// of its site sets it, through the validated op vehicle_fuel_baseline.set; who and when are kept on the
// vehicle and every earlier value in the audit log; null returns to the 90-day median.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { op } from './support/tasks'
import { createAsset } from './support/custody'

let db: TestDb
let vehicle: string
let seal: string
const U = DEMO.users as Record<string, string>

beforeAll(async () => {
  db = await openTestDb()
  vehicle = await createAsset(db, 'vehicle')
  seal = await createAsset(db, 'seal')
}, 120_000)
afterAll(() => db?.close())

const set = (user: string, payload: Record<string, unknown>, id = vehicle) => op(db, user, 'vehicle_fuel_baseline.set', payload, undefined, id)
const row = async () =>
  (await db.query<{ b: string | null; by: string | null; at: string | null }>(
    'select fuel_baseline_l100km::text as b, fuel_baseline_set_by as by, fuel_baseline_set_at::text as at from public.assets where id = $1',
    [vehicle],
  ))[0]!

describe('vehicle_fuel_baseline.set', () => {
  it('refuses anyone but the fleet manager and the admin head, and values out of range or form', async () => {
    expect(await set(U.employee!, { baseline: 8.5 })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await set(U.driver!, { baseline: 8.5 })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    for (const bad of [0, 100, 8.555, '8.5', -1]) expect(await set(U.fleetManager!, { baseline: bad }), String(bad)).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await set(U.fleetManager!, {})).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await set(U.fleetManager!, { baseline: 8, extra: 1 })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await set(U.fleetManager!, { baseline: 8 }, seal)).toMatchObject({ status: 'refused', reason: 'not_found' })
    expect((await row()).b).toBeNull()
  })

  it('keeps who and when; the admin head may change it; null returns to the median; the history is in the audit log', async () => {
    expect(await set(U.fleetManager!, { baseline: 8.5 })).toMatchObject({ status: 'applied' })
    expect(await row()).toMatchObject({ b: '8.50', by: U.fleetManager })
    expect((await row()).at).not.toBeNull()
    expect(await set(U.adminHead!, { baseline: 9.25 })).toMatchObject({ status: 'applied' })
    expect(await row()).toMatchObject({ b: '9.25', by: U.adminHead })
    expect(await set(U.fleetManager!, { baseline: null })).toMatchObject({ status: 'applied' })
    expect(await row()).toMatchObject({ b: null, by: U.fleetManager })
    const history = await db.query<{ b: string | null; actor: string }>(
      `select new_row ->> 'fuel_baseline_l100km' as b, actor from public.audit_log where table_name = 'assets' and row_id = $1 and action = 'update'
         and (old_row -> 'fuel_baseline_l100km') is distinct from (new_row -> 'fuel_baseline_l100km') order by id`,
      [vehicle],
    )
    expect(history.map((h) => [h.b === null ? null : Number(h.b), h.actor])).toEqual([
      [8.5, U.fleetManager],
      [9.25, U.adminHead],
      [null, U.fleetManager],
    ])
  })

  it('the fleet manager sees the baseline on the vehicle row they pull (RLS)', async () => {
    const seen = await db.asUser(U.fleetManager!, (q) => q<{ id: string }>('select id from public.assets where id = $1 and fuel_baseline_set_by is not null', [vehicle]))
    expect(seen).toHaveLength(1)
  })
})
