import '../../components/support/vantCss'
import { describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import demo from '@/platform/demo/demo-company.json'
import { useSessionStore } from '@/features/auth'
import { createAppRouter } from '@/app/router'
import { freshDb } from '../features/testDb'

const userFor = (role: string) => demo.users.find((u) => u.roles.includes(role))!.id

async function setup(role: string) {
  setActivePinia(createPinia())
  const session = useSessionStore()
  await session.init(freshDb())
  await session.switchLocalUser(userFor(role))
  await session.identityReady()
  const router = createAppRouter(createMemoryHistory())
  return { session, router }
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
})
