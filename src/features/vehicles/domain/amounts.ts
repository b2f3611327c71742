/**
 * Fuel entry arithmetic (加油: litres, unit price, amount — any two give the third).
 *
 * Internally money is integer fen (0.01 yuan) and volume integer millilitres, so sums of
 * thousands of entries never drift. Inputs (yuan, yuan/L, L as numbers or strings) are
 * converted exactly from their decimal text, then rounded half-up:
 * - amount to 0.01 yuan (1 fen), as the pump and the receipt print it;
 * - unit price to 0.01 yuan/L (pump displays in China show two decimals);
 * - litres to 0.01 L (10 mL).
 * A derived value is rounded by the same rule, in integer arithmetic.
 *
 * When all three are given they must agree within a tolerance: the amount may differ from
 * litres × price by the larger of 1 fen per litre, 0.5 % of the amount, or what rounding of
 * the shown figures can explain (0.5 fen + 0.005 L × price). Beyond that the entry gets a
 * mismatch issue with each figure recomputed from the other two, and the driver picks;
 * we never silently prefer one figure (a discount card, a typo and a wrong price all look
 * alike from here).
 */
import { E } from './fields'

export type AmountField = 'litres' | 'unit_price' | 'amount'

export interface AmountsInput {
  litres?: number | string | null
  unit_price?: number | string | null
  amount?: number | string | null
}

export interface ResolvedAmounts {
  litres_ml: number
  price_fen: number
  amount_fen: number
  /** The same figures in L, yuan/L and yuan (exact two-decimal numbers). */
  litres: number
  unit_price: number
  amount: number
  /** The figure computed from the other two; null when all three were given and agree. */
  derived: AmountField | null
}

/** The most a fill-up's figure may be (L, yuan/L, yuan); fuelEntry's schema uses the same. */
export const AMOUNT_LIMITS: Readonly<Record<AmountField, number>> = { litres: 2_000, unit_price: 100, amount: 100_000 }

export type AmountsIssue =
  | { key: typeof E.twoOfThree; field: null }
  | { key: typeof E.positive; field: AmountField }
  | { key: typeof E.number; field: AmountField }
  /** A number below 0 or above AMOUNT_LIMITS: a number, but out of range (not "enter a number"). */
  | { key: typeof E.range; field: AmountField }
  | {
      key: typeof E.amountsMismatch
      field: null
      /** Each figure recomputed from the other two (null when that pair cannot give it). */
      alternatives: { litres: number | null; unit_price: number | null; amount: number | null }
      /** |amount − litres × price| in fen, rounded half-up. */
      difference_fen: number
    }

export type AmountsResult = ({ ok: true } & ResolvedAmounts) | { ok: false; issue: AmountsIssue }

const DECIMAL_RE = /^(\d*)(?:\.(\d*))?$/

/**
 * A non-negative decimal to an integer count of 10^-scale units, rounded half-up, exactly
 * (from the decimal text, not by multiplying floats: 1.005 yuan is 101 fen, not 100).
 * Null for empty, negative or unparsable input.
 */
export function toScaled(value: number | string | null | undefined, scale: number): number | null {
  if (value === null || value === undefined) return null
  let text: string
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return null
    // Fast path: away from a half the float product rounds the same as the decimal text
    // (its error is far below 1e-6 at these magnitudes); only near .5 does the text decide.
    const x = value * 10 ** scale
    if (x < 1e9 && Math.abs(x - Math.floor(x) - 0.5) > 1e-6) return Math.round(x)
    text = String(value)
    // 1e-7 and 1e21 print in exponent form; toFixed gives their plain decimals.
    if (/e/i.test(text)) text = value.toFixed(20)
  } else {
    text = value.trim()
  }
  const m = DECIMAL_RE.exec(text)
  if (!m || text === '' || text === '.') return null
  const whole = m[1] ?? ''
  const frac = m[2] ?? ''
  const kept = (frac + '0'.repeat(scale)).slice(0, scale)
  let n = Number((whole || '0') + kept)
  if ((frac[scale] ?? '0') >= '5') n += 1
  return Number.isSafeInteger(n) ? n : null
}

/** Yuan → fen, 0.01 half-up. */
export const toFen = (yuan: number | string | null | undefined) => toScaled(yuan, 2)

/** Litres → millilitres, rounded half-up to 0.01 L (10 mL). */
export function toMl(litres: number | string | null | undefined): number | null {
  const cl = toScaled(litres, 2)
  return cl === null ? null : cl * 10
}

