/**
 * The KPI pages' state. Works offline: it reads only the device's copy, pulled by sync.
 * The small tables are read once per open (load); the engines' items are computed per source
 * and per month, only when a page asks for them (the month's figures need every source for one
 * month, a trend one source for twelve), and kept per month until the next sync or reload.
 * A trend's closed months come from their tallies kept on the device (data/kpiMonthCache.ts):
 * only the months never computed, or changed since, are read again.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { useSessionStore } from '@/features/auth'
import { useSyncStore } from '@/features/sync/stores/sync'
import { calendarDater, calendarMonth } from '@/shared/lib/zonedTime'
// The domain's modules one by one: the sources' formulas (sourceItems) come with the device code.
import type { KpiCode } from '../domain/catalogue'
import { trend, type Figure, type Scope } from '../domain/figures'
import type { KpiContext, KpiItem } from '../domain/items'
import { KPI_SOURCE, KPI_SOURCES, type KpiSource } from '../domain/sourceOf'
import { figureOfMonth, tallyMonth, type MonthTallies } from '../domain/tallies'
import { targetFor } from '../domain/targets'
import { viewerLevel, visibleTo, type Viewer } from '../domain/visibility'
import type { KpiBase } from '../data/kpiReads'
import { loadKpiDevice } from '../data/loadKpiDevice'
import { computeMonths, type MonthCache } from './kpiMonths'

/**
 * The device db and the read code, once the db is readable: the dashboard opens before the device
 * db (`beforeSeed`), and on a fresh device its reads must wait for the demo seed.
 */
async function deviceCode(session: ReturnType<typeof useSessionStore>) {
  const [code] = await Promise.all([loadKpiDevice(), session.dbReadable()])
  return code
}

export type LoadStatus = 'loading' | 'ready' | 'error'

