// Ids of the demo company (src/platform/demo/demo-company.json), named for tests.
import demoCompany from '../../../src/platform/demo/demo-company.json'

export type DemoUserKey =
  | 'adminHead' | 'executive' | 'sealKeeper' | 'assetKeeper' | 'driver'
  | 'fleetManager' | 'cleaner' | 'inspector' | 'dormManager' | 'employee'

const camel = (role: string): string => role.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())

function usersByFirstRole(): Record<DemoUserKey, string> {
  const out: Partial<Record<DemoUserKey, string>> = {}
  for (const u of demoCompany.users) {
    const role = u.roles[0]
    if (role) out[camel(role) as DemoUserKey] = u.id
  }
  return out as Record<DemoUserKey, string>
}

function idsByCode(rows: { id: string; code: string }[]): Record<string, string> {
  return Object.fromEntries(rows.map((r) => [r.code, r.id]))
}

export const DEMO = {
  company: demoCompany.company.id,
  password: demoCompany.demoPassword,
  /** user id by role, e.g. DEMO.users.adminHead */
  users: usersByFirstRole(),
  /** site id by code: 'SH-HQ', 'SZ-PLANT' */
  sites: idsByCode(demoCompany.sites),
  /** department id by code: 'ADM', 'FIN', 'HR', 'PRD', 'LOG' */
  departments: idsByCode(demoCompany.departments),
  /** the raw JSON, for tests that compare against it */
  raw: demoCompany,
}
