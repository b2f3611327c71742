/** Issue 9: photos on an edited and resubmitted application (after 退回修改). */
import '../support/vantCss'
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { getDb } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { useSessionStore } from '@/features/auth'
import { loadRequestContext } from '@/features/requests/data/context'
import { actOnRequest, submitRequest } from '@/features/requests/data/requestWrites'
import RequestEditPage from '@/features/requests/pages/RequestEditPage.vue'
import { appPlugins } from '../support/mountApp'
import { until } from '../support/until'
import { fakePhoto } from '../../unit/photos/support'

// The real pipeline needs a canvas; the page only needs "a processed photo came back".
vi.mock('@/shared/ui/photos/processor', () => ({ defaultProcessor: async () => fakePhoto() }))

const EMPLOYEE = demo.users.find((u) => u.roles.includes('employee'))!
const HEAD = demo.users.find((u) => u.roles.includes('admin_head'))!
const FORM = { document_title: '采购合同', document_type: 'contract', copies: 2, seal_name: '合同专用章', purpose: '签约', mode: 'stamp_here', due_at: null }

async function returnedWithPhotos() {
  await seedDemoCompany(getDb())
  const ctx = await loadRequestContext(getDb())
  const photos = [fakePhoto(), fakePhoto()]
  const past = new Date(Date.now() - 3_600_000)
  const row = await submitRequest(getDb(), { type: 'seal_use', form: FORM, applicant: { id: EMPLOYEE.id, site_id: EMPLOYEE.site_id, department_id: EMPLOYEE.department_id }, fulfillerRole: 'seal_keeper', ctx, photos }, past)
  await actOnRequest(getDb(), { request: row, actorId: HEAD.id, act: { action: 'return', note: '附件不清楚' }, ctx }, new Date(past.getTime() + 60_000))
  return { id: row.id, photos: photos.map((p) => p.id) }
}

async function mountEdit(id: string) {
  const { plugins } = appPlugins()
  const session = useSessionStore()
  session.userId = EMPLOYEE.id
  session.profile = { displayName: EMPLOYEE.display_name, phone: null, siteId: EMPLOYEE.site_id, departmentId: EMPLOYEE.department_id } as never
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/requests/:id/edit', name: 'requestEdit', component: RequestEditPage },
      { path: '/requests/:id', name: 'requestDetail', component: { template: '<div data-testid="detail-stub" />' } },
    ],
  })
  await router.push(`/requests/${id}/edit`)
  const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [...plugins, router] }, attachTo: document.body })
  await flushPromises()
  await until(() => expect(wrapper.find('[data-testid=request-resubmit]').exists()).toBe(true))
  return { wrapper, router }
}

const keptState = (w: Awaited<ReturnType<typeof mountEdit>>['wrapper']) => w.findAll('[data-testid=kept-photo]').map((k) => [k.attributes('data-photo-id'), k.attributes('data-kept')])

describe('editing a returned application with photos', () => {
  it('keeps its photos, one removed (kept so in the draft) and one added; the resubmitted version shows the kept one then the new one', async () => {
    const { id, photos } = await returnedWithPhotos()
    const first = await mountEdit(id)
    expect(keptState(first.wrapper)).toEqual([[photos[0], 'true'], [photos[1], 'true']])
    await first.wrapper.findAll('[data-testid=kept-photo-toggle]')[0]!.trigger('click')
    expect(keptState(first.wrapper)).toEqual([[photos[0], 'false'], [photos[1], 'true']])
    expect(first.wrapper.find('[data-testid=kept-photo-toggle]').text()).toBe('恢复')
    await until(async () => expect((await getDb().meta.get(`requests.draft:edit:${id}:1`))?.value).toMatchObject({ kept: [photos[1]] }))
    first.wrapper.unmount()

    // Back on the page: the removal is still there; a new photo is added.
    const { wrapper, router } = await mountEdit(id)
    await until(() => expect(keptState(wrapper)).toEqual([[photos[0], 'false'], [photos[1], 'true']]))
    const input = wrapper.find('[data-testid=request-photos] [data-testid=photo-camera-input]')
    Object.defineProperty(input.element, 'files', { value: [new File(['raw'], 'page.jpg', { type: 'image/jpeg' })], configurable: true })
    await input.trigger('change')
    await until(() => expect(wrapper.findAll('[data-testid=request-photos] [data-testid=captured-photo]')).toHaveLength(1))
    await wrapper.find('[data-testid=request-resubmit]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('requestDetail'))

    const row = (await getDb().requests.get(id))!
    expect(row).toMatchObject({ status: 'pending', revision: 2 })
    expect(row.photo_ids).toHaveLength(2)
    expect(row.photo_ids[0]).toBe(photos[1])
    const added = row.photo_ids[1]!
    expect(await getDb().photos.get(added)).toMatchObject({ owner_table: 'requests', owner_id: id, taken_by: EMPLOYEE.id })
    const ops = (await getDb().outbox.orderBy('seq').toArray()).filter((o) => o.kind === 'request.act' || o.entity_id === added)
    expect(ops.slice(-2).map((o) => [o.kind, o.payload.action ?? null])).toEqual([['request.act', 'resubmit'], ['photo.register', null]])
    expect(ops.at(-2)!.payload).toMatchObject({ photo_ids: [photos[1], added] })
    expect(await getDb().meta.get(`requests.draft:edit:${id}:1`)).toBeUndefined()
    wrapper.unmount()
  })
})
