/**
 * The 督办 ledger's own live read (every sheet with its task), so the tasks store never reads the
 * sheets for pages that do not show them; the page lists the sheets a screenful at a time.
 */
import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import { getDb, observe } from '@/platform/db'
import { ledgerByDepartment, ledgerTotal } from '../domain'
import { followUpsWithTasks } from '../data/taskReads'
import { followUpOf, taskOf } from '../data/rows'

export const LEDGER_PAGE = 50

export function useLedger(now: () => number, timeZone: () => string) {
  const status = ref<'loading' | 'ready' | 'error'>('loading')
  const read = shallowRef<Awaited<ReturnType<typeof followUpsWithTasks>> | null>(null)
  const shown = ref(LEDGER_PAGE)
  let stop: (() => void) | null = null

  function load(): void {
    stop?.()
    status.value = 'loading'
    stop = observe(
      () => followUpsWithTasks(getDb()),
      (value) => {
        read.value = value
        status.value = 'ready'
      },
      (e) => {
        console.error('ledger query failed', e)
        status.value = 'error'
      },
    )
  }
  onScopeDispose(() => stop?.())

  const rows = computed(() => {
    const r = read.value
    if (!r) return []
    const tasks = new Map([...r.tasks].map(([id, row]) => [id, taskOf(row)]))
    return ledgerByDepartment(r.followUps.map(followUpOf), tasks, now(), timeZone())
  })
  const total = computed(() => ledgerTotal(rows.value))
  const sorted = computed(() => [...(read.value?.followUps ?? [])].filter((f) => read.value?.tasks.has(f.task_id)).sort((a, b) => b.opened_at.localeCompare(a.opened_at)))
  const sheets = computed(() => sorted.value.slice(0, shown.value).map((f) => ({ sheet: f, task: read.value!.tasks.get(f.task_id)! })))
  const more = computed(() => sorted.value.length > shown.value)
  const showMore = () => (shown.value += LEDGER_PAGE)
  return { status, rows, total, sheets, more, showMore, load }
}
