// Who reads the vehicles tables (issue 5 "RLS"), what sync_pull sends of them, their photos
// (photo.register and Storage), and the seed's pre-trip template, renewal rules and history.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PRETRIP_TEMPLATE_ID, VEHICLE_PRETRIP_V1 } from '@/features/vehicles/domain/preTrip'
import { allItems, scoreInspection, type TemplateVersion } from '@/features/inspections/domain'
import { makeUser } from './support/checklists'
import { SZ, createAsset, record } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, pullAll, push } from './support/sync'

let db: TestDb
const U = DEMO.users
const TABLES = ['trips', 'fuel_logs', 'vehicle_checks', 'maintenance_requests', 'accidents', 'renewal_rules', 'vehicle_states'] as const
const PRETRIP = { id: PRETRIP_TEMPLATE_ID, ...VEHICLE_PRETRIP_V1 } as TemplateVersion & { id: string }

let driver2: string
let szDriver: string
let szFleet: string
let vH: string // HQ vehicle the demo driver holds
let vH2: string // HQ vehicle nobody holds
let vS: string // SZ vehicle
const made: Record<string, string> = {}

async function op(user: string, kind: string, id: string, payload: Record<string, unknown>) {
  const [r] = await push(db, user, [makeOp(kind, id, payload)])
  if (r?.status !== 'applied' && r?.status !== 'flagged') throw new Error(`${kind}: ${JSON.stringify(r)}`)
  return id
}
const fuel = (vehicle_id: string) => ({
  vehicle_id, filled_at: new Date().toISOString(), odometer_km: 5000, litres: 30, unit_price: 8, amount: 240,
  full_tank: true, missed_previous: false, photo_ids: [], status: 'complete',
})
const trip = (vehicle_id: string) => ({
  vehicle_id, started_at: new Date().toISOString(), purpose: '公务', destination: '客户处', odometer_start: 5000,
})
function check(vehicle_id: string) {
  const answers = allItems(PRETRIP).map((i) => ({ item_key: i.key, result: i.key === 'mirrors' ? 'fail' : 'pass', photo_ids: [randomUUID()] }))
  const s = scoreInspection(PRETRIP, answers)
  const now = new Date().toISOString()
  return {
    vehicle_id, template_id: PRETRIP.id, started_at: now, submitted_at: now, answers, score: s.percent, grade: s.grade,
    critical_failed: s.critical_failed, maintenance_request_ids: s.failed_items.map((f) => ({ id: randomUUID(), item_key: f.key })),
  }
}
const accident = (vehicle_id: string) => ({
  vehicle_id, occurred_at: new Date().toISOString(), place: '停车场', description: '倒车剐蹭', photo_ids: [],
})

beforeAll(async () => {
  db = await openTestDb()
  driver2 = await makeUser(db, 'driver', null, 'driver2')
  szDriver = await makeUser(db, 'driver', SZ, 'sz-driver')
  szFleet = await makeUser(db, 'fleet_manager', SZ, 'sz-fleet')
  vH = await createAsset(db, 'vehicle')
  vH2 = await createAsset(db, 'vehicle')
  vS = await createAsset(db, 'vehicle', { site_id: SZ })
  await record(db, U.fleetManager, vH, 'check_out', { to_person: U.driver, due_at: null, purpose: '出车', condition: 'good' })

  made.fuelMine = await op(U.driver, 'fuel.record', randomUUID(), fuel(vH))
  made.fuelOther = await op(driver2, 'fuel.record', randomUUID(), fuel(vH2))
  made.fuelSz = await op(szDriver, 'fuel.record', randomUUID(), fuel(vS))
  made.tripMine = await op(U.driver, 'trip.start', randomUUID(), trip(vH))
  made.tripOther = await op(driver2, 'trip.start', randomUUID(), trip(vH2))
  made.tripSz = await op(szDriver, 'trip.start', randomUUID(), trip(vS))
  const c = check(vH)
  made.checkMine = await op(U.driver, 'vehicle_check.submit', randomUUID(), c)
  made.checkRequest = c.maintenance_request_ids[0]?.id as string
  made.checkOther = await op(driver2, 'vehicle_check.submit', randomUUID(), check(vH2))
  made.accidentMine = await op(U.driver, 'accident.report', randomUUID(), accident(vH))
  made.accidentSz = await op(szDriver, 'accident.report', randomUUID(), accident(vS))
  made.repairOther = await op(driver2, 'maintenance.request', randomUUID(), { vehicle_id: vH, description: '雨刮异响', urgency: 'low', photo_ids: [] })
  made.ruleH = await op(U.fleetManager, 'renewal_rule.upsert', randomUUID(), { vehicle_id: vH, kind: 'insurance', every_months: 12 })
  made.ruleS = await op(szFleet, 'renewal_rule.upsert', randomUUID(), { vehicle_id: vS, kind: 'insurance', every_months: 12 })
})
afterAll(() => db?.close())

