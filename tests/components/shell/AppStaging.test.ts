/**
 * The shell's first render in two tasks (issue 13): the first page mounts with the boot bar holding
 * the header's room, and the header and the tab bar come one task later. The room for the tab bar is
 * there from the page's first render, so nothing moves when the chrome arrives.
 */
import '../support/vantCss'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import App from '@/app/App.vue'
import { useSessionStore } from '@/features/auth'
import { nextTask } from '@/shared/lib/nextTask'
import { freshDb } from '../../unit/features/testDb'
import { appPlugins } from '../support/mountApp'

const Page = defineComponent(() => () => h('p', { 'data-testid': 'the-page' }, 'page'))
const wrappers: VueWrapper[] = []
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

describe('the shell, staged', () => {
  it('mounts the first page, then the header and tab bar one task later', async () => {
    const { plugins } = appPlugins()
    const session = useSessionStore()
    await session.init(freshDb())
    await session.identityReady()
    const router = createRouter({
      history: createMemoryHistory(),
      routes: (['home', 'scan', 'work', 'me'] as const).map((name) => ({ name, path: name === 'home' ? '/' : `/${name}`, component: Page, meta: { tab: name, roles: 'all' as const } })),
    })
    const wrapper = mount(App, { global: { plugins: [...plugins, router] } })
    wrappers.push(wrapper)
    // Before the first navigation: the boot bar and the loading look.
    expect(wrapper.find('.boot__bar').exists()).toBe(true)
    expect(wrapper.find('.app-header').exists()).toBe(false)

    await router.push('/')
    await nextTick()
    // The page is in; the chrome is not yet, its room is held (the boot bar, the tab bar's padding).
    expect(wrapper.find('[data-testid="the-page"]').exists()).toBe(true)
    expect(wrapper.find('.boot__bar').exists()).toBe(true)
    expect(wrapper.find('.app-header').exists()).toBe(false)
    expect(wrapper.find('[role="tablist"]').exists()).toBe(false)
    expect(wrapper.find('.app-shell').classes()).toContain('app-shell--tabbar')

    await nextTask()
    await flushPromises()
    expect(wrapper.find('.app-header').exists()).toBe(true)
    expect(wrapper.find('[role="tablist"]').exists()).toBe(true)
    expect(wrapper.find('.boot__bar').exists()).toBe(false)
    expect(wrapper.find('[data-testid="the-page"]').exists()).toBe(true)
  })
})