export const fenToYuan = (fen: number) => fen / 100
export const mlToLitres = (ml: number) => ml / 1000

/** round(a / b) half-up for a ≥ 0, b > 0, in integers. */
export function halfUp(a: number, b: number): number {
  return Math.floor((2 * a + b) / (2 * b))
}

/** Amount in fen for a volume and a price: ml × fen/L ÷ 1000, half-up to the fen. */
export function amountFenOf(ml: number, priceFen: number): number {
  return halfUp(ml * priceFen, 1000)
}

/** Price in fen per litre: amount ÷ litres, half-up to the fen; null for zero litres. */
export function priceFenOf(amountFen: number, ml: number): number | null {
  return ml > 0 ? halfUp(amountFen * 1000, ml) : null
}

/** Volume in mL: amount ÷ price, half-up to 0.01 L; null for a zero price. */
export function litresMlOf(amountFen: number, priceFen: number): number | null {
  return priceFen > 0 ? halfUp(amountFen * 100, priceFen) * 10 : null
}

/** True when amount and litres × price agree within the tolerance stated above. */
export function amountsAgree(ml: number, priceFen: number, amountFen: number): boolean {
  // Everything ×1000 (milli-fen) so the comparison is exact.
  const diff = Math.abs(amountFen * 1000 - ml * priceFen)
  const tolerance = Math.max(ml /* 1 fen per litre */, amountFen * 5 /* 0.5 % */, 500 + 5 * priceFen /* rounding */)
  return diff <= tolerance
}

function resolved(ml: number, priceFen: number, amountFen: number, derived: AmountField | null): AmountsResult {
  return {
    ok: true,
    litres_ml: ml,
    price_fen: priceFen,
    amount_fen: amountFen,
    litres: mlToLitres(ml),
    unit_price: fenToYuan(priceFen),
    amount: fenToYuan(amountFen),
    derived,
  }
}

const given = (v: number | string | null | undefined) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')

/**
 * Any two of litres, unit price and amount give the third; all three are checked against
 * each other. Zero is refused for every figure (a fill of nothing is not a fill).
 */
export function resolveAmounts(input: AmountsInput): AmountsResult {
  const fields: AmountField[] = ['litres', 'unit_price', 'amount']
  const parsed: Record<AmountField, number | null> = { litres: null, unit_price: null, amount: null }
  for (const f of fields) {
    const raw = input[f]
    if (!given(raw)) continue
    const n = f === 'litres' ? toMl(raw) : toFen(raw)
    const num = typeof raw === 'number' ? raw : Number(String(raw).trim())
    if (Number.isFinite(num) && (num < 0 || num > AMOUNT_LIMITS[f])) return { ok: false, issue: { key: E.range, field: f } }
    if (n === null) return { ok: false, issue: { key: E.number, field: f } }
    if (n === 0) return { ok: false, issue: { key: E.positive, field: f } }
    parsed[f] = n
  }
  const { litres: ml, unit_price: price, amount } = parsed
  if (ml !== null && price !== null && amount !== null) {
    if (amountsAgree(ml, price, amount)) return resolved(ml, price, amount, null)
    return {
      ok: false,
      issue: {
        key: E.amountsMismatch,
        field: null,
        alternatives: {
          litres: nullable(litresMlOf(amount, price), mlToLitres),
          unit_price: nullable(priceFenOf(amount, ml), fenToYuan),
          amount: fenToYuan(amountFenOf(ml, price)),
        },
        difference_fen: halfUp(Math.abs(amount * 1000 - ml * price), 1000),
      },
    }
  }
  if (ml !== null && price !== null) return resolved(ml, price, amountFenOf(ml, price), 'amount')
  if (ml !== null && amount !== null) {
    const p = priceFenOf(amount, ml)
    if (p === null || p === 0) return { ok: false, issue: { key: E.positive, field: 'unit_price' } }
    return resolved(ml, p, amount, 'unit_price')
  }
  if (price !== null && amount !== null) {
    const l = litresMlOf(amount, price)
    if (l === null || l === 0) return { ok: false, issue: { key: E.positive, field: 'litres' } }
    return resolved(l, price, amount, 'litres')
  }
  return { ok: false, issue: { key: E.twoOfThree, field: null } }
}

function nullable<T>(v: number | null, f: (n: number) => T): T | null {
  return v === null ? null : f(v)
}
