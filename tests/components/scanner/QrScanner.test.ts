import '../support/vantCss'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { appPlugins } from '../support/mountApp'

// A stand-in for html5-qrcode: records calls and lets the test "decode" a text.
const fake = vi.hoisted(() => ({
  instances: [] as { id: string; config: unknown; state: number; onSuccess?: (t: string) => void; startArgs?: unknown[]; stops: number; torch: boolean[] }[],
  startError: null as unknown,
  torchSupported: true,
}))

vi.mock('html5-qrcode', () => {
  class Html5Qrcode {
    rec: (typeof fake.instances)[number]
    constructor(id: string, config: unknown) {
      this.rec = { id, config, state: 1, stops: 0, torch: [] }
      fake.instances.push(this.rec)
    }
    async start(constraints: unknown, config: unknown, onSuccess: (t: string) => void) {
      if (fake.startError) throw fake.startError
      this.rec.startArgs = [constraints, config]
      this.rec.onSuccess = onSuccess
      this.rec.state = 2
      return null
    }
    getState() {
      return this.rec.state
    }
    async stop() {
      this.rec.stops += 1
      this.rec.state = 1
    }
    clear() {}
    getRunningTrackCameraCapabilities() {
      return { torchFeature: () => ({ isSupported: () => fake.torchSupported, apply: async (v: boolean) => void this.rec.torch.push(v) }) }
    }
  }
  return { Html5Qrcode, Html5QrcodeSupportedFormats: { QR_CODE: 0 } }
})

import QrScanner from '@/shared/ui/scanner/QrScanner.vue'

async function mountScanner(props: Record<string, unknown> = {}) {
  const { plugins } = appPlugins()
  const wrapper = mount(QrScanner, { props, global: { plugins }, attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.attributes('data-camera')).not.toBe('starting')
  })
  return wrapper
}

beforeEach(() => {
  fake.instances.length = 0
  fake.startError = null
  fake.torchSupported = true
})

describe('QrScanner', () => {
  it('starts the back camera with the native detector allowed, and stops it on unmount', async () => {
    const wrapper = await mountScanner()
    expect(wrapper.attributes('data-camera')).toBe('scanning')
    const cam = fake.instances[0]!
    expect(cam.config).toMatchObject({ useBarCodeDetectorIfSupported: true })
    expect(cam.startArgs?.[0]).toEqual({ facingMode: 'environment' })
    wrapper.unmount()
    await flushPromises()
    expect(cam.stops).toBe(1)
  })

  it('single mode: emits once, holds until "scan again"', async () => {
    const wrapper = await mountScanner()
    const cam = fake.instances[0]!
    cam.onSuccess!('https://x/a/1')
    cam.onSuccess!('https://x/a/2')
    await flushPromises()
    expect(wrapper.emitted('decoded')).toEqual([['https://x/a/1']])
    expect(performance.getEntriesByName('scan:decoded').length).toBeGreaterThan(0)
    await wrapper.find('[data-testid=scan-again]').trigger('click')
    cam.onSuccess!('https://x/a/1')
    expect(wrapper.emitted('decoded')).toHaveLength(2)
    wrapper.unmount()
  })

  it('continuous mode: emits each new text, drops repeats within 2 s (per label, two in view too)', async () => {
    const wrapper = await mountScanner({ continuous: true })
    const cam = fake.instances[0]!
    for (const text of ['A', 'A', 'B', 'B', 'A']) cam.onSuccess!(text)
    expect(wrapper.emitted('decoded')).toEqual([['A'], ['B']])
    expect(wrapper.emitted('repeat')).toEqual([['A'], ['B'], ['A']])
    wrapper.unmount()
  })

  it('toggles the torch where the track supports it', async () => {
    const wrapper = await mountScanner()
    await wrapper.find('[data-testid=torch-toggle]').trigger('click')
    await flushPromises()
    expect(fake.instances[0]!.torch).toEqual([true])
    wrapper.unmount()
  })

  it('permission denied: shows how to allow the camera; manual entry still works', async () => {
    fake.startError = 'Error getting userMedia, error = NotAllowedError: Permission denied'
    const wrapper = await mountScanner()
    const help = wrapper.find('[data-testid=camera-help]')
    expect(help.attributes('data-problem')).toBe('denied')
    expect(help.text()).toContain('相机')
    await wrapper.find('[data-testid=scan-manual-input] input').setValue(' seal-0001 ')
    await wrapper.find('[data-testid=scan-manual]').trigger('submit')
    expect(wrapper.emitted('decoded')).toEqual([['seal-0001']])
    wrapper.unmount()
  })

  it('a device that lists no camera: explains it at once without loading the decoder', async () => {
    const devices = vi.fn(async () => [{ kind: 'audioinput' }])
    Object.defineProperty(navigator, 'mediaDevices', { value: { enumerateDevices: devices }, configurable: true })
    try {
      const wrapper = await mountScanner()
      expect(devices).toHaveBeenCalled()
      expect(wrapper.find('[data-testid=camera-help]').attributes('data-problem')).toBe('no_camera')
      expect(fake.instances).toHaveLength(0)
      expect(wrapper.emitted('settled')).toEqual([[false]])
      wrapper.unmount()
    } finally {
      Reflect.deleteProperty(navigator, 'mediaDevices')
    }
  })

  it('a device that lists a camera: starts it, and says once that the scanner has settled', async () => {
    Object.defineProperty(navigator, 'mediaDevices', { value: { enumerateDevices: async () => [{ kind: 'videoinput' }] }, configurable: true })
    try {
      const wrapper = await mountScanner()
      expect(wrapper.attributes('data-camera')).toBe('scanning')
      expect(fake.instances).toHaveLength(1)
      await wrapper.vm.$nextTick()
      expect(wrapper.emitted('settled')).toEqual([[true]])
      wrapper.unmount()
    } finally {
      Reflect.deleteProperty(navigator, 'mediaDevices')
    }
  })

  it('stops the camera while the page is hidden and restarts when visible', async () => {
    const wrapper = await mountScanner()
    const cam = fake.instances[0]!
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    document.dispatchEvent(new Event('visibilitychange'))
    await flushPromises()
    expect(cam.stops).toBe(1)
    visibility.mockReturnValue('visible')
    document.dispatchEvent(new Event('visibilitychange'))
    await vi.waitFor(() => expect(wrapper.attributes('data-camera')).toBe('scanning'))
    visibility.mockRestore()
    wrapper.unmount()
  })
})
