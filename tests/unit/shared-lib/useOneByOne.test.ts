/** Home's to-do sections mount one per task once the device db is ready, not all in one long task (issue 13). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { useOneByOne } from '@/shared/composables/useOneByOne'

const ready = ref(false)
const count = ref(3)
let prepare: (index: number) => unknown = () => undefined
const Probe = defineComponent({
  setup() {
    const shown = useOneByOne(
      () => ready.value,
      () => count.value,
      (i) => prepare(i),
    )
    return () => h('div', { 'data-shown': String(shown.value) })
  },
})

async function task(): Promise<void> {
  vi.runOnlyPendingTimers()
  await nextTick()
}

beforeEach(() => {
  vi.useFakeTimers()
  ready.value = false
  count.value = 3
  prepare = () => undefined
})
afterEach(() => vi.useRealTimers())

describe('useOneByOne', () => {
  it('shows nothing until ready, then one more per task up to the count', async () => {
    const wrapper = mount(Probe)
    await task()
    await task()
    expect(wrapper.attributes('data-shown')).toBe('0')
    ready.value = true
    await nextTick()
    expect(wrapper.attributes('data-shown')).toBe('0')
    for (const expected of ['1', '2', '3', '3']) {
      await task()
      expect(wrapper.attributes('data-shown')).toBe(expected)
    }
    wrapper.unmount()
  })

  it('goes on when the list grows (a role added)', async () => {
    ready.value = true
    const wrapper = mount(Probe)
    for (let i = 0; i < 5; i++) await task()
    expect(wrapper.attributes('data-shown')).toBe('3')
    count.value = 4
    await nextTick()
    await task()
    expect(wrapper.attributes('data-shown')).toBe('4')
    wrapper.unmount()
  })

  it("waits for an item's chunk (prepare) before showing it, and goes on if it fails", async () => {
    ready.value = true
    let release: (() => void) | undefined
    let fail: ((e: Error) => void) | undefined
    prepare = (i) => (i === 1 ? new Promise<void>((r) => (release = r)) : i === 2 ? new Promise<void>((_, f) => (fail = f)) : undefined)
    const wrapper = mount(Probe)
    for (let i = 0; i < 3; i++) await task()
    expect(wrapper.attributes('data-shown')).toBe('1')
    release!()
    await Promise.resolve()
    await task()
    expect(wrapper.attributes('data-shown')).toBe('2')
    await task()
    fail!(new Error('offline'))
    await Promise.resolve()
    await task()
    expect(wrapper.attributes('data-shown')).toBe('3')
    wrapper.unmount()
  })

  it('stops when unmounted', async () => {
    ready.value = true
    const wrapper = mount(Probe)
    wrapper.unmount()
    expect(vi.getTimerCount()).toBe(0)
  })
})