const visible = async (user: string, table: string) =>
  (await db.asUser(user, (q) => q<{ id: string }>(`select id from public.${table}`))).map((r) => r.id).sort()
const all = async (table: string) => (await db.query<{ id: string }>(`select id from public.${table}`)).map((r) => r.id).sort()

describe('RLS', () => {
  it('a driver sees its own fuel logs, trips, checks and reports, not another driver\'s', async () => {
    const cases: [string, string, string[]][] = [
      ['fuel_logs', made.fuelMine!, [made.fuelOther!, made.fuelSz!]],
      ['trips', made.tripMine!, [made.tripOther!, made.tripSz!]],
      ['vehicle_checks', made.checkMine!, [made.checkOther!]],
      ['accidents', made.accidentMine!, [made.accidentSz!]],
    ]
    for (const [table, mine, others] of cases) {
      const seen = await visible(U.driver, table)
      expect(seen, table).toContain(mine)
      for (const o of others) expect(seen, table).not.toContain(o)
      expect(await visible(driver2, table), table).not.toContain(mine)
    }
  })

  it('the vehicles a driver may use (holds): their state, renewal rules and repairs, also those others asked for', async () => {
    expect(await visible(U.driver, 'vehicle_states')).toContain(vH)
    expect(await visible(U.driver, 'vehicle_states')).not.toContain(vS)
    expect(await visible(U.driver, 'renewal_rules')).toContain(made.ruleH)
    expect(await visible(U.driver, 'renewal_rules')).not.toContain(made.ruleS)
    // The defaults (no vehicle) reach every driver.
    expect(await visible(driver2, 'renewal_rules')).toEqual(expect.arrayContaining(['a9000000-0000-4000-8000-000000000001']))
    expect(await visible(U.driver, 'maintenance_requests')).toEqual(expect.arrayContaining([made.checkRequest, made.repairOther]))
    // driver2 asked for that repair: it sees its request, not the vehicle's state.
    expect(await visible(driver2, 'maintenance_requests')).toContain(made.repairOther)
    expect(await visible(driver2, 'maintenance_requests')).not.toContain(made.checkRequest)
    expect(await visible(driver2, 'vehicle_states')).not.toContain(vH)
  })

  it('the fleet manager sees everything of its site; a site-scoped one nothing of another site', async () => {
    for (const table of ['fuel_logs', 'trips', 'vehicle_checks', 'accidents', 'maintenance_requests', 'vehicle_states', 'renewal_rules']) {
      expect(await visible(U.fleetManager, table), table).toEqual(await all(table))
    }
    expect(await visible(szFleet, 'fuel_logs')).toEqual([made.fuelSz])
    expect(await visible(szFleet, 'trips')).toEqual([made.tripSz])
    expect(await visible(szFleet, 'accidents')).toEqual([made.accidentSz])
    expect(await visible(szFleet, 'vehicle_states')).toEqual([vS])
  })

  it('the head and the executive see all; an employee sees none', async () => {
    for (const table of TABLES) {
      expect(await visible(U.adminHead, table), table).toEqual(await all(table))
      expect(await visible(U.executive, table), table).toEqual(await all(table))
      expect(await visible(U.employee, table), table).toEqual([])
    }
  })

  it('the definer-side check (photo.register) agrees with the policies, user by user', async () => {
    const tables = ['trips', 'fuel_logs', 'vehicle_checks', 'accidents', 'maintenance_requests']
    for (const user of [...Object.values(U), driver2, szDriver, szFleet]) {
      await db.query(`select set_config('request.jwt.claims', $1, false)`, [JSON.stringify({ sub: user, role: 'authenticated' })])
      const definer: Record<string, string[]> = {}
      for (const t of tables) {
        definer[t] = (await db.query<{ id: string }>(`select t.id from public.${t} t where private.can_see_vehicle_record('${t}', t.id)`)).map((r) => r.id).sort()
      }
      await db.query(`select set_config('request.jwt.claims', '', false)`)
      for (const t of tables) expect(definer[t], `${t} as ${user}`).toEqual(await visible(user, t))
    }
  })

  it('clients cannot write the tables, not even the fleet manager', async () => {
    await expect(db.asUser(U.fleetManager, (q) => q(`update public.vehicle_states set out_of_service = false where id = $1`, [vH]))).rejects.toThrow(/permission denied/)
    await expect(db.asUser(U.driver, (q) => q(`update public.fuel_logs set status = 'draft' where id = $1`, [made.fuelMine]))).rejects.toThrow(/permission denied/)
    await expect(db.asUser(U.driver, (q) => q(`insert into public.trips (id) values ($1)`, [randomUUID()]))).rejects.toThrow(/permission denied/)
  })
})

