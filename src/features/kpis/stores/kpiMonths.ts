/**
 * The per-month cache of KPI items: each source's items are computed for the months missing,
 * from one read of the rows covering them (readSource's window), and kept by month. Two pages
 * asking for the same month at once share one read. Each source's read starts in a task of its
 * own: started together (the month's open: every source), issuing them was one long task (~210 ms
 * at 4x CPU on a first visit, issue 13).
 */
import { lastDayOfMonth } from '@/shared/lib/zonedTime'
import { nextTask } from '@/shared/lib/nextTask'
import type { KpiFacts, KpiItem, KpiSource, Period } from '../domain'

/** source → month ('YYYY-MM') → that month's items. */
export type MonthCache = Map<KpiSource, Map<string, KpiItem[]>>

const inflight = new WeakMap<MonthCache, Map<string, Promise<void>>>()

/** Fills the cache for these sources and months; true when something was added. */
export async function computeMonths(
  cache: MonthCache,
  sources: readonly KpiSource[],
  months: readonly string[],
  read: (source: KpiSource, period: Period) => Promise<KpiFacts>,
  compute: (source: KpiSource, facts: KpiFacts) => KpiItem[],
): Promise<boolean> {
  let running = inflight.get(cache)
  if (!running) inflight.set(cache, (running = new Map()))
  const pending = running
  const waits: Promise<void>[] = []
  for (const source of sources) {
    let byMonth = cache.get(source)
    if (!byMonth) cache.set(source, (byMonth = new Map()))
    const done = byMonth
    const missing = [...new Set(months)].filter((m) => !done.has(m) && !pending.has(`${source}:${m}`)).sort()
    waits.push(...months.map((m) => pending.get(`${source}:${m}`)).filter((p) => p !== undefined))
    if (missing.length === 0) continue
    const job = (async () => {
      await nextTask()
      const period = { from: `${missing[0]}-01`, to: lastDayOfMonth(missing[missing.length - 1]!) }
      const facts = await read(source, period)
      const fresh = new Map<string, KpiItem[]>(missing.map((m) => [m, []]))
      for (const item of compute(source, facts)) fresh.get(item.day.slice(0, 7))?.push(item)
      for (const [m, list] of fresh) done.set(m, list)
    })()
    const settle = job.finally(() => missing.forEach((m) => pending.delete(`${source}:${m}`)))
    for (const m of missing) pending.set(`${source}:${m}`, settle)
    waits.push(job)
  }
  const added = waits.length > 0
  await Promise.all(waits)
  return added
}
