// The monthly meter-reading round and the damage price list (issue 10), pure domain: round months, the
// round's readings in the month's utility split across a month end (with a rolled-over dial and a lower
// reading), and damage priced from the list (a building's price over the company-wide one).
import { describe, expect, it } from 'vitest'
import {
  damagePriceSchema,
  defaultRoundMonth,
  meterRoundSchema,
  payrollLines,
  previousMonth,
  priceDamages,
  priceListFor,
  priceTaken,
  roomsRead,
  roomUnits,
  roundMonths,
  type MeterReading,
  type PayrollInput,
} from '@/features/dorms/domain'

const TZ = 'Asia/Shanghai'
const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

describe('round months', () => {
  it('this company month or the last; the first days of a month read for the month just ended', () => {
    expect(previousMonth('2026-01')).toBe('2025-12')
    expect(previousMonth('2026-11')).toBe('2026-10')
    // 2026-11-30T17:00Z is December 1 in Shanghai.
    expect(roundMonths('2026-11-30T17:00:00Z', TZ)).toEqual(['2026-12', '2026-11'])
    expect(defaultRoundMonth('2026-11-30T17:00:00Z', TZ)).toBe('2026-11')
    // December 5, 23:00 local: still the grace days; December 6 is not.
    expect(defaultRoundMonth('2026-12-05T15:00:00Z', TZ)).toBe('2026-11')
    expect(defaultRoundMonth('2026-12-05T16:00:00Z', TZ)).toBe('2026-12')
    expect(defaultRoundMonth('2026-12-04T15:00:00Z', TZ)).toBe('2026-11')
    expect(defaultRoundMonth('2026-12-28T02:00:00Z', TZ)).toBe('2026-12')
  })

  it('the reading is validated as the server does: both meters once, 2 decimals, a month', () => {
    const ok = { id: ID(1), room_id: ID(2), month: '2026-11', meters: [{ meter: 'water', reading: 12.5, photo_id: ID(3) }, { meter: 'electricity', reading: 300, photo_id: ID(4) }] }
    expect(meterRoundSchema.safeParse(ok).success).toBe(true)
    expect(meterRoundSchema.safeParse({ ...ok, month: '2026-13' }).error?.issues[0]?.message).toBe('dorms.errors.date')
    expect(meterRoundSchema.safeParse({ ...ok, meters: ok.meters.slice(1) }).error?.issues[0]?.message).toBe('dorms.errors.reading')
    expect(meterRoundSchema.safeParse({ ...ok, meters: [{ ...ok.meters[0], reading: 1.234 }, ok.meters[1]] }).success).toBe(false)
    expect(meterRoundSchema.safeParse({ ...ok, meters: [{ ...ok.meters[0], replaced: { old_final: 99.5, new_start: 0 } }, ok.meters[1]] }).success).toBe(true)
    expect(meterRoundSchema.safeParse({ ...ok, meters: [{ ...ok.meters[0], replaced: { old_final: 99.5 } }, ok.meters[1]] }).success).toBe(false)
  })

  it('rooms read for a month: the latest reading of each room', () => {
    const rows = [
      { id: 'a', room_id: 'r1', month: '2026-11', read_at: '2026-11-30T02:00:00Z', deleted_at: null },
      { id: 'b', room_id: 'r1', month: '2026-11', read_at: '2026-12-01T02:00:00Z', deleted_at: null },
      { id: 'c', room_id: 'r2', month: '2026-10', read_at: '2026-10-30T02:00:00Z', deleted_at: null },
    ]
    const read = roomsRead(rows, '2026-11')
    expect([...read.keys()]).toEqual(['r1'])
    expect(read.get('r1')?.id).toBe('b')
  })
})

