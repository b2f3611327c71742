/**
 * A form calls this with its "has unsaved input" state. While mounted it counts as dirty for the
 * update prompt, asks before the route is left, and asks the browser before the tab is closed.
 */
import { onBeforeUnmount, onMounted, toValue, type MaybeRefOrGetter } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { registerDirtySource } from './dirtyRegistry'
import { askConfirm } from '@/shared/ui/confirm'

/**
 * Navigations the user already chose to go on with: a page with two forms holding input (a
 * delegation and the threshold) asks once, not once per form.
 */
const goingOn = new WeakSet<object>()

/** `kept`: the form keeps a device draft (useDeviceDraft), so the question says the input stays. */
export function useDirtyGuard(dirty: MaybeRefOrGetter<boolean>, options: { guardRoute?: boolean; kept?: boolean } = {}): void {
  const { t } = useI18n()
  let unregister: (() => void) | null = null

  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!toValue(dirty)) return
    event.preventDefault()
    // Legacy browsers need returnValue set to show their own prompt.
    event.returnValue = ''
  }

  onMounted(() => {
    unregister = registerDirtySource(() => toValue(dirty))
    window.addEventListener('beforeunload', onBeforeUnload)
  })
  onBeforeUnmount(() => {
    unregister?.()
    window.removeEventListener('beforeunload', onBeforeUnload)
  })

  if (options.guardRoute !== false) {
    onBeforeRouteLeave(async (to) => {
      if (!toValue(dirty) || goingOn.has(to)) return true
      const go = await askConfirm({
        title: t(options.kept ? 'dirty.keptTitle' : 'dirty.leaveTitle'),
        message: t(options.kept ? 'dirty.keptMessage' : 'dirty.leaveMessage'),
        confirmButtonText: t('dirty.leave'),
        cancelButtonText: t('dirty.stay'),
      })
      if (go) goingOn.add(to)
      return go
    })
  }
}
