/** Vant's stepper gets names for its −/+ buttons and its input (Lighthouse accessibility, issue 13). */
import '../support/vantCss'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref, withDirectives } from 'vue'
import { mount } from '@vue/test-utils'
import { Stepper } from 'vant'
import { vStepperLabel } from '@/shared/ui/stepperLabel'

describe('v-stepper-label', () => {
  it('names the buttons and the input, and follows a new label', async () => {
    const label = ref('份数')
    const Probe = defineComponent(() => () => withDirectives(h(Stepper, { modelValue: 1 }), [[vStepperLabel, { label: label.value, less: '减少', more: '增加' }]]))
    const wrapper = mount(Probe)
    expect(wrapper.find('.van-stepper__minus').attributes('aria-label')).toBe('份数：减少')
    expect(wrapper.find('.van-stepper__plus').attributes('aria-label')).toBe('份数：增加')
    expect(wrapper.find('.van-stepper__input').attributes('aria-label')).toBe('份数')
    label.value = 'Copies'
    await wrapper.vm.$nextTick()
    expect(wrapper.find('.van-stepper__input').attributes('aria-label')).toBe('Copies')
  })
})
