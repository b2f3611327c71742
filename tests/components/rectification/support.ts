import { mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router'
import { useSessionStore } from '@/features/auth'
import { appPlugins } from '../support/mountApp'

/** Mounts `routes` at `path`, signed in as `userId` with `roles`. */
/** `siteId`: the roles are held at that site only (null = company-wide, the default). */
export async function mountAt(path: string, routes: RouteRecordRaw[], userId: string, roles: string[], siteId: string | null = null) {
  const { plugins } = appPlugins()
  const session = useSessionStore()
  session.$patch({ userId, grants: roles.map((role) => ({ role: role as never, siteId })), identityLoaded: true })
  const router = createRouter({ history: createMemoryHistory(), routes: [...routes, { path: '/', name: 'home', component: { template: '<div />' } }] })
  await router.push(path)
  const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [...plugins, router] }, attachTo: document.body })
  return { wrapper, router }
}

export { until } from '../support/until'
