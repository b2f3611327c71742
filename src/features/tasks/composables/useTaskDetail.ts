/** One task with its facts and 督办 sheets, live; the domain state and what this person may do now. */
import { computed, ref, shallowRef } from 'vue'
import { getDb, observe } from '@/platform/db'
import { availableActs, type TaskButton } from '../domain'
import { loadTaskDetail, type TaskDetail } from '../data/taskReads'
import { stateOf } from '../data/rows'
import { useTasksStore } from '../stores/tasks'

export function useTaskDetail() {
  const store = useTasksStore()
  store.load()
  const status = ref<'loading' | 'ready' | 'error'>('loading')
  const detail = shallowRef<TaskDetail | null>(null)
  let stop: (() => void) | null = null

  function load(id: string): void {
    stop?.()
    status.value = 'loading'
    stop = observe(
      () => loadTaskDetail(getDb(), id),
      (value) => {
        detail.value = value
        status.value = 'ready'
      },
      (e) => {
        console.error('task query failed', e)
        status.value = 'error'
      },
    )
  }

  const state = computed(() => (detail.value ? stateOf(detail.value.task, detail.value.followUps) : null))
  const acts = computed<TaskButton[]>(() => (state.value && store.actor ? availableActs(state.value, store.actor, new Date(store.now).toISOString()) : []))
  return { status, detail, state, acts, load, store }
}