describe('sync_pull', () => {
  it('sends the vehicles tables as RLS allows, without row_xid', async () => {
    const { changes } = await pullAll(db, U.driver, null)
    const tables = new Set(changes.map((c) => c.table))
    for (const t of TABLES) expect(tables.has(t), t).toBe(true)
    const ids = changes.map((c) => c.id)
    expect(ids).toEqual(expect.arrayContaining([made.fuelMine, made.tripMine, made.checkMine, made.accidentMine, vH]))
    expect(ids).not.toContain(made.fuelOther)
    const state = changes.find((c) => c.table === 'vehicle_states' && c.id === vH)
    expect(state?.row).toMatchObject({ id: vH, out_of_service: false, active_trip_id: made.tripMine })
    expect(state?.row).not.toHaveProperty('row_xid')
    const fuelRow = changes.find((c) => c.id === made.fuelMine)?.row
    expect(Object.keys(fuelRow ?? {}).sort()).toEqual([
      'amount', 'created_at', 'deleted_at', 'driver_id', 'filled_at', 'fuel_card', 'fuel_type', 'full_tank', 'id', 'litres',
      'missed_previous', 'odometer_km', 'photo_ids', 'station', 'status', 'unit_price', 'updated_at', 'vehicle_id',
    ])
    const emp = await pullAll(db, U.employee, null)
    for (const t of TABLES) expect(emp.changes.filter((c) => c.table === t), t).toEqual([])
  })
})

