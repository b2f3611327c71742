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

/**
 * A number with at most two decimals, grouped by three with "," (both app locales), as
 * Intl.NumberFormat('en', { maximumFractionDigits: 2 }) writes it, without building one:
 * chart axes (issue 13). What rounds to zero is "0" (Intl writes "-0" for a small negative).
 */
export function formatDecimal(n: number): string {
  const abs = Math.abs(n)
  if (!Number.isFinite(n) || abs >= 1e13) return String(n)
  // Intl rounds the shortest decimal that reads back as the number, half away from zero.
  const [whole = '0', fraction = ''] = abs < 1e-6 ? ['0'] : String(abs).split('.')
  const hundredths = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0')) + (fraction.charAt(2) >= '5' ? 1 : 0)
  const decimals = String(hundredths % 100).padStart(2, '0').replace(/0+$/, '')
  const sign = n < 0 && hundredths > 0 ? '-' : ''
  return `${sign}${formatCount(Math.floor(hundredths / 100), 'en')}${decimals ? `.${decimals}` : ''}`
}
