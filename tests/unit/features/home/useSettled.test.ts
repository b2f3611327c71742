/** Home's to-do sections stay hidden while any is still loading, then show together (issue 13: no layout shift). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { useSettled } from '@/features/home/composables/useSettled'

const loading = ref(true)
const Probe = defineComponent({
  setup() {
    const root = ref<HTMLElement | null>(null)
    const settled = useSettled(root)
    return () => h('div', { ref: root, 'data-settled': String(settled.value) }, [h('div', { class: 'todo' }, [loading.value ? h('span', { class: 'van-loading' }) : h('p', 'filled')])])
  },
})

async function flush(): Promise<void> {
  await nextTick()
  await Promise.resolve()
}

beforeEach(() => {
  vi.useFakeTimers()
  loading.value = true
})
afterEach(() => vi.useRealTimers())

describe('useSettled', () => {
  it('waits while something inside is loading, then for a quiet moment', async () => {
    const wrapper = mount(Probe, { attachTo: document.body })
    vi.advanceTimersByTime(1000)
    await flush()
    expect(wrapper.attributes('data-settled')).toBe('false')
    loading.value = false
    await flush()
    vi.advanceTimersByTime(299)
    await flush()
    expect(wrapper.attributes('data-settled')).toBe('false')
    vi.advanceTimersByTime(1)
    await flush()
    expect(wrapper.attributes('data-settled')).toBe('true')
    wrapper.unmount()
  })

  it('shows the sections anyway when one keeps loading', async () => {
    const wrapper = mount(Probe, { attachTo: document.body })
    vi.advanceTimersByTime(2500)
    await flush()
    expect(wrapper.attributes('data-settled')).toBe('true')
    wrapper.unmount()
  })
})
