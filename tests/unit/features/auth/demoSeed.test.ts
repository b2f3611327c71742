import { describe, expect, it } from 'vitest'
import demo from '@/platform/demo/demo-company.json'
import { DEMO_SEED_KEY, seedDemoCompany } from '@/features/auth/data/demoSeed'
import { loadDirectory, loadIdentity } from '@/features/auth/data/identityRepository'
import { ROLES } from '@/features/auth/domain/roles'
import { getMeta } from '@/platform/db'
import { freshDb } from '../testDb'

describe('seedDemoCompany', () => {
  it('fills company, sites, departments, profiles and one role per demo user', async () => {
    const db = freshDb()
    expect(await seedDemoCompany(db)).toBe(true)
    expect(await db.company.count()).toBe(1)
    expect(await db.sites.count()).toBe(demo.sites.length)
    expect(await db.departments.count()).toBe(demo.departments.length)
    expect(await db.profiles.count()).toBe(demo.users.length)
    const roles = await db.user_roles.toArray()
    expect(roles.map((r) => r.role).sort()).toEqual([...ROLES].sort())
    expect(new Set(roles.map((r) => r.id)).size).toBe(roles.length)
    expect(await getMeta(db, DEMO_SEED_KEY)).toBeTypeOf('string')
    // Seeding writes no outbox entries: demo data is not a user's change.
    expect(await db.outbox.count()).toBe(0)
  })

  it('is idempotent and never overwrites what the user changed since', async () => {
    const db = freshDb()
    await seedDemoCompany(db)
    const dept = demo.departments[0]!
    await db.departments.update(dept.id, { name: 'Renamed' })
    expect(await seedDemoCompany(db)).toBe(false)
    expect(await seedDemoCompany(db)).toBe(false)
    expect(await db.departments.count()).toBe(demo.departments.length)
    expect((await db.departments.get(dept.id))?.name).toBe('Renamed')
    expect(await db.user_roles.count()).toBe(demo.users.length)
  })

  it('runs safely twice at once (two tabs starting together)', async () => {
    const db = freshDb()
    const results = await Promise.all([seedDemoCompany(db), seedDemoCompany(db)])
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await db.profiles.count()).toBe(demo.users.length)
  })

  it('gives each demo user their profile and role', async () => {
    const db = freshDb()
    await seedDemoCompany(db)
    const head = demo.users[0]!
    const identity = await loadIdentity(db, head.id)
    expect(identity.profile?.displayName).toBe(head.display_name)
    expect(identity.grants.map((g) => g.role)).toEqual(['admin_head'])
    const directory = await loadDirectory(db)
    expect(directory).toHaveLength(demo.users.length)
  })
})
