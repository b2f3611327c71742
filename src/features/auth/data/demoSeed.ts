/**
 * Local mode: fill the device database with the demo company on first run.
 * Idempotent: meta flags record the seed, and rows that already exist are never overwritten
 * (the user may have renamed a department since). One transaction: a start that ends mid-seed
 * (a reload, a closed tab) leaves nothing behind, and the next start seeds again.
 * Runs in a Web Worker at start-up (demoSeedGate.ts): this module, the demo file and the custody
 * fold are never in the window's chunks.
 */
import { getMeta, setMeta, type AdminFieldDb } from '@/platform/db'
import type { DepartmentRow, ProfileRow, SiteRow, UserRoleRow } from '@/platform/db/rows'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoAssets } from './demoAssets'
import { seedDemoAreas } from './demoAreas'
import { seedDemoDorms } from './demoDorms'
import { DEMO_AREAS_KEY, DEMO_ASSETS_KEY, DEMO_DORMS_KEY, DEMO_SEED_KEY } from './demoSeedFlags'

export { DEMO_AREAS_KEY, DEMO_ASSETS_KEY, DEMO_DORMS_KEY, DEMO_SEED_KEY } from './demoSeedFlags'

/** The demo user a fresh device starts as: the head of administration sees every screen. */
export const DEFAULT_DEMO_USER_ID: string = demo.users[0]?.id ?? ''

/** user_roles ids are not in the demo file; derive a stable one per user and role. */
export function demoUserRoleId(userId: string, index: number): string {
  return `${(0xe0 + index).toString(16)}${userId.slice(2)}`
}

/** Returns true when it seeded, false when the device was already seeded. */
export async function seedDemoCompany(database: AdminFieldDb, now: Date = new Date()): Promise<boolean> {
  const stamp = now.toISOString()
  const base = { updated_at: stamp, deleted_at: null }
  const sites: SiteRow[] = demo.sites.map((s) => ({ ...s, ...base }))
  const departments: DepartmentRow[] = demo.departments.map((d) => ({ ...d, ...base }))
  const profiles: ProfileRow[] = demo.users.map((u) => ({
    id: u.id,
    display_name: u.display_name,
    phone: u.phone,
    site_id: u.site_id,
    department_id: u.department_id,
    ...base,
  }))
  const userRoles: UserRoleRow[] = demo.users.flatMap((u) =>
    u.roles.map((role, i) => ({ id: demoUserRoleId(u.id, i), user_id: u.id, role, site_id: null, ...base })),
  )
  const custodyTables = [database.assets, database.asset_labels, database.custody_events]
  const tables = [database.company, database.sites, database.departments, database.profiles, database.user_roles, database.meta, ...custodyTables, database.areas, database.checklist_templates, database.dorm_buildings, database.dorm_rooms, database.dorm_beds, database.dorm_stays, database.dorm_bed_events]
  return database.transaction('rw', tables, async () => {
    let seeded = false
    if (!(await getMeta<string>(database, DEMO_SEED_KEY))) {
      if (!(await database.company.get(demo.company.id))) await database.company.add({ ...demo.company, ...base })
      await addMissing(database.sites, sites)
      await addMissing(database.departments, departments)
      await addMissing(database.profiles, profiles)
      await addMissing(database.user_roles, userRoles)
      await setMeta(database, DEMO_SEED_KEY, stamp)
      seeded = true
    }
    // Its own flag: devices seeded before the demo had assets get them once too.
    if (!(await getMeta<string>(database, DEMO_ASSETS_KEY))) {
      await seedDemoAssets(database, now)
      await setMeta(database, DEMO_ASSETS_KEY, stamp)
      seeded = true
    }
    if (!(await getMeta<string>(database, DEMO_AREAS_KEY))) {
      await seedDemoAreas(database, now)
      await setMeta(database, DEMO_AREAS_KEY, stamp)
      seeded = true
    }
    if (!(await getMeta<string>(database, DEMO_DORMS_KEY))) {
      await seedDemoDorms(database, now)
      await setMeta(database, DEMO_DORMS_KEY, stamp)
      seeded = true
    }
    return seeded
  })
}

interface KeyedTable<R extends { id: string }> {
  bulkGet(keys: string[]): Promise<(R | undefined)[]>
  bulkAdd(rows: readonly R[]): Promise<unknown>
}

async function addMissing<R extends { id: string }>(table: KeyedTable<R>, rows: R[]): Promise<void> {
  const existing = await table.bulkGet(rows.map((r) => r.id))
  const missing = rows.filter((_, i) => existing[i] === undefined)
  if (missing.length > 0) await table.bulkAdd(missing)
}
