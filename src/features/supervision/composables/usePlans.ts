/** The plans this person sees, one plan's detail (live: acts saved or pulled show at once), names and the company calendar. */
import { computed, ref, shallowRef } from 'vue'
import { getDb, observe } from '@/platform/db'
import type { SupervisionPlanRow } from '@/platform/db/rows'
import { useSessionStore } from '@/features/auth'
import { loadCompanyCalendar } from '@/features/tasks/data/calendar'
import type { CompanyCalendar } from '@/shared/lib/calendar'
import type { TaskActor } from '@/features/tasks/domain'
import { loadPlanDetail, loadPlanNames, plansFor, type PlanDetail, type PlanNames } from '../data/planReads'

export type LoadStatus = 'loading' | 'ready' | 'error'

export function useActor() {
  const session = useSessionStore()
  return computed<TaskActor | null>(() =>
    session.userId
      ? { id: session.userId, grants: session.grants.map((g) => ({ role: g.role, siteId: g.siteId })), departmentId: session.profile?.departmentId ?? null }
      : null,
  )
}

/** A live read with its loading / error state. */
function live<T>(read: () => Promise<T>) {
  const status = ref<LoadStatus>('loading')
  const value = shallowRef<T | null>(null)
  let stop: (() => void) | null = null
  function load(): void {
    stop?.()
    status.value = 'loading'
    stop = observe(
      read,
      (v) => {
        value.value = v
        status.value = 'ready'
      },
      (e) => {
        console.error('supervision query failed', e)
        status.value = 'error'
      },
    )
  }
  return { status, value, load, stop: () => stop?.() }
}

export function usePlanList() {
  const actor = useActor()
  const list = live<SupervisionPlanRow[]>(async () => (actor.value ? plansFor(getDb(), actor.value) : []))
  const names = usePlanNames()
  return { actor, list, names }
}

export function usePlanDetail(id: () => string) {
  const actor = useActor()
  const detail = live<PlanDetail | null>(() => loadPlanDetail(getDb(), id()))
  const names = usePlanNames()
  return { actor, detail, names }
}

/** Names for rows and pickers (read once per screen), the company calendar for working-day deadlines. */
export function usePlanNames() {
  const names = shallowRef<PlanNames | null>(null)
  const calendar = shallowRef<CompanyCalendar | null>(null)
  void loadPlanNames(getDb()).then((n) => (names.value = n))
  void loadCompanyCalendar(getDb()).then((c) => (calendar.value = c))
  const person = (id: string | null) => (id ? (names.value?.people.get(id) ?? '') : '')
  const department = (id: string | null) => (id ? (names.value?.departments.get(id)?.name ?? '') : '')
  return { names, calendar, person, department }
}
