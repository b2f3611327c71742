/** An application's licence work, live (re-read when its steps, the company's lists or the application change). */
import { onScopeDispose, ref, shallowRef, watch } from 'vue'
import { getDb, observe } from '@/platform/db'
import type { RequestRow } from '@/platform/db/rows'
import { loadLicenceWork, type LicenceWorkView } from '../data/licenceWork'

export function useLicenceWork(request: () => RequestRow | null) {
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const view = shallowRef<LicenceWorkView | null>(null)
  let stop: (() => void) | null = null

  function start(): void {
    stop?.()
    stop = null
    const row = request()
    if (!row || row.type !== 'licence_affair') {
      status.value = 'idle'
      view.value = null
      return
    }
    status.value = 'loading'
    stop = observe(
      () => loadLicenceWork(getDb(), row),
      (value) => {
        view.value = value
        status.value = 'ready'
      },
      (e) => {
        console.error('licence work failed', e)
        status.value = 'error'
      },
    )
  }
  watch(() => {
    const r = request()
    return r ? `${r.id}:${r.status}:${r.fulfilled_at ?? ''}:${r.updated_at}` : ''
  }, start, { immediate: true })
  onScopeDispose(() => stop?.())
  return { status, view, retry: start }
}
