import { mount } from '@vue/test-utils'
import { expect } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { getDb } from '@/platform/db'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { useSessionStore } from '@/features/auth'
import { assetRoutes } from '@/features/assets/routes'
import { createAsset } from '@/features/assets/data/assetRepository'
import { assetInputSchema } from '@/features/assets/domain/assetSchema'
import demo from '@/platform/demo/demo-company.json'
import { appPlugins } from '../support/mountApp'

export const user = (role: string) => demo.users.find((u) => u.roles.includes(role))!

let n = 100
/** A fresh seal in the shared test database. */
export async function newSeal() {
  await seedDemoCompany(getDb())
  n += 1
  return createAsset(
    getDb(),
    assetInputSchema.parse({
      id: crypto.randomUUID(),
      kind: 'seal',
      number: `SEAL-${String(n).padStart(4, '0')}`,
      name: '合同专用章',
      site_id: demo.sites[0]!.id,
      keeper_id: user('seal_keeper').id,
      details: { seal_type: 'contract', cabinet: 'A-1', enabled_on: '2024-01-01' },
    }),
  )
}

/** Mounts the app's asset routes at `path`, signed in as `userId` with `roles`. */
export async function mountAt(path: string, userId: string, roles: string[]) {
  const { plugins } = appPlugins()
  const session = useSessionStore()
  session.$patch({ userId, grants: roles.map((role) => ({ role: role as never, siteId: null })), identityLoaded: true })
  const router = createRouter({ history: createMemoryHistory(), routes: [...assetRoutes, { path: '/', name: 'home', component: { template: '<div />' } }] })
  await router.push(path)
  const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [...plugins, router] }, attachTo: document.body })
  return { wrapper, router }
}

export { until } from '../support/until'

export { expect }
