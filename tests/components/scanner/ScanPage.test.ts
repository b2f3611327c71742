import '../support/vantCss'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { getDb } from '@/platform/db'
import { labelUrl, newLabelToken } from '@/features/assets/domain/labelToken'
import ScanPage from '@/features/scan/pages/ScanPage.vue'
import { appPlugins } from '../support/mountApp'
import { addAsset } from '../labels/support'

// No camera in happy-dom: the page must still work by typing.
vi.mock('html5-qrcode', () => ({
  Html5QrcodeSupportedFormats: { QR_CODE: 0 },
  Html5Qrcode: class {
    async start() {
      throw 'Error getting userMedia, error = NotFoundError: Requested device not found'
    }
    getState() {
      return 1
    }
    clear() {}
  },
}))

/** The asset page's lazy loader: the Scan tab fetches it ahead of a scan. */
const assetPageLoads = vi.fn(async () => ({ template: '<div data-testid="asset-stub" />' }))

async function mountPage() {
  const { plugins } = appPlugins()
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/scan', name: 'scan', component: ScanPage },
      { path: '/assets/:id', name: 'asset', component: () => assetPageLoads() },
      { path: '/p/:userId', name: 'badge', component: { template: '<div />' } },
    ],
  })
  await router.push('/scan')
  const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [...plugins, router] }, attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find('[data-testid=camera-help]').exists()).toBe(true)
  })
  return { wrapper, router }
}

async function type(wrapper: Awaited<ReturnType<typeof mountPage>>['wrapper'], text: string) {
  await wrapper.find('[data-testid=scan-manual-input] input').setValue(text)
  await wrapper.find('[data-testid=scan-manual]').trigger('submit')
  await flushPromises()
}

beforeEach(async () => {
  await getDb().assets.clear()
  await getDb().asset_labels.clear()
  await getDb().scan_log.clear()
})

describe('ScanPage', () => {
  it('no camera: fetches the asset page ahead of a scan at the first touch, not before', async () => {
    assetPageLoads.mockClear()
    const { wrapper } = await mountPage()
    // Past the idle moment a camera's start would have fetched it at.
    await new Promise((resolve) => setTimeout(resolve, 400))
    await flushPromises()
    expect(assetPageLoads).not.toHaveBeenCalled()
    await wrapper.find('[data-testid=scan-manual-input] input').trigger('focusin')
    await vi.waitFor(() => expect(assetPageLoads).toHaveBeenCalledTimes(1))
    await wrapper.find('[data-testid=scan-page]').trigger('pointerdown')
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(assetPageLoads).toHaveBeenCalledTimes(1)
    wrapper.unmount()
  })

  it('no camera: explains it, and a typed number opens the asset page', async () => {
    const seal = await addAsset(getDb())
    const { wrapper, router } = await mountPage()
    expect(wrapper.find('[data-testid=camera-help]').attributes('data-problem')).toBe('no_camera')
    await type(wrapper, 'seal-1')
    await vi.waitFor(() => expect(router.currentRoute.value.params.id).toBe(seal.id))
    wrapper.unmount()
  })

  it('an unknown but well-formed label: "unknown label" shown and logged, no navigation', async () => {
    const { wrapper, router } = await mountPage()
    await type(wrapper, labelUrl(location.origin, newLabelToken()))
    await vi.waitFor(() => expect(wrapper.find('[data-testid=scan-outcome]').attributes('data-kind')).toBe('unknown'))
    expect(wrapper.find('[data-testid=scan-outcome-title]').text()).toBe('未知标签')
    expect(router.currentRoute.value.name).toBe('scan')
    await vi.waitFor(async () => expect(await getDb().scan_log.count()).toBe(1))
    wrapper.unmount()
  })

  it('a foreign QR code is refused with its host', async () => {
    const { wrapper } = await mountPage()
    await type(wrapper, 'https://evil.example/a/123')
    await vi.waitFor(() => expect(wrapper.find('[data-testid=scan-outcome]').attributes('data-kind')).toBe('foreign'))
    expect(wrapper.find('[data-testid=scan-outcome]').text()).toContain('evil.example')
    wrapper.unmount()
  })
})
