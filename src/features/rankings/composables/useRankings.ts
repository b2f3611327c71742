/** The rankings page's state: period kind and key, subject; computed once per period change. */
import { computed, ref, shallowRef, watch } from 'vue'
import { getDb } from '@/platform/db'
import type { SubjectType } from '@/features/inspections/domain/rankings'
import { currentPeriod, recentPeriods, type PeriodKind } from '../domain/periods'
import { withTrend } from '../domain/trend'
import { loadDirectory, type Directory } from '../data/rankingData'
import { rankPeriod, type PeriodResult } from '../data/rankPeriod'

/** How many periods the picker offers: a year of months, a quarter of weeks. */
const PICKER: Record<PeriodKind, number> = { month: 12, week: 13 }

export function useRankings() {
  const status = ref<'loading' | 'ready' | 'error'>('loading')
  const directory = shallowRef<Directory | null>(null)
  const kind = ref<PeriodKind>('month')
  const key = ref('')
  const subject = ref<SubjectType>('area')
  const result = shallowRef<PeriodResult | null>(null)
  let run = 0

  async function compute(): Promise<void> {
    const dir = directory.value
    if (!dir || !key.value) return
    const mine = ++run
    status.value = 'loading'
    try {
      const r = await rankPeriod(getDb(), dir, key.value)
      // A newer pick started meanwhile: its answer wins.
      if (mine !== run) return
      result.value = r
      status.value = 'ready'
    } catch (e) {
      if (mine !== run) return
      console.error('rankings failed', e)
      status.value = 'error'
    }
  }

  async function start(): Promise<void> {
    status.value = 'loading'
    try {
      directory.value = await loadDirectory(getDb())
      key.value = currentPeriod(kind.value, Date.now(), directory.value.timeZone)
      await compute()
    } catch (e) {
      console.error('rankings directory failed', e)
      status.value = 'error'
    }
  }

  watch(kind, (k) => {
    if (directory.value) key.value = currentPeriod(k, Date.now(), directory.value.timeZone)
  })
  watch(key, () => void compute())

  const periods = computed(() => (directory.value ? recentPeriods(kind.value, Date.now(), directory.value.timeZone, PICKER[kind.value]) : []))
  const rows = computed(() => {
    const r = result.value
    return r?.current ? withTrend(r.current[subject.value], r.previous?.[subject.value] ?? []) : []
  })
  const nameOf = (id: string) => directory.value?.names[subject.value].get(id) ?? id.slice(0, 8)

  return { status, kind, key, subject, result, periods, rows, nameOf, start, retry: () => (directory.value ? compute() : start()) }
}
