import '../support/vantCss'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { getDb } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { useSessionStore } from '@/features/auth'
import InspectPage from '@/features/inspections/pages/InspectPage.vue'
import { inspectionRoutes } from '@/features/inspections/routes'
import { PhotoCapture } from '@/shared/ui/photos'
import { SANITATION_V1 } from '@/features/inspections/domain/defaultTemplates'
import { allItems } from '@/features/inspections/domain/template'
import { appPlugins } from '../support/mountApp'
import { fakePhoto } from '../../unit/photos/support'
import { until } from '../support/until'

const AREA = demo.areas.find((a) => a.template_code === 'sanitation')!
const INSPECTOR = demo.users.find((u) => u.roles.includes('inspector'))!
const ITEMS = allItems(SANITATION_V1)
const CRITICAL = ITEMS.find((i) => i.critical && i.photo_on_fail)!

const wrappers: VueWrapper[] = []
afterEach(async () => {
  wrappers.splice(0).forEach((w) => w.unmount())
  await getDb().meta.where('key').startsWith('inspection_draft:').delete()
})

async function mountPage(wait = true) {
  await seedDemoCompany(getDb())
  const { plugins } = appPlugins()
  const session = useSessionStore()
  session.userId = INSPECTOR.id
  // The page reads once the device db is ready (its route opens before, on a fresh device).
  session.deviceReady = wait
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/inspect/:areaId', name: 'inspect', component: InspectPage },
      { path: '/inspections/:id', name: 'inspectionResult', component: { template: '<div data-testid="result-stub" />' } },
      { path: '/inspect', name: 'inspectStart', component: { template: '<div />' } },
    ],
  })
  await router.push(`/inspect/${AREA.id}?via=scan`)
  const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [...plugins, router] }, attachTo: document.body })
  wrappers.push(wrapper)
  if (wait) await untilReady(wrapper)
  return { wrapper, router }
}

async function untilReady(wrapper: VueWrapper): Promise<void> {
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find('[data-testid=inspect-page]').attributes('data-status')).toBe('ready')
  })
}

const item = (w: VueWrapper, key: string) => w.find(`[data-testid=checklist-item][data-item-key="${key}"]`)
const percent = (w: VueWrapper) => w.find('[data-testid=running-score]').attributes('data-percent')

async function answerAll(w: VueWrapper): Promise<void> {
  for (const i of ITEMS) {
    const el = item(w, i.key)
    if (i.mode === 'pass_fail') await el.find('[data-testid=answer-pass]').trigger('click')
    else await el.find('[data-testid=answer-points-set]').trigger('click')
  }
  await flushPromises()
}

