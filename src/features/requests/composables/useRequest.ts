/** One application with its timeline, live, plus the names and the viewer's authority at its step. */
import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue'
import { getDb, observe } from '@/platform/db'
import { getRequest, type RequestWithTimeline } from '../data/requestReads'
import { useRequestsStore } from '../stores/requests'

export function useRequest(id: () => string) {
  const store = useRequestsStore()
  const status = ref<'loading' | 'ready' | 'error'>('loading')
  const data = shallowRef<RequestWithTimeline | null>(null)
  let stop: (() => void) | null = null

  function start(): void {
    stop?.()
    status.value = 'loading'
    store.start()
    stop = observe(
      () => getRequest(getDb(), id()),
      (value) => {
        data.value = value
        status.value = 'ready'
      },
      (e) => {
        console.error('request failed', e)
        status.value = 'error'
      },
    )
  }
  watch(id, start, { immediate: true })
  onScopeDispose(() => stop?.())

  /** Present when the viewer may decide its current step (from the live inbox). */
  const authority = computed(() => store.waitingForMe.find((x) => x.request.id === id()) ?? null)
  const name = (userId: string | null) => store.context?.personName(userId) ?? ''
  return { status, data, authority, name, retry: start, store }
}