describe('photos of the vehicle tables', () => {
  const meta = (owner_table: string, owner_id: string) => ({
    owner_table, owner_id, mime: 'image/jpeg', bytes: 90_000, width: 1200, height: 1600, taken_at: new Date().toISOString(),
  })
  const register = async (user: string, owner_table: string, owner_id: string, id = randomUUID()) => {
    const [r] = await push(db, user, [makeOp('photo.register', id, meta(owner_table, owner_id))])
    return { ...r, id }
  }
  const upload = (user: string, name: string) =>
    db.asUser(user, (q) => q(`insert into storage.objects (bucket_id, name, owner) values ('photos', $1, $2)`, [name, user]))
  const canRead = async (user: string, name: string) =>
    (await db.asUser(user, (q) => q(`select 1 from storage.objects where bucket_id = 'photos' and name = $1`, [name]))).length === 1

  it('a receipt photo of a draft fill-up: registered, uploaded by its driver, read by the fleet manager only', async () => {
    const draft = await op(U.driver, 'fuel.record', randomUUID(), { ...fuel(vH), litres: null, unit_price: null, amount: null, status: 'draft' })
    const p = await register(U.driver, 'fuel_logs', draft)
    expect(p.status).toBe('applied')
    expect(await db.query('select storage_path, taken_by from public.photos where id = $1', [p.id])).toEqual([{ storage_path: `fuel_logs/${p.id}.jpg`, taken_by: U.driver }])
    expect((await register(driver2, 'fuel_logs', draft)).status).toBe('refused')
    expect(await register(U.driver, 'fuel_logs', randomUUID())).toMatchObject({ status: 'refused', reason: 'not_found' })
    await upload(U.driver, `fuel_logs/${p.id}.jpg`)
    expect(await canRead(U.fleetManager, `fuel_logs/${p.id}.jpg`)).toBe(true)
    expect(await canRead(driver2, `fuel_logs/${p.id}.jpg`)).toBe(false)
    expect(await canRead(szFleet, `fuel_logs/${p.id}.jpg`)).toBe(false)
    await expect(upload(driver2, `fuel_logs/${randomUUID()}.jpg`)).rejects.toThrow(/row-level security/)
  })

  it('check, repair and accident photos follow their records', async () => {
    for (const [table, id] of [['vehicle_checks', made.checkMine], ['maintenance_requests', made.checkRequest], ['accidents', made.accidentMine]] as const) {
      const p = await register(U.driver, table, id as string)
      expect(p.status, table).toBe('applied')
      expect(await visible(U.fleetManager, 'photos'), table).toContain(p.id)
      expect(await visible(U.employee, 'photos'), table).not.toContain(p.id)
    }
    expect((await register(U.employee, 'accidents', made.accidentMine!)).status).toBe('refused')
  })
})

describe('seed', () => {
  it('has the pre-trip template: the domain\'s VEHICLE_PRETRIP_V1, the demo JSON\'s, and valid', async () => {
    const [row] = await db.query('select id, code, version, name_zh, name_en, sections, grading, active from public.checklist_templates where id = $1', [PRETRIP_TEMPLATE_ID])
    expect(row).toEqual({ id: PRETRIP_TEMPLATE_ID, ...VEHICLE_PRETRIP_V1, active: true })
    expect(DEMO.raw.pretripTemplate).toEqual(row)
    const [v] = await db.query<{ r: unknown }>('select private.checklist_template_json(sections, grading) as r from public.checklist_templates where id = $1', [PRETRIP_TEMPLATE_ID])
    expect(v?.r).toBeTruthy()
    const critical = allItems(PRETRIP).filter((i) => i.critical).map((i) => i.key).sort()
    expect(critical).toEqual(['brakes', 'lights', 'steering', 'tyres'])
  })

  it('has default renewal rules, the demo vehicles\' history and their derived state', async () => {
    expect(await db.query(`select kind, every_km, every_months from public.renewal_rules where vehicle_id is null order by kind`)).toEqual([
      { kind: 'annual_inspection', every_km: null, every_months: 12 },
      { kind: 'insurance', every_km: null, every_months: 12 },
      { kind: 'service', every_km: 10000, every_months: 6 },
    ])
    const gl8 = DEMO.raw.assets.find((a) => a.number === 'VEH-0002')?.id as string
    expect(await db.query(`select last_odometer_km, out_of_service, active_trip_id from public.vehicle_states where id = $1`, [gl8])).toEqual([
      { last_odometer_km: 86420, out_of_service: false, active_trip_id: null },
    ])
    const fills = await db.query<{ ok: boolean }>(
      `select abs(litres * unit_price - amount) <= 0.01 * amount as ok from public.fuel_logs where id::text like 'aa000000-%'`)
    expect(fills).toEqual([{ ok: true }, { ok: true }])
  })
})
