/** Due / missed / done areas, live (re-read when inspections, rounds or areas change). */
import { onScopeDispose, ref, shallowRef } from 'vue'
import { getDb, observe } from '@/platform/db'
import { loadAreaDirectory, type AreaDirectory } from '../data/directory'
import { inspectionDue, roundDue, type DueLists } from '../data/due'

export function useDue(kind: 'inspection' | 'round', cleanerId: () => string | null = () => null) {
  const status = ref<'loading' | 'ready' | 'error'>('loading')
  const lists = shallowRef<DueLists>({ due: [], missed: [], done: [] })
  const dir = shallowRef<AreaDirectory | null>(null)
  const db = getDb()
  const stop = observe(
    async () => {
      const d = await loadAreaDirectory(db)
      const now = new Date()
      const l = kind === 'inspection' ? await inspectionDue(db, now, d.timeZone) : await roundDue(db, cleanerId(), now, d.timeZone)
      return { d, l }
    },
    ({ d, l }) => {
      dir.value = d
      lists.value = l
      status.value = 'ready'
    },
    (e) => {
      console.error('due areas query failed', e)
      status.value = 'error'
    },
  )
  onScopeDispose(stop)
  return { status, lists, dir }
}
