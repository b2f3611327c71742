/**
 * The KPI pages' state: the device's rows read once per open, every item computed once (the
 * formulas are pure), then figures, trends, rankings and drill-downs as views over them.
 * Works offline: it reads only the device's copy, pulled by sync.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { getDb } from '@/platform/db'
import { useSessionStore } from '@/features/auth'
import { calendarDater, calendarMonth } from '@/shared/lib/zonedTime'
import { allItems, targetFor, viewerLevel, visibleTo, type KpiCode, type KpiItem, type Viewer } from '../domain'
import { loadKpiData, type KpiData } from '../data/kpiReads'
import { setKpiTarget } from '../data/kpiWrites'

export type LoadStatus = 'loading' | 'ready' | 'error'

export const useKpiStore = defineStore('kpis', () => {
  const session = useSessionStore()
  const status = ref<LoadStatus>('loading')
  const data = shallowRef<KpiData | null>(null)
  const items = shallowRef<KpiItem[]>([])
  const month = ref('')
  let loadedFor: string | null = null

  const viewer = computed<Viewer | null>(() =>
    session.userId
      ? {
          id: session.userId,
          grants: session.grants.map((g) => ({ role: g.role, siteId: g.siteId })),
          heads: (data.value?.departments ?? []).filter((d) => d.head_id === session.userId).map((d) => d.id),
        }
      : null,
  )
  const level = computed(() => (viewer.value ? viewerLevel(viewer.value) : 'own'))

  async function load(force = false): Promise<void> {
    if (!force && loadedFor === session.userId && status.value === 'ready') return
    status.value = 'loading'
    try {
      const d = await loadKpiData(getDb())
      data.value = d
      const now = Date.now()
      const dateOf = calendarDater(d.timeZone)
      const dept = new Map(d.profiles.map((p) => [p.id, p.department_id]))
      const all = allItems({ calendar: d.calendar, timeZone: d.timeZone, today: dateOf(now), now, dateOf, departmentOf: (id) => (id ? (dept.get(id) ?? null) : null) }, d.facts)
      items.value = viewer.value ? all.filter(visibleTo(viewer.value)) : []
      month.value ||= calendarMonth(now, d.timeZone)
      loadedFor = session.userId
      status.value = 'ready'
    } catch (e) {
      console.error('kpis failed', e)
      status.value = 'error'
    }
  }

  const target = (kpi: KpiCode) => targetFor(kpi, data.value?.targets ?? [])
  const departmentName = (id: string | null) => (id ? (data.value?.departments.find((d) => d.id === id)?.name ?? id.slice(0, 8)) : '—')
  const personName = (id: string | null) => (id ? (data.value?.profiles.find((p) => p.id === id)?.display_name ?? id.slice(0, 8)) : '—')

  /** `draftKey`: the form's device draft, dropped in the same transaction. */
  async function saveTarget(kpi: KpiCode, value: number | null, note: string | null, draftKey: string | null = null): Promise<string | null> {
    if (!session.userId) return 'kpis.errors.notAllowed'
    const r = await setKpiTarget(getDb(), { kpi, target: value, note }, session.userId, new Date(), draftKey)
    if (!r.ok) return r.error
    if (data.value) data.value = { ...data.value, targets: [...data.value.targets, r.row] }
    return null
  }

  return { status, data, items, month, viewer, level, load, target, departmentName, personName, saveTarget }
})
