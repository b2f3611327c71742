// Issue #12: the role switcher is found without scrolling: in local mode it sits right under the
// profile, above the sync status, the attention list, notifications and language.
import '../support/vantCss'
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { getDb } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { useSessionStore } from '@/features/auth'
import MePage from '@/features/me/pages/MePage.vue'
import { appPlugins } from '../support/mountApp'
import { until } from '../support/until'

describe('Me page in local mode', () => {
  it('shows the role switcher before the sync status and everything else below the profile', async () => {
    await seedDemoCompany(getDb())
    const { plugins } = appPlugins()
    const session = useSessionStore()
    session.userId = demo.users[4]!.id
    const stub = { template: '<div />' }
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/me', name: 'me', component: MePage }, { path: '/:rest(.*)*', name: 'other', component: stub }] })
    await router.push('/me')
    const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [...plugins, router] }, attachTo: document.body })
    await flushPromises()
    expect(session.mode).toBe('local')
    await until(() => expect(wrapper.find('[data-testid=role-switcher]').exists()).toBe(true))
    const html = wrapper.html()
    const at = (testid: string) => html.indexOf(`data-testid="${testid}"`)
    expect(at('sync-phase')).toBeGreaterThan(-1)
    expect(at('role-switcher')).toBeLessThan(at('sync-phase'))
    wrapper.unmount()
  })
})
