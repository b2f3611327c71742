import '../../../components/support/vantCss'
import { describe, expect, it } from 'vitest'
import { ROLES } from '@/features/auth/domain/roles'
import { canAccess, decideNavigation, primaryRole, safeNextPath, tabsForRoles } from '@/features/auth/domain/access'
import { routes } from '@/app/router/routes'

describe('tabsForRoles', () => {
  it('gives the executive and the head of administration all four tabs', () => {
    expect(tabsForRoles(['executive'])).toEqual(['home', 'scan', 'work', 'me'])
    expect(tabsForRoles(['admin_head'])).toEqual(['home', 'scan', 'work', 'me'])
  })

  it('gives an employee Home, Work and Me but no scanner', () => {
    expect(tabsForRoles(['employee'])).toEqual(['home', 'work', 'me'])
  })

  it('always has Home and Me, even without roles', () => {
    expect(tabsForRoles([])).toEqual(['home', 'work', 'me'])
    for (const role of ROLES) {
      const tabs = tabsForRoles([role])
      expect(tabs[0]).toBe('home')
      expect(tabs.at(-1)).toBe('me')
    }
  })

  it('unions the tabs of several roles', () => {
    expect(tabsForRoles(['employee', 'driver'])).toContain('scan')
  })
})

describe('canAccess', () => {
  it('allows routes without a role list to everyone', () => {
    expect(canAccess(undefined, [])).toBe(true)
    expect(canAccess('all', ['employee'])).toBe(true)
  })

  it('needs one of the listed roles', () => {
    expect(canAccess(['admin_head'], ['employee'])).toBe(false)
    expect(canAccess(['admin_head'], ['employee', 'admin_head'])).toBe(true)
    expect(canAccess(['admin_head'], [])).toBe(false)
  })
})

describe('decideNavigation', () => {
  const base = { isPublic: false, signedIn: true, allowed: undefined, held: ['employee'] as const, targetName: 'me' }

  it('sends signed-out users to sign-in', () => {
    expect(decideNavigation({ ...base, signedIn: false })).toEqual({ allow: false, redirect: 'signIn' })
  })

  it('lets anyone open public routes, but sends a signed-in user away from sign-in', () => {
    expect(decideNavigation({ ...base, isPublic: true, signedIn: false, targetName: 'signIn' })).toEqual({ allow: true })
    expect(decideNavigation({ ...base, isPublic: true, targetName: 'signIn' })).toEqual({ allow: false, redirect: 'home' })
  })

  it('sends a user to Home when the route is not for their role', () => {
    expect(decideNavigation({ ...base, allowed: ['admin_head'], targetName: 'adminDepartments' })).toEqual({
      allow: false,
      redirect: 'home',
    })
    expect(decideNavigation({ ...base, allowed: ['admin_head'], held: ['admin_head'], targetName: 'adminDepartments' })).toEqual({
      allow: true,
    })
  })

  it('never redirects Home to itself', () => {
    expect(decideNavigation({ ...base, allowed: ['admin_head'], targetName: 'home' })).toEqual({ allow: true })
  })
})

describe('route table', () => {
  const byName = new Map(routes.filter((r) => typeof r.name === 'string').map((r) => [r.name as string, r]))

  it('declares roles on every signed-in route, and lazy-loads every page', () => {
    for (const route of routes) {
      if (route.redirect) continue
      expect(typeof route.component, String(route.name)).toBe('function')
      if (!route.meta?.public) expect(route.meta?.roles, String(route.name)).toBeDefined()
    }
  })

  it('keeps the departments admin page to the head of administration', () => {
    const allowed = byName.get('adminDepartments')?.meta?.roles
    for (const role of ROLES) expect(canAccess(allowed, [role])).toBe(role === 'admin_head')
  })

  it('matches each tab route to the tab rules', () => {
    for (const role of ROLES) {
      const tabs = tabsForRoles([role])
      for (const tab of ['home', 'scan', 'work', 'me'] as const) {
        expect(canAccess(byName.get(tab)?.meta?.roles, [role]), `${role} ${tab}`).toBe(tabs.includes(tab))
      }
    }
  })
})

describe('primaryRole', () => {
  it('picks the first held role in ROLES order', () => {
    expect(primaryRole(['employee', 'admin_head'])).toBe('admin_head')
    expect(primaryRole([])).toBeNull()
  })
})

describe('safeNextPath', () => {
  it('continues to an in-app path after sign-in', () => {
    expect(safeNextPath('/a/7Z3K9M2Q8W4R1T6YA')).toBe('/a/7Z3K9M2Q8W4R1T6YA')
    expect(safeNextPath('/assets?kind=seal')).toBe('/assets?kind=seal')
  })
  it('never leaves the app or loops back to sign-in', () => {
    for (const bad of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'assets', '', undefined, ['/a'], '/sign-in?next=/x']) {
      expect(safeNextPath(bad)).toBeNull()
    }
  })
})
