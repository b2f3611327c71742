/**
 * One long task list (the tasks I gave, my scope) a page at a time, live: the page's rows come from
 * data/taskPages.ts, re-read when a task changes, the filter or search changes, or more is asked for.
 */
import { onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import { getDb, observe } from '@/platform/db'
import type { TaskActor } from '../domain'
import { taskPage, type ListFilter, type PagedTab, type TaskPage } from '../data/taskPages'

export const TASK_PAGE = 50

export function useTaskPage(actor: () => TaskActor | null, tab: () => PagedTab | null, filter: Ref<ListFilter>, search: Ref<string>) {
  const status = ref<'loading' | 'ready' | 'error'>('loading')
  const page = shallowRef<TaskPage>({ rows: [], more: false })
  const limit = ref(TASK_PAGE)
  let stop: (() => void) | null = null

  function load(): void {
    stop?.()
    stop = null
    const who = actor()
    const which = tab()
    if (!who || !which) return
    status.value = 'loading'
    const args = [filter.value, search.value, limit.value] as const
    stop = observe(
      () => taskPage(getDb(), who, which, ...args),
      (value) => {
        page.value = value
        status.value = 'ready'
      },
      (e) => {
        console.error('task page query failed', e)
        status.value = 'error'
      },
    )
  }
  watch([() => JSON.stringify(actor()), tab, filter, search], () => {
    limit.value = TASK_PAGE
    load()
  })
  watch(limit, load)
  load()
  onScopeDispose(() => stop?.())
  const showMore = () => (limit.value += TASK_PAGE)
  return { status, page, showMore, load }
}
