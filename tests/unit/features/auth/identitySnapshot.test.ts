/**
 * The last-known identity (issue 13): the shell and Home paint from it before the device db
 * opens; the db's answer replaces it and is remembered for the next start.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import demo from '@/platform/demo/demo-company.json'
import { useSessionStore } from '@/features/auth'
import { DEFAULT_DEMO_USER_ID, DEMO_SEED_KEY } from '@/features/auth/data/demoSeed'
import { getDb, getMeta } from '@/platform/db'
import { DEMO_DEFAULT_IDENTITY, loadIdentitySnapshot, saveIdentitySnapshot } from '@/features/auth/data/identitySnapshot'

const employee = demo.users.find((u) => u.roles.includes('employee'))!
const employeeSnapshot = {
  userId: employee.id,
  profile: { id: employee.id, displayName: employee.display_name, phone: employee.phone, siteId: employee.site_id, departmentId: employee.department_id },
  grants: [{ role: 'employee' as const, siteId: null }],
}

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})

describe('identity snapshot', () => {
  it('starts a fresh local device as the demo seed’s first user', () => {
    const first = demo.users[0]!
    expect(DEMO_DEFAULT_IDENTITY.userId).toBe(DEFAULT_DEMO_USER_ID)
    expect(DEMO_DEFAULT_IDENTITY.profile).toEqual({ id: first.id, displayName: first.display_name, phone: first.phone, siteId: first.site_id, departmentId: first.department_id })
    expect(DEMO_DEFAULT_IDENTITY.grants.map((g) => g.role)).toEqual(first.roles)
  })

  it('is kept per mode, forgotten on null, and ignored when damaged or naming an unknown role', () => {
    saveIdentitySnapshot('local', employeeSnapshot)
    expect(loadIdentitySnapshot('local')).toEqual(employeeSnapshot)
    expect(loadIdentitySnapshot('supabase')).toBeNull()
    saveIdentitySnapshot('local', null)
    expect(loadIdentitySnapshot('local')).toBeNull()
    localStorage.setItem('adminfield.identity.local', '{not json')
    expect(loadIdentitySnapshot('local')).toBeNull()
    localStorage.setItem('adminfield.identity.local', JSON.stringify({ ...employeeSnapshot, grants: [{ role: 'pirate', siteId: null }] }))
    expect(loadIdentitySnapshot('local')).toBeNull()
  })
})

describe('session start with a last-known identity', () => {
  it('on a fresh device opens every page on the demo default before the seed; the device db answers only after it', async () => {
    const session = useSessionStore()
    let started = false
    void session.init().then(() => (started = true))
    await session.usable(true)
    expect(started).toBe(false)
    expect(session.userId).toBe(DEFAULT_DEMO_USER_ID)
    expect(session.roles).toEqual(['admin_head'])
    // What reads only once the device is ready (Home's to-do sections, the bell) waits for the seed.
    expect(session.deviceReady).toBe(false)
    // Other pages: as soon as the device db holds its queries for the seed, not after the seed.
    await session.usable(false)
    expect(started).toBe(false)
    // A page's first query waits for the seed: it never sees the empty database.
    expect(await getDb().profiles.count()).toBe(demo.users.length)
    await session.init()
    expect(session.deviceReady).toBe(true)
    expect(await getMeta(getDb(), DEMO_SEED_KEY)).toBeTruthy()
  })

  it('shows the snapshot at once, then the device db’s answer, and remembers that', async () => {
    saveIdentitySnapshot('local', employeeSnapshot)
    const session = useSessionStore()
    const usable = session.usable()
    // Before the device db has even loaded: ready, with the last-known user.
    expect(session.status).toBe('ready')
    expect(session.identityLoaded).toBe(true)
    expect(session.userId).toBe(employee.id)
    expect(session.roles).toEqual(['employee'])
    await usable
    // The device has no saved local user yet: the db says the demo head of administration.
    await session.init()
    await expect.poll(() => session.userId).toBe(DEFAULT_DEMO_USER_ID)
    await session.identityReady()
    await expect.poll(() => session.roles).toEqual(['admin_head'])
    expect(session.profile?.displayName).toBe(demo.users[0]!.display_name)
    expect(loadIdentitySnapshot('local')?.userId).toBe(DEFAULT_DEMO_USER_ID)
  })
})
