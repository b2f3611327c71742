/**
 * 维修审批 for one repair, live from the device: the company's threshold and the repair's application,
 * the gate for the cost being typed, and sending the repair up the chain.
 */
import { computed, onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import { getDb, observe } from '@/platform/db'
import type { MaintenanceRequestRow } from '@/platform/db/rows'
import { useSessionStore } from '@/features/auth'
import { loadRequestContext } from '@/features/requests/data/context'
import { repairGate } from '../domain/repairApproval'
import { escalateRepair, repairApprovalState, type RepairApprovalState } from '../data/repairApproval'

export function useRepairApproval(row: () => MaintenanceRequestRow, cost: Ref<number | null>) {
  const session = useSessionStore()
  const state = shallowRef<RepairApprovalState | null>(null)
  const error = ref(false)
  let stop: (() => void) | null = null
  watch(
    () => row().approval_id ?? null,
    () => {
      stop?.()
      stop = observe(
        () => repairApprovalState(getDb(), row()),
        (s) => (state.value = s),
        () => (error.value = true),
      )
    },
    { immediate: true },
  )
  onScopeDispose(() => stop?.())

  const application = computed(() => state.value?.application ?? null)
  const threshold = computed(() => state.value?.threshold ?? null)
  /** Null until the threshold is read. */
  const gate = computed(() => (state.value ? repairGate(cost.value, state.value.threshold, state.value.application) : null))

  async function escalate(args: { garage: string; vehicleName: string }) {
    const profile = session.profile
    if (!session.userId) return { ok: false as const, error: 'notFound' as const }
    return escalateRepair(getDb(), {
      id: row().id,
      garage: args.garage,
      cost: cost.value,
      vehicleName: args.vehicleName,
      applicant: { id: session.userId, site_id: profile?.siteId ?? null, department_id: profile?.departmentId ?? null },
      ctx: await loadRequestContext(getDb()),
    })
  }

  return { application, threshold, gate, error, escalate }
}
