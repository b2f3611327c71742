import { describe, expect, it } from 'vitest'
import { amountFenOf, amountsAgree, litresMlOf, priceFenOf, resolveAmounts, toFen, toMl, toScaled } from '@/features/vehicles/domain/amounts'

describe('toScaled: exact decimal rounding, half-up', () => {
  it('rounds from the decimal text, not the float', () => {
    expect(toFen(1.005)).toBe(101) // 1.005 * 100 = 100.49999… as floats
    expect(toFen('1.005')).toBe(101)
    expect(toFen(1.004)).toBe(100)
    expect(toFen(0.1 + 0.2)).toBe(30)
    expect(toFen('7.89')).toBe(789)
    expect(toFen(' 300 ')).toBe(30000)
    expect(toFen('.5')).toBe(50)
    expect(toFen(12)).toBe(1200)
  })
  it('litres go to 10 mL steps', () => {
    expect(toMl(40.005)).toBe(40010)
    expect(toMl(40.004)).toBe(40000)
    expect(toMl('35.5')).toBe(35500)
  })
  it('refuses negatives, text and exponent garbage; reads tiny numbers', () => {
    expect(toFen(-1)).toBeNull()
    expect(toFen('abc')).toBeNull()
    expect(toFen('1,5')).toBeNull()
    expect(toFen('')).toBeNull()
    expect(toFen(Number.NaN)).toBeNull()
    expect(toScaled(1e-7, 2)).toBe(0)
    expect(toFen(null)).toBeNull()
  })
})

describe('derivations in integers', () => {
  it('amount = litres × price, half-up to the fen', () => {
    expect(amountFenOf(40_000, 789)).toBe(31_560)
    // 33.33 L × 7.89 = 262.9737 → 262.97
    expect(amountFenOf(33_330, 789)).toBe(26_297)
    // 0.5 fen rounds up: 0.01 L × 0.50 = 0.005 → 0.01
    expect(amountFenOf(10, 50)).toBe(1)
  })
  it('price = amount ÷ litres, litres = amount ÷ price', () => {
    expect(priceFenOf(30_000, 38_020)).toBe(789) // 300 / 38.02 = 7.8906
    expect(litresMlOf(30_000, 789)).toBe(38_020) // 300 / 7.89 = 38.0228 → 38.02
    expect(priceFenOf(100, 0)).toBeNull()
    expect(litresMlOf(100, 0)).toBeNull()
  })
})

describe('resolveAmounts: any two give the third', () => {
  it('litres + price → amount', () => {
    const r = resolveAmounts({ litres: 40, unit_price: 7.89 })
    expect(r).toMatchObject({ ok: true, amount: 315.6, amount_fen: 31_560, derived: 'amount' })
  })
  it('amount + price → litres (the usual "fill 300 yuan" case)', () => {
    const r = resolveAmounts({ amount: '300', unit_price: '7.89' })
    expect(r).toMatchObject({ ok: true, litres: 38.02, litres_ml: 38_020, derived: 'litres' })
  })
  it('litres + amount → price', () => {
    const r = resolveAmounts({ litres: 38.02, amount: 300 })
    expect(r).toMatchObject({ ok: true, unit_price: 7.89, derived: 'unit_price' })
  })
  it('all three agreeing within rounding: kept as given', () => {
    // The pump's own rounding: 38.02 × 7.89 = 299.98 but the receipt says 300.00.
    const r = resolveAmounts({ litres: 38.02, unit_price: 7.89, amount: 300 })
    expect(r).toMatchObject({ ok: true, amount: 300, litres: 38.02, unit_price: 7.89, derived: null })
  })
  it('small top-up within tolerance (litre rounding dominates)', () => {
    // 1.00 L shown, really 1.004 L: 7.89 × 1.004 = 7.92
    expect(resolveAmounts({ litres: 1, unit_price: 7.89, amount: 7.92 })).toMatchObject({ ok: true })
  })
  it('all three disagreeing: a mismatch issue with each figure recomputed', () => {
    const r = resolveAmounts({ litres: 40, unit_price: 7.89, amount: 350 })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issue.key).toBe('vehicles.errors.amountsMismatch')
    if (r.issue.key !== 'vehicles.errors.amountsMismatch') return
    expect(r.issue.alternatives).toEqual({ litres: 44.36, unit_price: 8.75, amount: 315.6 })
    expect(r.issue.difference_fen).toBe(3440)
  })
  it('just beyond 0.5 % is a mismatch, just within is not', () => {
    // 40 L × 7.89 = 315.60; 0.5 % of ~317 = 1.59
    expect(amountsAgree(40_000, 789, 31_718)).toBe(true)
    expect(amountsAgree(40_000, 789, 31_730)).toBe(false)
  })
  it('fewer than two figures, zero or garbage', () => {
    expect(resolveAmounts({ litres: 40 })).toEqual({ ok: false, issue: { key: 'vehicles.errors.twoOfThree', field: null } })
    expect(resolveAmounts({ litres: 40, amount: '' })).toMatchObject({ ok: false, issue: { key: 'vehicles.errors.twoOfThree' } })
    expect(resolveAmounts({ litres: 0, amount: 10 })).toMatchObject({ ok: false, issue: { key: 'vehicles.errors.positive', field: 'litres' } })
    expect(resolveAmounts({ litres: 'x', amount: 10 })).toMatchObject({ ok: false, issue: { key: 'vehicles.errors.number', field: 'litres' } })
    // 0.01 yuan at 7.89/L is 0.00 L: refused rather than a zero fill.
    expect(resolveAmounts({ amount: 0.01, unit_price: 7.89 })).toMatchObject({ ok: false, issue: { key: 'vehicles.errors.positive', field: 'litres' } })
  })
  it('sums of many entries stay exact in fen', () => {
    let fen = 0
    for (let i = 0; i < 1000; i++) {
      const r = resolveAmounts({ litres: 0.1, unit_price: 0.1 })
      if (r.ok) fen += r.amount_fen
    }
    expect(fen).toBe(1000) // 0.01 each; floats would give 9.999999…
  })
})