describe('InspectPage', () => {
  it('shows the score bar, the head and the quick pass before the device db is ready; only the checklist waits for the data, the head in place (issue 13)', async () => {
    const { wrapper } = await mountPage(false)
    // A fresh device: the page is open, its device db not ready yet.
    await flushPromises()
    expect(wrapper.find('[data-testid=inspect-page]').attributes('data-status')).toBe('loading')
    expect(wrapper.find('[data-testid=running-score]').exists()).toBe(true)
    expect(wrapper.find('[data-testid=inspect-via]').attributes('data-via')).toBe('scan')
    const head = wrapper.get('[data-testid=inspect-area]').element
    expect(head.textContent).toBe('\u00a0')
    expect(wrapper.get('[data-testid=inspect-rest-pass]').attributes('disabled')).toBeDefined()
    expect(wrapper.find('.state-view[data-state=loading]').exists()).toBe(true)
    expect(wrapper.findAll('[data-testid=checklist-item]')).toHaveLength(0)
    useSessionStore().deviceReady = true
    await untilReady(wrapper)
    // The same head element, now named; the loading state gave way to the checklist.
    expect(wrapper.get('[data-testid=inspect-area]').element).toBe(head)
    expect(head.textContent).toContain(AREA.name)
    expect(wrapper.get('[data-testid=inspect-rest-pass]').attributes('disabled')).toBeUndefined()
    expect(wrapper.find('.state-view').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid=checklist-item]')).toHaveLength(ITEMS.length)
  })

  it('shows the latest template with the running score, which updates as items are answered', async () => {
    const { wrapper } = await mountPage()
    expect(wrapper.findAll('[data-testid=checklist-item]')).toHaveLength(ITEMS.length)
    expect(wrapper.find('[data-testid=inspect-via]').attributes('data-via')).toBe('scan')
    expect(percent(wrapper)).toBe('')
    await item(wrapper, ITEMS[0]!.key).find('[data-testid=answer-pass]').trigger('click')
    await flushPromises()
    expect(percent(wrapper)).toBe('100')
    const failable = ITEMS.find((i) => i.mode === 'pass_fail' && !i.critical && i.key !== ITEMS[0]!.key)!
    await item(wrapper, failable.key).find('[data-testid=answer-fail]').trigger('click')
    await flushPromises()
    expect(Number(percent(wrapper))).toBeLessThan(100)
    expect(wrapper.find('[data-testid=running-score]').text()).toContain('2')
  })

  it('a critical fail shows the banner; its required photo blocks submit with the item marked, then it submits', async () => {
    const { wrapper, router } = await mountPage()
    await answerAll(wrapper)
    await item(wrapper, CRITICAL.key).find('[data-testid=answer-fail]').trigger('click')
    await until(() => {
      expect(wrapper.find('[data-testid=critical-banner]').exists()).toBe(true)
      expect(wrapper.find('[data-testid=running-score]').attributes('data-critical')).toBe('true')
    })

    const before = await getDb().outbox.count()
    await wrapper.find('[data-testid=inspect-submit]').trigger('click')
    await until(() => {
      const issue = item(wrapper, CRITICAL.key).find('[data-testid=item-issue]')
      expect(issue.attributes('data-issue')).toBe('inspections.errors.photoRequired')
      expect(issue.text()).toBe('不合格须拍照')
    })
    expect(await getDb().outbox.count()).toBe(before)
    expect(router.currentRoute.value.name).toBe('inspect')

    // The photo arrives (as PhotoCapture emits it): the critical fail itself blocks nothing.
    const capture = item(wrapper, CRITICAL.key).findComponent(PhotoCapture)
    capture.vm.$emit('update:modelValue', [fakePhoto()])
    await flushPromises()
    await wrapper.find('[data-testid=inspect-submit]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('inspectionResult'))
    const saved = await getDb().inspections.get(String(router.currentRoute.value.params.id))
    expect(saved).toMatchObject({ area_id: AREA.id, critical_failed: true, via: 'scan' })
    expect(await getDb().rectifications.where('inspection_id').equals(saved!.id).count()).toBe(1)
  })

  it('blocks submit while items are unanswered and keeps the answers in a draft', async () => {
    const { wrapper } = await mountPage()
    await item(wrapper, ITEMS[0]!.key).find('[data-testid=answer-pass]').trigger('click')
    await wrapper.find('[data-testid=inspect-submit]').trigger('click')
    await until(() => expect(wrapper.findAll('[data-testid=item-issue]').length).toBe(ITEMS.length - 1))
    await vi.waitFor(async () => {
      const draft = await getDb().meta.get(`inspection_draft:${AREA.id}`)
      expect((draft?.value as { answers: Record<string, { result: string }> })?.answers[ITEMS[0]!.key]?.result).toBe('pass')
    })
  })
})

describe('issue #12: fewer taps for an inspection where everything passes', () => {
  it('on the page: one tap passes the unanswered rest (points at full), one submits; a fail seen on the way is one tap more', async () => {
    const { wrapper, router } = await mountPage()
    let taps = 0
    const tap = async (selector: string) => {
      taps++
      await wrapper.find(selector).trigger('click')
      await flushPromises()
    }
    // The one item the inspector looks at and fails stays as answered.
    const failable = ITEMS.find((i) => i.mode === 'pass_fail' && !i.critical && !i.photo_on_fail)!
    await tap(`[data-testid=checklist-item][data-item-key="${failable.key}"] [data-testid=answer-fail]`)
    await tap('[data-testid=inspect-rest-pass]')
    await tap('[data-testid=inspect-submit]')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('inspectionResult'))
    const saved = await getDb().inspections.get(String(router.currentRoute.value.params.id))
    const answers = (saved?.answers ?? []) as { item_key: string; result: string; points?: number }[]
    expect(answers).toHaveLength(ITEMS.length)
    expect(answers.filter((a) => a.result === 'fail').map((a) => a.item_key)).toEqual([failable.key])
    // Every points item got full points.
    for (const i of ITEMS.filter((x) => x.mode === 'points')) expect(answers.find((a) => a.item_key === i.key)).toMatchObject({ result: 'points', points: i.max_points })
    // 17 items: before, 17 answers + submit = 18 taps on this page; now 2 (+1 for the fail).
    expect(ITEMS).toHaveLength(17)
    expect(taps).toBe(3)
  })

  it("a section's own all-pass leaves the other sections unanswered", async () => {
    const { wrapper } = await mountPage()
    const section = SANITATION_V1.sections[0]!
    await wrapper.find(`[data-testid=inspect-section-pass][data-section="${section.key}"]`).trigger('click')
    await flushPromises()
    await wrapper.find('[data-testid=inspect-submit]').trigger('click')
    await until(() => expect(wrapper.findAll('[data-testid=item-issue]').length).toBe(ITEMS.length - section.items.length))
  })

  it('on a fresh device its route loads the device code with the page, not once its head has painted (issue 13)', async () => {
    localStorage.clear() // no last-known identity: a first visit
    const { plugins } = appPlugins()
    const session = useSessionStore()
    // The first screen is never reported shown: only the page's own request can load the device code.
    const started = session.init(undefined, new Promise<void>(() => undefined))
    await session.usable(true)
    // The app's own route record: its page loader asks for the device code.
    const router = createRouter({ history: createMemoryHistory(), routes: inspectionRoutes.filter((r) => r.name === 'inspect') })
    await router.push(`/inspect/${AREA.id}`)
    const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [...plugins, router] }, attachTo: document.body })
    wrappers.push(wrapper)
    await started
    expect(session.deviceReady).toBe(true)
    await untilReady(wrapper)
  })
})
