import './support/vantCss'
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { useSessionStore } from '@/features/auth'
import SignInPage from '@/features/auth/pages/SignInPage.vue'
import { appPlugins } from './support/mountApp'

async function setup(result: 'invalid_credentials' | 'network' | null, online = true) {
  const { plugins } = appPlugins()
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/sign-in', name: 'signIn', component: SignInPage },
      { path: '/', name: 'home', component: { template: '<div />' } },
    ],
  })
  await router.push('/sign-in')
  const session = useSessionStore()
  const signIn = vi.spyOn(session, 'signIn').mockResolvedValue(result)
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online)
  const wrapper = mount(SignInPage, { global: { plugins: [...plugins, router] } })
  await wrapper.find('[data-testid=signin-email] input').setValue('admin-head@demo.adminfield.local')
  await wrapper.find('[data-testid=signin-password] input').setValue('secret')
  await wrapper.find('form').trigger('submit')
  await vi.waitFor(async () => {
    await flushPromises()
    if (!wrapper.find('[data-testid=signin-error]').exists() && router.currentRoute.value.name !== 'home' && online) {
      throw new Error('not settled')
    }
  })
  return { wrapper, signIn, router }
}

describe('SignInPage', () => {
  it('shows a translated message for wrong credentials', async () => {
    const { wrapper, signIn } = await setup('invalid_credentials')
    expect(signIn).toHaveBeenCalledWith('admin-head@demo.adminfield.local', 'secret')
    expect(wrapper.find('[data-testid=signin-error]').text()).toBe('邮箱或密码不正确')
  })

  it('says the network is needed when offline, without trying', async () => {
    const { wrapper, signIn } = await setup(null, false)
    await vi.waitFor(() => expect(wrapper.find('[data-testid=signin-error]').exists()).toBe(true))
    expect(signIn).not.toHaveBeenCalled()
    expect(wrapper.find('[data-testid=signin-error]').text()).toContain('无法连接服务器')
  })

  it('goes Home after a successful sign-in', async () => {
    const { router } = await setup(null)
    expect(router.currentRoute.value.name).toBe('home')
  })
})
