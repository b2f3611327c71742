/** The period and scope a KPI page shows, kept in the URL (?month=2026-11&dept=…) so a drill-down and a reload keep them. */
import { computed, watch, type Ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { monthsBack, type Scope } from '../domain/figures'
import type { KpiItem } from '../domain/items'
import { useKpiStore } from '../stores/kpis'

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

export function useKpiScope() {
  const store = useKpiStore()
  const route = useRoute()
  const router = useRouter()
  const month = computed(() => {
    const q = route.query.month
    return typeof q === 'string' && MONTH.test(q) ? q : store.month
  })
  /** The department chosen (heads and the admin head); '' = all they see. */
  const department = computed(() => {
    const q = route.query.dept
    if (typeof q === 'string' && q) return q
    return store.level === 'department' ? (store.viewer?.heads[0] ?? '') : ''
  })
  const scope = computed<Scope>(() => {
    if (store.level === 'own' || !store.viewer) return { kind: 'person', id: store.viewer?.id ?? '' }
    return department.value ? { kind: 'department', id: department.value } : { kind: 'company' }
  })
  const go = (query: Record<string, string>) => router.replace({ query: { ...route.query, ...query } })
  const shiftMonth = (n: number) => go({ month: n < 0 ? monthsBack(month.value, 2)[0]! : nextMonth(month.value) })
  return { month, department, scope, go, shiftMonth }
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/** The month's items of every KPI, computed when the month is first shown; `ready` once they are. */
export function useKpiMonthItems(month: Ref<string>) {
  const store = useKpiStore()
  watch(
    // data: a new load (another user, a newer sync) starts a new cache even when the status stays 'ready'.
    [() => store.status, () => store.data, month],
    ([status, , m]) => {
      if (status === 'ready') void store.ensureMonth(m)
    },
    { immediate: true },
  )
  const ready = computed(() => store.status === 'ready' && store.has([month.value]))
  // The same array while the month's items are the same ones: a trend's months added to the cache
  // re-read the store, and a new array would recompute every figure and re-render every cell.
  const items = computed((prev?: KpiItem[]) => {
    const next = store.items([month.value])
    return prev && prev.length === next.length && next.every((item, i) => item === prev[i]) ? prev : next
  })
  return { ready, items }
}
