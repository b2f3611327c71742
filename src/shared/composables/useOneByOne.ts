/**
 * How many of a list's items may be shown: none until `start` holds, then one more per task
 * (a macrotask each), so mounting Home's sections and starting their reads is several short
 * tasks between which the browser paints and answers input, not one long one. `prepare(i)`
 * (the item's lazy chunk) is awaited before item i shows, so it never shows a shorter stand-in.
 */
import { onBeforeUnmount, ref, watch, type Ref } from 'vue'

export function useOneByOne(start: () => boolean, count: () => number, prepare: (index: number) => unknown = () => undefined): Ref<number> {
  const shown = ref(0)
  let timer: ReturnType<typeof setTimeout> | undefined
  let busy = false
  let gone = false
  const reveal = () => {
    if (gone) return
    shown.value++
    timer = setTimeout(step, 0)
  }
  const step = () => {
    timer = undefined
    if (busy || gone || !start() || shown.value >= count()) return
    const before = prepare(shown.value)
    if (!(before instanceof Promise)) return reveal()
    busy = true
    // A chunk that fails to load still lets the item show (its own error state) and the next ones.
    void before
      .catch(() => undefined)
      .then(() => {
        busy = false
        reveal()
      })
  }
  watch([start, count], () => timer ?? (timer = setTimeout(step, 0)), { immediate: true })
  onBeforeUnmount(() => {
    gone = true
    clearTimeout(timer)
  })
  return shown
}
