/**
 * Vant's stepper cannot name its −/+ buttons and its number input (Lighthouse/axe: button-name,
 * label). `v-stepper-label="{ label, less, more }"` on a <van-stepper> names all three.
 */
import type { Directive } from 'vue'

export interface StepperLabels {
  /** What the number is (the field's label). */
  label: string
  /** The − button's and the + button's words, e.g. 减少 / 增加. */
  less: string
  more: string
}

function apply(el: HTMLElement, { label, less, more }: StepperLabels): void {
  el.querySelector('.van-stepper__minus')?.setAttribute('aria-label', `${label}：${less}`)
  el.querySelector('.van-stepper__plus')?.setAttribute('aria-label', `${label}：${more}`)
  el.querySelector('.van-stepper__input')?.setAttribute('aria-label', label)
}

export const vStepperLabel: Directive<HTMLElement, StepperLabels> = {
  mounted: (el, binding) => apply(el, binding.value),
  updated: (el, binding) => apply(el, binding.value),
}
