import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import { afterFrame } from '@/shared/lib/afterPaint'

/**
 * A page's first render in parts (issue 13): on a slow phone, a page's first render was its longest
 * task. The page mounts its first part; `shown` then counts the parts after it, one more per frame, up
 * to `parts`: each part is styled and laid out in a frame of its own, not all of them in one long
 * frame. Put later what comes below (so nothing above moves) or what the first look can do without.
 */
export function useMountStages(parts: number): Readonly<Ref<number>> {
  const shown = ref(0)
  let mounted = true
  onMounted(async () => {
    for (let part = 1; part <= parts; part++) {
      await afterFrame()
      if (!mounted) return
      shown.value = part
    }
  })
  onBeforeUnmount(() => (mounted = false))
  return shown
}
