/**
 * Batch page: a label held in view (the camera reports it every frame) gives one short
 * "duplicate" signal per few seconds, and is listed once.
 */
import '../support/vantCss'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { labelUrl } from '@/features/assets/domain/labelToken'
import { useBatchStore } from '@/features/assets/stores/batch'
import { mountAt, newSeal, until, user } from './support'

const fake = vi.hoisted(() => ({ onSuccess: null as ((t: string) => void) | null, tones: [] as string[] }))

vi.mock('html5-qrcode', async () => (await import('../support/fakeCamera')).fakeHtml5Qrcode((onSuccess) => (fake.onSuccess = onSuccess)))

vi.mock('@/shared/ui/scanner/feedback', () => ({
  scanFeedback: (tone = 'success') => void fake.tones.push(tone),
  unlockAudio: () => undefined,
}))

let mounted: VueWrapper | null = null
beforeEach(() => {
  fake.tones.length = 0
  vi.useFakeTimers({ toFake: ['Date'] })
})
afterEach(() => {
  vi.useRealTimers()
  mounted?.unmount()
  mounted = null
})

describe('BatchPage', () => {
  it('beeps "duplicate" once per label per few seconds while it stays in view, and lists it once', async () => {
    const seal = await newSeal()
    const k = user('seal_keeper')
    const { wrapper } = await mountAt('/assets/batch', k.id, k.roles)
    mounted = wrapper
    useBatchStore().clear()
    await until(() => expect(fake.onSuccess).not.toBeNull())
    const text = labelUrl(window.location.origin, seal.label_token!)

    // First sighting: added, one success beep.
    fake.onSuccess!(text)
    await until(() => expect(wrapper.find('[data-testid=batch-count]').text()).toContain('1'))
    // Two seconds of frames at 30 fps: the label is already listed, no beep per frame.
    for (let i = 0; i < 60; i++) {
      vi.advanceTimersByTime(33)
      fake.onSuccess!(text)
    }
    await until(() => expect(fake.tones).toEqual(['success']))
    // Still in view after the quiet window: one short "duplicate" signal, then quiet again.
    for (let i = 0; i < 60; i++) {
      vi.advanceTimersByTime(33)
      fake.onSuccess!(text)
    }
    await until(() => expect(fake.tones).toEqual(['success', 'repeat']))
    expect(useBatchStore().items.map((a) => a.id)).toEqual([seal.id])
  })
})
