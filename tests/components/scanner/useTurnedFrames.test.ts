import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { mount } from '@vue/test-utils'

// The canvas and the decoder are the browser's and html5-qrcode's (tests/e2e/scanTurnedFrames.test.ts
// runs them for real): here, a turned frame is a file named by its turn, and the decoder reads only
// the half turn, as zxing-js does for the labels it misses upright.
const fake = vi.hoisted(() => ({ turns: [] as number[], readers: [] as string[], cleared: 0 }))

vi.mock('@/shared/ui/scanner/turn', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/shared/ui/scanner/turn')>()),
  turnImage: async (_source: unknown, _region: unknown, turns: number) => {
    fake.turns.push(turns)
    return new File([String(turns)], `turned-${turns}.png`)
  },
}))
vi.mock('@/shared/ui/scanner/loadLibrary', () => ({
  createQrReader: async (id: string) => {
    fake.readers.push(id)
    return {
      scanFile: async (file: File) => {
        if (file.name !== 'turned-2.png') throw new Error('No MultiFormat Readers were able to detect the code.')
        return 'https://app.example/a/LABEL'
      },
      clear: () => void (fake.cleared += 1),
    }
  },
}))

import { TURNED_READ_MS, useTurnedFrames } from '@/shared/ui/scanner/useTurnedFrames'

function mountReader(active: () => boolean, onText: (text: string) => void) {
  const Harness = defineComponent({
    setup() {
      useTurnedFrames('view', 'turn', active, onText)
      return () => h('div', [h('div', { id: 'view' }, [h('video')]), h('div', { id: 'turn' })])
    },
  })
  const wrapper = mount(Harness, { attachTo: document.body })
  // A playing camera: the video has a frame size.
  const video = wrapper.find('video').element as HTMLVideoElement
  Object.defineProperty(video, 'videoWidth', { value: 640 })
  Object.defineProperty(video, 'videoHeight', { value: 480 })
  return wrapper
}

/** One read's interval, and the read's own promises. */
async function nextRead(): Promise<void> {
  await vi.advanceTimersByTimeAsync(TURNED_READ_MS)
}

beforeEach(() => {
  vi.useFakeTimers()
  fake.turns.length = 0
  fake.readers.length = 0
  fake.cleared = 0
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('useTurnedFrames', () => {
  it('reads turned frames a quarter turn more each time, on its own reader, and hands on what it reads', async () => {
    const texts: string[] = []
    const wrapper = mountReader(() => true, (t) => texts.push(t))
    await nextRead()
    expect(fake.turns).toEqual([3])
    expect(texts).toEqual([])
    await nextRead()
    expect(fake.turns).toEqual([3, 2])
    expect(texts).toEqual(['https://app.example/a/LABEL'])
    await nextRead()
    expect(fake.turns).toEqual([3, 2, 1])
    expect(fake.readers).toEqual(['turn'])
    wrapper.unmount()
  })

  it('reads nothing while the scanner is not scanning (held after a decode, camera off), and starts when it is', async () => {
    const active = ref(false)
    const wrapper = mountReader(() => active.value, () => undefined)
    await nextRead()
    await nextRead()
    expect(fake.turns).toEqual([])
    active.value = true
    await nextTick()
    await nextRead()
    expect(fake.turns).toEqual([3])
    active.value = false
    await nextTick()
    await nextRead()
    await nextRead()
    expect(fake.turns).toEqual([3])
    wrapper.unmount()
  })

  it('stops reading and releases its reader once the scanner is gone', async () => {
    const wrapper = mountReader(() => true, () => undefined)
    await nextRead()
    expect(fake.turns).toEqual([3])
    wrapper.unmount()
    expect(fake.cleared).toBe(1)
    await nextRead()
    await nextRead()
    expect(fake.turns).toEqual([3])
  })
})
