import { createRouter, createWebHistory, START_LOCATION, type Router, type RouterHistory, type RouterScrollBehavior, type RouteRecordRaw } from 'vue-router'
import { decideNavigation, useSessionStore } from '@/features/auth'
import { nextTask } from '@/shared/lib/nextTask'
import { routes } from './routes'

/**
 * Each page opens at its top. Not on the first navigation when there is nothing to restore: the
 * document is at its top already, and scrolling there forced a layout of the first page on a slow
 * phone (~25–30 ms in its first render task, issue 13).
 */
const scrollBehavior: RouterScrollBehavior = (_to, from, saved) => (from === START_LOCATION && !saved ? false : { top: 0 })

export function createAppRouter(history: RouterHistory = createWebHistory(), table: RouteRecordRaw[] = routes): Router {
  const router = createRouter({ history, routes: table, scrollBehavior })

  router.beforeEach(async (to) => {
    const session = useSessionStore()
    try {
      // At once with the last-known identity (the device db opens meanwhile), else after start.
      await session.usable(to.meta.beforeSeed === true)
    } catch {
      return true // App shows the start error; nothing to guard.
    }
    // Roles arrive from the device db just after start or a role switch; decide on real roles.
    await session.identityReady()
    const decision = decideNavigation({
      isPublic: to.meta.public === true,
      signedIn: session.signedIn,
      allowed: to.meta.roles,
      held: to.meta.companyWide === true ? session.companyRoles : session.roles,
      targetName: typeof to.name === 'string' ? to.name : undefined,
    })
    if (decision.allow) return true
    // Keep the target (e.g. /a/<token> opened from a label) so sign-in can continue to it.
    const query = decision.redirect === 'signIn' && to.fullPath !== '/' ? { next: to.fullPath } : undefined
    return { name: decision.redirect, replace: true, ...(query ? { query } : {}) }
  })

  return router
}

/**
 * The app's router as start-up builds it (issue 13): the browser history, then the route table in
 * two halves, each in a task of its own (on a slow phone the whole took one task of ~30–40 ms).
 * The table is complete before the router is installed: the first navigation matches all of it.
 */
export async function createAppRouterInStages(): Promise<Router> {
  const history = createWebHistory()
  await nextTask()
  const half = Math.ceil(routes.length / 2)
  const router = createAppRouter(history, routes.slice(0, half))
  await nextTask()
  for (const route of routes.slice(half)) router.addRoute(route)
  return router
}
