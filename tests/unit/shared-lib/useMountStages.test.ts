import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref, type Ref } from 'vue'
import { mount } from '@vue/test-utils'
import { useMountStages } from '@/shared/composables/useMountStages'
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

describe('useMountStages', () => {
  it('shows the first part at mount, then one more part per task, up to the last', async () => {
    const wrapper = mount(Staged, { props: { parts: 2 } })
    expect(wrapper.text()).toBe('0')
    await nextTask()
    await nextTick()
    expect(wrapper.text()).toBe('1')
    await nextTask()
    await nextTick()
    expect(wrapper.text()).toBe('2')
    await nextTask()
    await nextTick()
    expect(wrapper.text()).toBe('2')
    wrapper.unmount()
  })

  it('stops once the page is gone', async () => {
    const wrapper = mount(Staged, { props: { parts: 3 } })
    await nextTask()
    expect(last.shown.value).toBe(1)
    wrapper.unmount()
    await nextTask()
    await nextTask()
    expect(last.shown.value).toBe(1)
  })
})
