import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref, type Ref } from 'vue'
import { mount } from '@vue/test-utils'
import { useMountStages } from '@/shared/composables/useMountStages'
import { afterFrame } from '@/shared/lib/afterPaint'
import { nextTask } from '@/shared/lib/nextTask'

/** The staged count of the component mounted last. */
const last: { shown: Readonly<Ref<number>> } = { shown: ref(-1) }
/** Renders how many parts are shown. */
const Staged = defineComponent({
  props: { parts: { type: Number, required: true } },
  setup(props) {
    const shown = useMountStages(props.parts)
    last.shown = shown
    return () => h('p', String(shown.value))
  },
})

afterEach(() => vi.unstubAllGlobals())

describe('useMountStages', () => {
  it('shows the first part at mount, then one more part per frame, up to the last', async () => {
    const wrapper = mount(Staged, { props: { parts: 2 } })
    expect(wrapper.text()).toBe('0')
    await afterFrame()
    await nextTick()
    expect(wrapper.text()).toBe('1')
    await afterFrame()
    await nextTick()
    expect(wrapper.text()).toBe('2')
    await afterFrame()
    await nextTick()
    expect(wrapper.text()).toBe('2')
    wrapper.unmount()
  })

  it('waits for a frame between parts, not only for a task', async () => {
    const frames: FrameRequestCallback[] = []
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback))
    const wrapper = mount(Staged, { props: { parts: 2 } })
    await nextTask()
    await nextTask()
    expect(wrapper.text()).toBe('0')
    frames.splice(0).forEach((callback) => callback(0))
    await nextTask()
    await nextTick()
    expect(wrapper.text()).toBe('1')
    wrapper.unmount()
  })

  it('stops once the page is gone', async () => {
    const wrapper = mount(Staged, { props: { parts: 3 } })
    await afterFrame()
    expect(last.shown.value).toBe(1)
    wrapper.unmount()
    await afterFrame()
    await afterFrame()
    expect(last.shown.value).toBe(1)
  })
})

describe('afterFrame', () => {
  it('resolves after its timeout when no frame comes (a tab in the background)', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0)
    let done = false
    void afterFrame(30).then(() => (done = true))
    await nextTask()
    expect(done).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(done).toBe(true)
  })
})
