/**
 * How many of a list's items may be shown: none until `start` holds, then one more per task
 * (a macrotask each), so mounting Home's sections and starting their reads is several short
 * tasks between which the browser paints and answers input, not one long one.
 */
import { onBeforeUnmount, ref, watch, type Ref } from 'vue'

export function useOneByOne(start: () => boolean, count: () => number): Ref<number> {
  const shown = ref(0)
  let timer: ReturnType<typeof setTimeout> | undefined
  const step = () => {
    timer = undefined
    if (!start() || shown.value >= count()) return
    shown.value++
    timer = setTimeout(step, 0)
  }
  watch([start, count], () => timer ?? (timer = setTimeout(step, 0)), { immediate: true })
  onBeforeUnmount(() => clearTimeout(timer))
  return shown
}
