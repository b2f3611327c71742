/**
 * When a textarea field may size itself (Vant's `autosize`): from its first text on (typed, or a
 * restored draft), never before. Vant measures an autosize textarea as it mounts: two or three
 * forced layouts of the whole page per field, inside the page's first render (~20 ms each here on
 * the seal-use form, 4× that on a slow phone; issue 13). An empty textarea is already its `rows`
 * tall, so there is nothing to measure. Once on, it stays on (emptied again, it shrinks back).
 * Give the field the `field-grows` class (base.css): without autosize Vant holds a textarea to a
 * taller minimum, and the field must be as tall either way.
 */
import { ref, watch, type Ref } from 'vue'

export function useAutosizeOnceFilled(text: () => string | null | undefined): Readonly<Ref<boolean>> {
  const on = ref(Boolean(text()))
  if (!on.value) {
    const stop = watch(text, (value) => {
      if (!value) return
      on.value = true
      stop()
    })
  }
  return on
}
