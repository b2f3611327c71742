/**
 * A count for display ("12,345 records"). For the app's two locales and a whole number the grouping
 * is written by hand, exactly as Intl writes it (both group by three with ","): the first Intl object a
 * page builds costs 25–60 ms of ICU start-up (issue 13). Anything else: one cached Intl.NumberFormat per locale.
 */
const GROUPED_BY_THREE_WITH_COMMA = new Set(['zh-CN', 'en'])

const formatters = new Map<string, Intl.NumberFormat>()

export function formatCount(n: number, locale: string): string {
  if (GROUPED_BY_THREE_WITH_COMMA.has(locale) && Number.isSafeInteger(n) && n >= 0) return String(n).replace(/\B(?=(\d{3})+$)/g, ',')
  let f = formatters.get(locale)
  if (!f) {
    f = new Intl.NumberFormat(locale)
    formatters.set(locale, f)
  }
  return f.format(n)
}