describe('the utility split with round readings across a month end', () => {
  // Room r1: October's round taken on November 2 (100), a check-in reading mid-November (110, ignored:
  // the rounds bound the month), November's round taken on December 1 (130); one resident all month, one
  // from November 16.
  const readings: MeterReading[] = [
    { room_id: 'r1', meter: 'water', reading: 95, at: '2026-10-20T02:00:00Z' },
    { room_id: 'r1', meter: 'water', reading: 100, at: '2026-11-02T02:00:00Z', month: '2026-10' },
    { room_id: 'r1', meter: 'water', reading: 110, at: '2026-11-15T17:00:00Z' },
    { room_id: 'r1', meter: 'water', reading: 130, at: '2026-12-01T02:00:00Z', month: '2026-11' },
    { room_id: 'r1', meter: 'electricity', reading: 99990, at: '2026-10-31T10:00:00Z', month: '2026-10' },
    { room_id: 'r1', meter: 'electricity', reading: 40, at: '2026-11-30T10:00:00Z', month: '2026-11' },
  ]
  const input = (over: Partial<PayrollInput> = {}): PayrollInput => ({
    month: '2026-11',
    timeZone: TZ,
    rooms: [{ id: 'r1', label: '1 号宿舍楼 101', fee_fen: 15000 }],
    stays: [
      { id: 'a', room_id: 'r1', occupant_id: 'pa', bed_code: '1', from: '2026-10-20T02:00:00Z', to: null },
      { id: 'b', room_id: 'r1', occupant_id: 'pb', bed_code: '2', from: '2026-11-15T17:00:00Z', to: null },
    ],
    readings,
    prices: { water: 500, electricity: 80 },
    person: (id) => ({ name: id, department: '生产部' }),
    ...over,
  })

  it('the month runs from the last month\'s round to this month\'s, whatever day each was read', () => {
    const water = readings.filter((r) => r.meter === 'water')
    expect(roomUnits(water, '2026-11-01', '2026-11-30', TZ)).toBe(30)
    // October: no September round, its own round (taken November 2) is its end.
    expect(roomUnits(water, '2026-10-01', '2026-10-31', TZ)).toBe(5)
    // December: from November's round; no reading after it yet.
    expect(roomUnits(water, '2026-12-01', '2026-12-31', TZ)).toBe(null)
    // Without the rounds, the check-in readings as before (95 before the month to 110 in it).
    expect(roomUnits(water.filter((r) => !r.month), '2026-11-01', '2026-11-30', TZ)).toBe(15)
  })

  it('a meter replaced in the month: the old meter to its final reading, the new one from its start', () => {
    const swapped: MeterReading[] = [
      { room_id: 'r1', meter: 'electricity', reading: 5000, at: '2026-10-31T10:00:00Z', month: '2026-10' },
      // Replaced mid-November, the check-in reading already on the new meter.
      { room_id: 'r1', meter: 'electricity', reading: 12, at: '2026-11-15T17:00:00Z', replaced: { old_final: 5150.5, new_start: 0 } },
      { room_id: 'r1', meter: 'electricity', reading: 80, at: '2026-11-30T10:00:00Z', month: '2026-11' },
    ]
    // 150.5 on the old meter + 80 on the new.
    expect(roomUnits(swapped, '2026-11-01', '2026-11-30', TZ)).toBe(230.5)
    // The replacement recorded by the round itself.
    const atRound = [swapped[0]!, { ...swapped[2]!, replaced: { old_final: 5150.5, new_start: 0 } }]
    expect(roomUnits(atRound, '2026-11-01', '2026-11-30', TZ)).toBe(230.5)
    // Two replacements in one month: not guessed.
    expect(roomUnits([swapped[0]!, swapped[1]!, { ...swapped[2]!, replaced: { old_final: 40, new_start: 0 } }], '2026-11-01', '2026-11-30', TZ)).toBe(null)
    // A replacement with the old meter's final reading below the last: not billed.
    expect(roomUnits([swapped[0]!, { ...swapped[2]!, replaced: { old_final: 4000, new_start: 0 } }], '2026-11-01', '2026-11-30', TZ)).toBe(null)
  })

  it('split by the days each stayed: 30 : 15 person-days; a lower round reading is not billed, it is noted', () => {
    const lines = payrollLines(input())
    // 30 m³ × ¥5 = ¥150 → 100.00 / 50.00. Electricity 99,990 → 40 is lower without a known dial: not billed.
    expect(lines.map((l) => [l.occupant_id, l.days, l.water_fen, l.electricity_fen, l.missing])).toEqual([
      ['pa', 30, 10000, 0, ['electricity']],
      ['pb', 15, 5000, 0, ['electricity']],
    ])
    expect(lines.reduce((n, l) => n + l.water_fen, 0)).toBe(15000)
  })
})

describe('damage priced from the list', () => {
  const prices = [
    { id: 'p1', building_id: null, item_key: 'wardrobe', unit_fen: 15000, deleted_at: null },
    { id: 'p2', building_id: null, item_key: 'desk_chair', unit_fen: 5000, deleted_at: null },
    { id: 'p3', building_id: 'b1', item_key: 'desk_chair', unit_fen: 12000, deleted_at: null },
    { id: 'p4', building_id: 'b1', item_key: 'walls_floor', unit_fen: 30000, deleted_at: '2026-11-01T00:00:00Z' },
  ]

  it('a building\'s own price over the company-wide one; removed prices do not count', () => {
    expect(priceListFor(prices, 'b1')).toEqual({ wardrobe: 15000, desk_chair: 12000 })
    expect(priceListFor(prices, 'b2')).toEqual({ wardrobe: 15000, desk_chair: 5000 })
    expect(priceDamages(['desk_chair', 'walls_floor'], priceListFor(prices, 'b1'))).toEqual({ lines: [{ item_key: 'desk_chair', fen: 12000 }], unpriced: ['walls_floor'], totalFen: 12000 })
  })

  it('one live price per item and place; the schema as the server checks it', () => {
    expect(priceTaken(prices, { id: 'new', building_id: 'b1', item_key: 'desk_chair' })).toBe(true)
    expect(priceTaken(prices, { id: 'p3', building_id: 'b1', item_key: 'desk_chair' })).toBe(false)
    expect(priceTaken(prices, { id: 'new', building_id: 'b1', item_key: 'walls_floor' })).toBe(false)
    expect(damagePriceSchema.safeParse({ id: ID(1), building_id: null, item_key: 'wardrobe', unit_fen: 15000 }).success).toBe(true)
    expect(damagePriceSchema.safeParse({ id: ID(1), building_id: null, item_key: 'Wardrobe!', unit_fen: 15000 }).success).toBe(false)
    expect(damagePriceSchema.safeParse({ id: ID(1), building_id: null, item_key: 'wardrobe', unit_fen: -1 }).success).toBe(false)
  })
})
