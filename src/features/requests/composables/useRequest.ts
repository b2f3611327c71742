/** One application with its timeline, live, plus the names and the viewer's authority at its step. */
import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue'
import { getDb, observe } from '@/platform/db'
import { authorityOn, getRequest, type RequestWithTimeline } from '../data/requestReads'
import { repairOfApplication, vehicleLabelOf } from '../data/dispatch'
import { useSessionStore } from '@/features/auth'
import { useRequestsStore } from '../stores/requests'

export function useRequest(id: () => string) {
  const store = useRequestsStore()
  const session = useSessionStore()
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

  /** Present when the viewer may decide its current step (own role at its site, or a delegator's today). */
  const authority = computed(() => {
    const request = data.value?.request
    const ctx = store.context
    if (!request || !ctx || !session.userId) return null
    const a = authorityOn(request, session.userId, ctx, new Date().toISOString())
    return a.ok ? { onBehalfOf: a.onBehalfOf } : null
  })
  const name = (userId: string | null) => store.context?.personName(userId) ?? ''
  /** 用车申请: the assigned vehicle's number and name. */
  const vehicleLabel = ref('')
  watch(
    () => data.value?.request.assignment?.vehicle_id,
    async (vehicleId) => {
      vehicleLabel.value = vehicleId ? await vehicleLabelOf(getDb(), vehicleId) : ''
    },
  )
  /** 车辆维修审批: the repair it was sent up from, to go ahead with once approved. */
  const repairId = ref<string | null>(null)
  watch(
    () => (data.value?.request.type === 'vehicle_repair' ? data.value.request.id : null),
    async (requestId) => {
      repairId.value = requestId ? await repairOfApplication(getDb(), requestId) : null
    },
  )
  return { status, data, authority, name, vehicleLabel, repairId, retry: start, store }
}
