/**
 * Print setup for a page that prints something other than itself: the paper size
 * (@page cannot be scoped, so it lives in a <style> only while the page is open) and
 * a class on <html> that lets print CSS hide the app chrome.
 */
import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue'

export const PRINT_CLASS = 'af-printing'

export function usePrintPage(pageRule: Ref<string>): void {
  let style: HTMLStyleElement | null = null
  const apply = (rule: string) => {
    if (style) style.textContent = rule
  }
  onMounted(() => {
    style = document.createElement('style')
    style.dataset.printPage = ''
    document.head.appendChild(style)
    apply(pageRule.value)
    document.documentElement.classList.add(PRINT_CLASS)
  })
  watch(pageRule, apply)
  onBeforeUnmount(() => {
    style?.remove()
    style = null
    document.documentElement.classList.remove(PRINT_CLASS)
  })
}
