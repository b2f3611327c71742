import { describe, expect, it } from 'vitest'
import { billFen, consumption, daysInPeriod, priceDamages, splitByDays } from '@/features/dorms/domain'

const TZ = 'Asia/Shanghai'

describe('meter arithmetic', () => {
  it('uses exact hundredths between two readings', () => {
    expect(consumption({ reading: 123.45 }, { reading: 130.1 })).toEqual({ units: 6.65, issue: null })
    expect(consumption({ reading: 0.1 }, { reading: 0.3 })).toEqual({ units: 0.2, issue: null })
  })

  it('gives no figure when a reading is missing', () => {
    expect(consumption(null, { reading: 10 })).toEqual({ units: null, issue: 'missing' })
    expect(consumption({ reading: 10 }, null)).toEqual({ units: null, issue: 'missing' })
  })

  it('counts a replaced meter to its final reading and the new one from its start', () => {
    expect(consumption({ reading: 500 }, { reading: 12.5, replaced: { old_final: 520.25, new_start: 0 } })).toEqual({ units: 32.75, issue: 'replaced' })
    expect(consumption({ reading: 500 }, { reading: 12.5, replaced: { old_final: 480, new_start: 0 } })).toEqual({ units: null, issue: 'lower' })
  })

  it('treats a lower reading as a rollover only near the top of the dial, else as an issue', () => {
    expect(consumption({ reading: 99990.5 }, { reading: 12.25 }, { dialMax: 99999.99 })).toEqual({ units: 21.75, issue: 'rollover' }) // 9.49 to the top, 0.01 to wrap, then 12.25
    expect(consumption({ reading: 4000 }, { reading: 3990 }, { dialMax: 99999.99 })).toEqual({ units: null, issue: 'lower' })
    expect(consumption({ reading: 4000 }, { reading: 3990 })).toEqual({ units: null, issue: 'lower' })
  })

  it('prices units exactly in fen', () => {
    expect(billFen(6.65, 61)).toBe(406) // 6.65 kWh × ¥0.61 = ¥4.0565 → ¥4.06
    expect(billFen(32.75, 350)).toBe(11463) // 32.75 m³ × ¥3.50 = ¥114.625 → ¥114.63
  })
})

describe('the utility split by days stayed', () => {
  it('counts company-zone days inside the period, across a month end', () => {
    // Checked in 31 Jan 20:00 in Shanghai (12:00 UTC): January has 1 day of it, February all days until check-out.
    const span = { id: 'a', from: '2026-01-31T12:00:00Z', to: '2026-02-10T02:00:00Z' }
    expect(daysInPeriod(span, '2026-01-01', '2026-01-31', TZ)).toBe(1)
    expect(daysInPeriod(span, '2026-02-01', '2026-02-28', TZ)).toBe(10)
    // 23:30 UTC on 31 Jan is already 1 Feb in Shanghai.
    expect(daysInPeriod({ id: 'b', from: '2026-01-31T23:30:00Z', to: null }, '2026-01-01', '2026-01-31', TZ)).toBe(0)
    expect(daysInPeriod({ id: 'b', from: '2026-01-31T23:30:00Z', to: null }, '2026-02-01', '2026-02-28', TZ)).toBe(28)
  })

  it('shares a bill by person-days so the shares add up exactly', () => {
    const spans = [
      { id: 'a', from: '2026-01-20T02:00:00Z', to: null }, // all February: 28 days
      { id: 'b', from: '2026-02-15T02:00:00Z', to: null }, // 15–28 Feb: 14 days
      { id: 'c', from: '2026-01-01T02:00:00Z', to: '2026-01-25T02:00:00Z' }, // left in January: 0 days
    ]
    const shares = splitByDays(10000, spans, '2026-02-01', '2026-02-28', TZ)
    expect(Object.fromEntries(shares)).toEqual({ a: 6667, b: 3333 })
    const odd = splitByDays(100, [
      { id: 'x', from: '2026-02-01T02:00:00Z', to: null },
      { id: 'y', from: '2026-02-01T02:00:00Z', to: null },
      { id: 'z', from: '2026-02-01T02:00:00Z', to: null },
    ], '2026-02-01', '2026-02-28', TZ)
    expect([...odd.values()].reduce((n, v) => n + v, 0)).toBe(100)
    expect(Object.fromEntries(odd)).toEqual({ x: 34, y: 33, z: 33 })
    expect(splitByDays(500, [], '2026-02-01', '2026-02-28', TZ).size).toBe(0)
  })
})

describe('damage pricing', () => {
  it('prices failed items from the list and sets aside those it does not price', () => {
    expect(priceDamages(['wardrobe', 'door_lock_window', 'walls_floor'], { wardrobe: 15000, door_lock_window: 8000 })).toEqual({
      lines: [
        { item_key: 'wardrobe', fen: 15000 },
        { item_key: 'door_lock_window', fen: 8000 },
      ],
      unpriced: ['walls_floor'],
      totalFen: 23000,
    })
  })
})
