/** One task page's data, live: after "fixed" or a verification the page shows the new state at once. */
import { onScopeDispose, ref, shallowRef } from 'vue'
import { getDb, observe } from '@/platform/db'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'
import { loadTaskDetail, type TaskDetail } from '../data/rectificationReads'
import { loadNames, type Names } from '../data/names'

export function useRectTask() {
  const status = ref<'loading' | 'ready' | 'missing' | 'error'>('loading')
  const detail = shallowRef<TaskDetail | null>(null)
  const names = shallowRef<Names>({ people: new Map(), departments: new Map(), timeZone: DEFAULT_TIME_ZONE })
  let stop: (() => void) | null = null

  function load(id: string): void {
    stop?.()
    status.value = 'loading'
    const db = getDb()
    stop = observe(
      async () => Promise.all([loadTaskDetail(db, id), loadNames(db)]),
      ([d, n]) => {
        detail.value = d
        names.value = n
        status.value = d ? 'ready' : 'missing'
      },
      (e) => {
        console.error('rectification task query failed', e)
        status.value = 'error'
      },
    )
  }
  onScopeDispose(() => stop?.())

  const personName = (id: string | null | undefined) => (id ? (names.value.people.get(id) ?? '') : '')
  return { status, detail, names, load, personName }
}
