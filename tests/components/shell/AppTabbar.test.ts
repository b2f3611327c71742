/**
 * The role tabs without Vant's tab bar component (issue 13: it forced four layouts while the first
 * page filled in): the tab of the current route is active and selected, another tab navigates,
 * the active one does not.
 */
import '../support/vantCss'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount, flushPromises } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import AppTabbar from '@/app/shell/AppTabbar.vue'
import { appPlugins } from '../support/mountApp'

const Page = defineComponent(() => () => h('div'))

async function mountOn(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: ['home', 'scan', 'work', 'me'].map((name) => ({ name, path: name === 'home' ? '/' : `/${name}`, component: Page })),
  })
  await router.push(path)
  const wrapper = mount(AppTabbar, { props: { tabs: ['home', 'scan', 'me'] }, global: { plugins: [...appPlugins().plugins, router] } })
  return { wrapper, router }
}

describe('AppTabbar', () => {
  it("marks the current route's tab active and selected, with the tabs' names", async () => {
    const { wrapper } = await mountOn('/scan')
    const scan = wrapper.get('[data-testid="tab-scan"]')
    expect(scan.classes()).toContain('van-tabbar-item--active')
    expect(scan.attributes('aria-selected')).toBe('true')
    expect(wrapper.get('[data-testid="tab-home"]').attributes('aria-selected')).toBe('false')
    expect(wrapper.get('[role="tablist"]').findAll('[role="tab"]').map((tab) => tab.text())).toEqual(['首页', '扫码', '我的'])
  })

  it('opens another tab on click or Enter', async () => {
    const { wrapper, router } = await mountOn('/')
    await wrapper.get('[data-testid="tab-me"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('me')
    await wrapper.get('[data-testid="tab-scan"]').trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('scan')
    expect(wrapper.get('[data-testid="tab-scan"]').classes()).toContain('van-tabbar-item--active')
  })
})
