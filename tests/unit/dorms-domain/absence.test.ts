// 长期外出: days away, the utility split without them (bed fee kept), the form's rules.
import { describe, expect, it } from 'vitest'
import { absenceSchema, awayDays, isAway, payrollCsv, payrollLines, stayDays, utilityWeights, type PayrollInput } from '@/features/dorms/domain'

const TZ = 'Asia/Shanghai'
const away = (starts_on: string, returned_on: string | null, expected_return_on = '2027-01-31') => ({ starts_on, expected_return_on, returned_on })

describe('days away', () => {
  it('from the day they left to the day before they were back; open to the end of the period; overlaps once', () => {
    expect(awayDays([away('2026-11-10', '2026-11-20')], '2026-11-01', '2026-11-30')).toBe(10)
    expect(awayDays([away('2026-11-25', null)], '2026-11-01', '2026-11-30')).toBe(6)
    // Across the month end: October's part and November's part.
    expect(awayDays([away('2026-10-25', '2026-11-05')], '2026-10-01', '2026-10-31')).toBe(7)
    expect(awayDays([away('2026-10-25', '2026-11-05')], '2026-11-01', '2026-11-30')).toBe(4)
    // Two records of the same trip (two phones offline) count once; a deleted one not at all.
    expect(awayDays([away('2026-11-10', '2026-11-20'), away('2026-11-15', '2026-11-25')], '2026-11-01', '2026-11-30')).toBe(15)
    expect(awayDays([{ ...away('2026-11-10', '2026-11-20'), deleted_at: '2026-11-11T00:00:00Z' }], '2026-11-01', '2026-11-30')).toBe(0)
    // Back the day they left: not away.
    expect(awayDays([away('2026-11-10', '2026-11-10')], '2026-11-01', '2026-11-30')).toBe(0)
  })

  it('clipped to the stay: an absence running past a check-out counts to the last night there', () => {
    const span = { id: 's', from: '2026-10-01T02:00:00Z', to: '2026-11-15T02:00:00Z' }
    expect(stayDays(span, [away('2026-11-10', null)], '2026-11-01', '2026-11-30', TZ)).toEqual({ days: 15, away: 6 })
  })

  it('away now: begun and not ended', () => {
    expect(isAway(away('2026-11-10', null), '2026-11-12')).toBe(true)
    expect(isAway(away('2026-11-10', '2026-11-12'), '2026-11-12')).toBe(false)
    expect(isAway(away('2026-11-13', null), '2026-11-12')).toBe(false)
  })

  it('everyone away all month: the bill is split by days stayed, never dropped', () => {
    expect(utilityWeights([{ id: 'a', days: 30, away: 30 }, { id: 'b', days: 15, away: 15 }])).toEqual([{ id: 'a', d: 30 }, { id: 'b', d: 15 }])
    expect(utilityWeights([{ id: 'a', days: 30, away: 10 }, { id: 'b', days: 30, away: 0 }])).toEqual([{ id: 'a', d: 20 }, { id: 'b', d: 30 }])
  })

  it('the form: the expected return after the day they leave, within a year; a reason of a few words', () => {
    const ok = { stay_id: '10000000-0000-4000-8000-000000000001', starts_on: '2026-11-10', expected_return_on: '2026-12-10', reason: '探亲' }
    expect(absenceSchema.safeParse(ok).success).toBe(true)
    expect(absenceSchema.safeParse({ ...ok, expected_return_on: '2026-11-10' }).error?.issues[0]?.message).toBe('dorms.errors.dateOrder')
    expect(absenceSchema.safeParse({ ...ok, expected_return_on: '2027-11-12' }).error?.issues[0]?.message).toBe('dorms.errors.range')
    expect(absenceSchema.safeParse({ ...ok, reason: '长'.repeat(201) }).success).toBe(false)
  })
})

describe('the payroll month with a long absence', () => {
  const input = (absences: PayrollInput['stays'][number]['absences']): PayrollInput => ({
    month: '2026-11',
    timeZone: TZ,
    rooms: [{ id: 'r1', label: '1 号宿舍楼 101', fee_fen: 30000 }],
    stays: [
      { id: 'a', room_id: 'r1', occupant_id: 'pa', bed_code: '1', from: '2026-10-01T02:00:00Z', to: null, absences },
      { id: 'b', room_id: 'r1', occupant_id: 'pb', bed_code: '2', from: '2026-10-01T02:00:00Z', to: null },
    ],
    readings: [
      { room_id: 'r1', meter: 'water', reading: 100, at: '2026-10-01T02:00:00Z' },
      { room_id: 'r1', meter: 'water', reading: 112, at: '2026-11-30T10:00:00Z' },
      { room_id: 'r1', meter: 'electricity', reading: 1000, at: '2026-10-01T02:00:00Z' },
      { room_id: 'r1', meter: 'electricity', reading: 1100, at: '2026-11-30T10:00:00Z' },
    ],
    prices: { water: 500, electricity: 60 },
    person: (id) => ({ name: id === 'pa' ? '郑浩' : '刘强', department: '生产部' }),
  })

  it('the bed fee in full; water and electricity by the days there: 20 of 30 against 30 of 30', () => {
    // Away from 11-05, back 11-15 (10 days), and again from 11-26 with no return yet (5 days): 15 days there.
    const lines = payrollLines(input([away('2026-11-05', '2026-11-15'), away('2026-11-26', null)]))
    // Water: (112 − 100) m³ × ¥5 = ¥60.00 → 15 : 30; electricity 100 kWh × ¥0.60 = ¥60.00 → 15 : 30.
    expect(lines.map((l) => [l.name, l.days, l.away_days, l.bed_fee_fen, l.water_fen, l.electricity_fen])).toEqual([
      ['郑浩', 30, 15, 30000, 2000, 2000],
      ['刘强', 30, 0, 30000, 4000, 4000],
    ])
    const csv = payrollCsv('2026-11', lines, {
      month: '月份', name: '姓名', department: '部门', room: '房间', bed: '床位', days: '天数', bedFee: '床位费', water: '水费', electricity: '电费', total: '合计', note: '备注',
      missing: () => '', away: (n) => `外出 ${n} 天（不分摊水电）`,
    })
    expect(csv.slice(1).split('\r\n')[1]).toBe('2026-11,郑浩,生产部,1 号宿舍楼 101,1,30,300.00,20.00,20.00,340.00,外出 15 天（不分摊水电）')
  })

  it('without absences the split is as before', () => {
    const lines = payrollLines(input(undefined))
    expect(lines.map((l) => [l.water_fen, l.away_days])).toEqual([[3000, 0], [3000, 0]])
  })
})
