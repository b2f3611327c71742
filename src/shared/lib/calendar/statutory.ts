/**
 * China's statutory holidays and make-up working days, from the maintained `chinese-days`
 * package's data file (the years the State Council has published; the package is updated
 * each winter when the next year's arrangement comes out). Loaded on demand so the data
 * stays out of the first screen's chunk. Only the data is used, not the package's date
 * functions: those read dates in the device's zone, and ours are company-zone calendar dates.
 */
import type { StatutoryDays } from './workingDays'

interface PackageData {
  holidays: Record<string, string>
  workdays: Record<string, string>
}

/** Turns the package's JSON into the calendar's maps (exported for tests). */
export function statutoryFrom(data: PackageData): StatutoryDays {
  const holidays = new Map(Object.entries(data.holidays))
  const workdays = new Map(Object.entries(data.workdays))
  const years = new Set<number>()
  for (const date of holidays.keys()) years.add(Number(date.slice(0, 4)))
  return { holidays, workdays, years }
}

let loading: Promise<StatutoryDays> | null = null

/** The statutory days, loaded once (a lazy chunk of ~5 kB gzip). */
export function loadStatutoryDays(): Promise<StatutoryDays> {
  loading ??= import('chinese-days/dist/chinese-days.json').then((m) => statutoryFrom(m.default as PackageData))
  return loading
}
