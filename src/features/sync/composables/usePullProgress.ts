/** "First sync: 12,345 records downloaded" while a pull runs; null otherwise. */
import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { formatCount } from '@/shared/lib/count'
import { useSyncStore } from '../stores/sync'

export function usePullProgress(): ComputedRef<string | null> {
  const { t, locale } = useI18n()
  const sync = useSyncStore()
  return computed(() => {
    const p = sync.state.pullProgress
    if (sync.state.phase !== 'pulling' || !p) return null
    return t(p.first ? 'sync.progress.first' : 'sync.progress.more', { n: formatCount(p.received, locale.value) })
  })
}
