import { afterEach, describe, expect, it, vi } from 'vitest'
import { formatCount, formatDecimal } from '@/shared/lib/count'

afterEach(() => vi.restoreAllMocks())

describe('formatCount', () => {
  it('groups whole counts exactly as Intl does in zh-CN and en, without Intl', () => {
    const counts = [0, 1, 12, 999, 1000, 1234, 99_999, 100_000, 123_456, 1_234_567, 2 ** 31, Number.MAX_SAFE_INTEGER]
    for (let n = 1; n < 5e9; n = n * 3 + 7) counts.push(n)
    const want = counts.flatMap((n) => [new Intl.NumberFormat('zh-CN').format(n), new Intl.NumberFormat('en').format(n)])
    // `format` is an accessor returning a bound function, which TypeScript types as a method.
    const format = vi.spyOn(Intl.NumberFormat.prototype as unknown as Record<'format', unknown>, 'format', 'get')
    expect(counts.flatMap((n) => [formatCount(n, 'zh-CN'), formatCount(n, 'en')])).toEqual(want)
    expect(format).not.toHaveBeenCalled()
    expect(formatCount(12_345, 'zh-CN')).toBe('12,345')
  })

  it('asks a cached Intl.NumberFormat for anything else', () => {
    expect(formatCount(1234.5, 'en')).toBe(new Intl.NumberFormat('en').format(1234.5))
    expect(formatCount(-1234, 'zh-CN')).toBe(new Intl.NumberFormat('zh-CN').format(-1234))
    expect(formatCount(1234567, 'de')).toBe(new Intl.NumberFormat('de').format(1234567))
  })
})

describe('formatDecimal', () => {
  it('writes axis values as Intl does with at most two decimals ("0", never "-0"), without Intl', () => {
    const values = [0, -0, 1, -1, 0.5, 2.25, 92.3, -10, 1234.5, 99.999, 0.004, -0.004, 1e6, 123_456.78]
    for (let n = -2000; n <= 2000; n += 0.37) values.push(n)
    for (let k = 0; k < 3000; k++) values.push(Math.round(Math.sin(k) * 1e6) / 1000)
    const intl = new Intl.NumberFormat('en', { maximumFractionDigits: 2 })
    // Except that what rounds to zero is "0", not Intl's "-0".
    const want = values.map((n) => intl.format(n).replace(/^-0$/, '0'))
    const format = vi.spyOn(Intl.NumberFormat.prototype as unknown as Record<'format', unknown>, 'format', 'get')
    expect(values.map(formatDecimal)).toEqual(want)
    expect(format).not.toHaveBeenCalled()
  })
})
