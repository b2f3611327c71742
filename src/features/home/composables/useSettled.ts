/**
 * True once a container's content has settled: nothing inside still loading and no DOM change
 * for `quietMs` (or at the latest after `maxMs`). Home's to-do sections fill in one by one
 * (lazy chunks, then their device-db queries); showing them together once settled keeps the page
 * from jumping under the user's thumb (and Cumulative Layout Shift near 0).
 */
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

const LOADING = '.van-loading, [data-state="loading"]'

/** A loading indicator inside, or a block (`.todo`) still empty: its lazy chunk has not arrived. */
function busy(root: HTMLElement): boolean {
  return !!root.querySelector(LOADING) || [...root.querySelectorAll('.todo')].some((block) => block.children.length === 0)
}

export function useSettled(container: Ref<HTMLElement | null>, quietMs = 300, maxMs = 2500): Ref<boolean> {
  const settled = ref(false)
  let quiet: ReturnType<typeof setTimeout> | undefined
  let cap: ReturnType<typeof setTimeout> | undefined
  let observer: MutationObserver | undefined

  const finish = () => {
    settled.value = true
    observer?.disconnect()
    clearTimeout(quiet)
    clearTimeout(cap)
  }
  const check = () => {
    clearTimeout(quiet)
    if (container.value && busy(container.value)) return
    quiet = setTimeout(finish, quietMs)
  }

  onMounted(() => {
    if (!container.value || typeof MutationObserver === 'undefined') return finish()
    observer = new MutationObserver(check)
    observer.observe(container.value, { childList: true, subtree: true, characterData: true })
    cap = setTimeout(finish, maxMs)
    check()
  })
  onBeforeUnmount(finish)
  return settled
}