export const useKpiStore = defineStore('kpis', () => {
  const session = useSessionStore()
  const sync = useSyncStore()
  const status = ref<LoadStatus>('loading')
  const data = shallowRef<KpiBase | null>(null)
  const month = ref('')
  /** Bumped whenever months are added to the cache: the views re-read it. */
  const version = ref(0)
  let cache: MonthCache = new Map()
  /** source → closed month → its tallies (read from, or written to, the device's month cache). */
  let kept = new Map<KpiSource, Map<string, MonthTallies>>()
  let loadedFor: string | null = null
  /** The sync the cache was filled after: a newer one (rows pulled or pushed) starts it again. */
  let loadedAfter: string | null = null
  let ctx: KpiContext | null = null
  /** 督办 sheet → its task (a sheet's drill-down opens the task). */
  const sheetTask = new Map<string, string>()

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
    if (!force && loadedFor === session.userId && loadedAfter === sync.state.lastSyncAt && status.value === 'ready') return
    status.value = 'loading'
    try {
      const { getDb, loadKpiBase } = await deviceCode(session)
      const d = await loadKpiBase(getDb())
      data.value = d
      const now = Date.now()
      const dateOf = calendarDater(d.timeZone)
      const dept = new Map(d.profiles.map((p) => [p.id, p.department_id]))
      ctx = { calendar: d.calendar, timeZone: d.timeZone, today: dateOf(now), now, dateOf, departmentOf: (id) => (id ? (dept.get(id) ?? null) : null) }
      cache = new Map()
      kept = new Map()
      version.value++
      month.value ||= calendarMonth(now, d.timeZone)
      loadedFor = session.userId
      loadedAfter = sync.state.lastSyncAt
      status.value = 'ready'
    } catch (e) {
      console.error('kpis failed', e)
      status.value = 'error'
    }
  }

  /** Computes (once) the items of these sources for these months; pages await it, then read `items`. */
  async function ensure(sources: readonly KpiSource[], months: readonly string[]): Promise<void> {
    if (!ctx || !viewer.value) return
    const c = ctx
    const visible = visibleTo(viewer.value)
    // The sources asked together share their reads (and the calendar's working-day reaches).
    try {
      const { getDb, readScope, readSource, sourceItems } = await deviceCode(session)
      const shared = readScope(c.calendar)
      const added = await computeMonths(cache, sources, months, (source, period) => readSource(getDb(), source, period, shared), (source, facts) => {
        for (const f of facts.followUps ?? []) sheetTask.set(f.id, f.task_id)
        return sourceItems(source, c, facts).filter(visible)
      })
      if (added) version.value++
    } catch (e) {
      console.error('kpis failed', e)
      status.value = 'error'
    }
  }
  /** Every KPI for one month (the figures, the ranking, the drill-down, the report). */
  const ensureMonth = (m: string) => ensure(KPI_SOURCES, [m])

  /** What the viewer may see, as the month cache's key (the items are cut to it). */
  const viewerKey = (v: Viewer) => JSON.stringify([v.id, [...v.heads].sort(), v.grants.map((g) => `${g.role}@${g.siteId ?? ''}`).sort()])

  /**
   * One KPI's trend: closed months from their kept tallies, those missing computed (one read of
   * the rows covering them) and kept; the open month(s) from the items, as the month's figures.
   */
  async function ensureTrend(kpi: KpiCode, months: readonly string[]): Promise<void> {
    if (!ctx || !viewer.value) return
    const source = KPI_SOURCE[kpi]
    const current = ctx.today.slice(0, 7)
    let mine = kept.get(source)
    if (!mine) kept.set(source, (mine = new Map()))
    const known = mine
    const closed = months.filter((m) => m < current && !known.has(m))
    const who = viewerKey(viewer.value)
    try {
      if (closed.length) {
        const { getDb, keepMonths, readKeptMonths } = await deviceCode(session)
        const database = getDb()
        const found = await readKeptMonths(database, who, source, closed)
        for (const [m, t] of found.months) known.set(m, t)
        const missing = closed.filter((m) => !found.months.has(m))
        if (missing.length) {
          await ensure([source], missing)
          const fresh = new Map(missing.map((m) => [m, tallyMonth(cache.get(source)?.get(m) ?? [])]))
          for (const [m, t] of fresh) known.set(m, t)
          if (status.value === 'ready') await keepMonths(database, who, source, found.gen, fresh)
        }
        version.value++
      }
      await ensure([source], months.filter((m) => m >= current))
    } catch (e) {
      console.error('kpis failed', e)
      status.value = 'error'
    }
  }
  function hasTrend(kpi: KpiCode, months: readonly string[]): boolean {
    void version.value
    const source = KPI_SOURCE[kpi]
    return months.every((m) => kept.get(source)?.has(m) || cache.get(source)?.has(m))
  }
  /** The trend's figures (ensureTrend first): kept tallies, else the month's items. */
  function trendFigures(kpi: KpiCode, months: readonly string[], scope: Scope): Figure[] {
    void version.value
    const source = KPI_SOURCE[kpi]
    return months.map((m) => {
      const t = kept.get(source)?.get(m)
      return t ? figureOfMonth(kpi, t, scope) : trend(cache.get(source)?.get(m) ?? [], kpi, [m], scope)[0]!
    })
  }

  /** The cached items of these months (of one KPI, or all); empty until ensured. */
  function items(months: readonly string[], kpi?: KpiCode): KpiItem[] {
    void version.value
    const sources = kpi ? [KPI_SOURCE[kpi]] : KPI_SOURCES
    const out: KpiItem[] = []
    for (const m of months) for (const s of sources) for (const i of cache.get(s)?.get(m) ?? []) if (!kpi || i.kpi === kpi) out.push(i)
    return out
  }
  /** Whether these months are computed for these sources (else a page shows its loading state). */
  function has(months: readonly string[], kpi?: KpiCode): boolean {
    void version.value
    const sources = kpi ? [KPI_SOURCE[kpi]] : KPI_SOURCES
    return months.every((m) => sources.every((s) => cache.get(s)?.has(m)))
  }

  const taskOfSheet = (id: string) => sheetTask.get(id) ?? null
  const target = (kpi: KpiCode) => targetFor(kpi, data.value?.targets ?? [])
  const departmentName = (id: string | null) => (id ? (data.value?.departments.find((d) => d.id === id)?.name ?? id.slice(0, 8)) : '—')
  const personName = (id: string | null) => (id ? (data.value?.profiles.find((p) => p.id === id)?.display_name ?? id.slice(0, 8)) : '—')

  /** `draftKey`: the form's device draft, dropped in the same transaction. */
  async function saveTarget(kpi: KpiCode, value: number | null, note: string | null, draftKey: string | null = null): Promise<string | null> {
    if (!session.userId) return 'kpis.errors.notAllowed'
    const { getDb, setKpiTarget } = await deviceCode(session)
    const r = await setKpiTarget(getDb(), { kpi, target: value, note }, session.userId, new Date(), draftKey)
    if (!r.ok) return r.error
    if (data.value) data.value = { ...data.value, targets: [...data.value.targets, r.row] }
    return null
  }

  return { status, data, month, viewer, level, load, ensureMonth, ensureTrend, hasTrend, trendFigures, items, has, taskOfSheet, target, departmentName, personName, saveTarget }
})
