import '../../components/support/vantCss'
import { describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, START_LOCATION, type RouteLocationNormalized } from 'vue-router'
import demo from '@/platform/demo/demo-company.json'
import { useSessionStore } from '@/features/auth'
import { createAppRouter, createAppRouterInStages } from '@/app/router'
import { freshDb } from '../features/testDb'

const userFor = (role: string) => demo.users.find((u) => u.roles.includes(role))!.id

async function setup(role: string) {
  setActivePinia(createPinia())
  const session = useSessionStore()
  const db = freshDb()
  await session.init(db)
  await session.switchLocalUser(userFor(role))
  await session.identityReady()
  const router = createAppRouter(createMemoryHistory())
  return { session, router, db }
}

describe('route guard (local mode)', () => {
  it('starts as the head of administration on a fresh device', async () => {
    setActivePinia(createPinia())
    const session = useSessionStore()
    await session.init(freshDb())
    await session.identityReady()
    expect(session.mode).toBe('local')
    expect(session.userId).toBe(userFor('admin_head'))
    expect(session.roles).toEqual(['admin_head'])
    expect(session.tabs).toEqual(['home', 'scan', 'work', 'me'])
  })

  it('lets the head of administration open the departments page', async () => {
    const { router } = await setup('admin_head')
    await router.push('/admin/departments')
    expect(router.currentRoute.value.name).toBe('adminDepartments')
  })

  it('sends an employee to Home from a page that is not theirs', async () => {
    const { router } = await setup('employee')
    await router.push('/admin/departments')
    expect(router.currentRoute.value.name).toBe('home')
    await router.push('/scan')
    expect(router.currentRoute.value.name).toBe('home')
    await router.push('/work')
    expect(router.currentRoute.value.name).toBe('work')
  })

  it('keeps signed-in users off the sign-in page and unknown paths go Home', async () => {
    const { router } = await setup('driver')
    await router.push('/sign-in')
    expect(router.currentRoute.value.name).toBe('home')
    await router.push('/no/such/page')
    expect(router.currentRoute.value.name).toBe('home')
  })

  it('follows a role switch', async () => {
    const { session, router } = await setup('employee')
    await session.switchLocalUser(userFor('admin_head'))
    await session.identityReady()
    await router.push('/admin/departments')
    expect(router.currentRoute.value.name).toBe('adminDepartments')
  })

  it('keeps a site-scoped admin head off the company-wide pages (rules, templates); the ledger still opens', async () => {
    const { session, router, db } = await setup('admin_head')
    await router.push('/rewards/rules')
    expect(router.currentRoute.value.name).toBe('rewardRules')
    await router.push('/work')
    const site = demo.sites[0]!.id
    await db.user_roles.where('user_id').equals(userFor('admin_head')).modify({ site_id: site })
    await vi.waitFor(() => expect(session.companyRoles).toEqual([]))
    expect(session.roles).toEqual(['admin_head'])
    for (const path of ['/rewards/rules', '/rewards/rules/new', '/templates']) {
      await router.push(path)
      expect(router.currentRoute.value.name, path).toBe('home')
    }
    await router.push('/rewards/ledger')
    expect(router.currentRoute.value.name).toBe('ledger')
    await router.push('/admin/departments')
    expect(router.currentRoute.value.name).toBe('adminDepartments')
  })
})

describe('scroll on navigation', () => {
  it('does not scroll on the first navigation when there is nothing to restore (a forced layout for nothing)', () => {
    const router = createAppRouter(createMemoryHistory())
    const scroll = router.options.scrollBehavior!
    // Resolved locations stand in for the normalized ones the router passes (same fields used).
    const home = router.resolve('/') as RouteLocationNormalized
    const work = router.resolve('/work') as RouteLocationNormalized
    expect(scroll(home, START_LOCATION, null)).toBe(false)
    // Any later navigation opens the next page at its top, as before.
    expect(scroll(work, home, null)).toEqual({ top: 0 })
    expect(scroll(home, work, { left: 0, top: 300 })).toEqual({ top: 0 })
  })
})

describe('the router start-up builds', () => {
  it('has the whole route table, built in stages, before it is installed', async () => {
    const staged = await createAppRouterInStages()
    const whole = createAppRouter(createMemoryHistory())
    const table = (router: typeof whole) => router.getRoutes().map((r) => `${String(r.name)} ${r.path}`).sort()
    expect(table(staged)).toEqual(table(whole))
    expect(staged.resolve('/no/such/page').matched.length).toBe(1) // The catch-all is in.
  })
})
