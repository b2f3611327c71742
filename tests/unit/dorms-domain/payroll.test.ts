import { describe, expect, it } from 'vitest'
import { monthBounds, payrollCsv, payrollLines, roomUnits, type PayrollInput } from '@/features/dorms/domain'
import { CSV_BOM } from '@/shared/lib/csv'

const TZ = 'Asia/Shanghai'
const input = (over: Partial<PayrollInput> = {}): PayrollInput => ({
  month: '2026-11',
  timeZone: TZ,
  rooms: [{ id: 'r1', label: '1 号宿舍楼 101', fee_fen: 15000 }, { id: 'r2', label: '1 号宿舍楼 102', fee_fen: 30000 }],
  stays: [
    // Living there all month (checked in in October).
    { id: 'a', room_id: 'r1', occupant_id: 'pa', bed_code: '1', from: '2026-10-20T02:00:00Z', to: null },
    // 2026-11-15 17:00Z is November 16 in Shanghai; leaves in December: 15 days in November.
    { id: 'b', room_id: 'r1', occupant_id: 'pb', bed_code: '2', from: '2026-11-15T17:00:00Z', to: '2026-12-05T02:00:00Z' },
    // Left in October: nothing in November.
    { id: 'c', room_id: 'r2', occupant_id: 'pc', bed_code: '1', from: '2026-09-01T02:00:00Z', to: '2026-10-31T15:00:00Z' },
  ],
  readings: [
    { room_id: 'r1', meter: 'water', reading: 100, at: '2026-10-20T02:00:00Z' },
    { room_id: 'r1', meter: 'water', reading: 110, at: '2026-11-15T17:00:00Z' },
    { room_id: 'r1', meter: 'water', reading: 130, at: '2026-12-05T02:00:00Z' },
    { room_id: 'r1', meter: 'electricity', reading: 5000, at: '2026-11-15T17:00:00Z' },
  ],
  prices: { water: 500, electricity: 80 },
  person: (id) => ({ name: { pa: '郑浩', pb: '刘强', pc: '孙秀英' }[id] ?? id, department: '生产部' }),
  ...over,
})

describe('the payroll month', () => {
  it('month bounds, and a room\'s units from the last reading before the month to the last one in it', () => {
    expect(monthBounds('2026-02')).toEqual({ start: '2026-02-01', end: '2026-02-28', days: 28 })
    expect(monthBounds('2026-12')).toEqual({ start: '2026-12-01', end: '2026-12-31', days: 31 })
    const water = input().readings.filter((r) => r.meter === 'water')
    expect(roomUnits(water, '2026-11-01', '2026-11-30', TZ)).toBe(10)
    expect(roomUnits(water, '2026-12-01', '2026-12-31', TZ)).toBe(20)
    // One reading only: not known.
    expect(roomUnits(input().readings.filter((r) => r.meter === 'electricity'), '2026-11-01', '2026-11-30', TZ)).toBe(null)
  })

  it('bed fees by days in the month, the water bill split by person-days across the month end, a missing meter noted', () => {
    const lines = payrollLines(input())
    expect(lines.map((l) => [l.name, l.days, l.bed_fee_fen, l.water_fen, l.electricity_fen, l.total_fen, l.missing])).toEqual([
      // 10 m³ × ¥5.00 = ¥50.00 shared 30 : 15 person-days → 33.33 / 16.67 (the shares add up).
      ['郑浩', 30, 15000, 3333, 0, 18333, ['electricity']],
      ['刘强', 15, 7500, 1667, 0, 9167, ['electricity']],
    ])
    expect(lines.reduce((n, l) => n + l.water_fen, 0)).toBe(5000)
  })

  it("damage charged at a check-out in the month is on the leaver's line and in the total; another month's is not", () => {
    // 2026-11-30 17:00Z is 1 December in Shanghai: December's, not November's.
    const damages = [{ stay_id: 'b', fen: 12000, at: '2026-11-20T02:00:00Z' }, { stay_id: 'a', fen: 5000, at: '2026-11-30T17:00:00Z' }]
    const lines = payrollLines(input({ damages }))
    expect(lines.map((l) => [l.name, l.damage_fen, l.total_fen])).toEqual([['郑浩', 0, 18333], ['刘强', 12000, 21167]])
    const csv = payrollCsv('2026-11', lines, { month: '月份', name: '姓名', department: '部门', room: '房间', bed: '床位', days: '天数', bedFee: '床位费', water: '水费', electricity: '电费', damage: '损坏赔偿', total: '合计', note: '备注', missing: () => '' })
    const rows = csv.slice(1).split('\r\n')
    expect(rows[0]).toBe('月份,姓名,部门,房间,床位,天数,床位费,水费,电费,损坏赔偿,合计,备注')
    expect(rows[2]).toBe('2026-11,刘强,生产部,1 号宿舍楼 101,2,15,75.00,16.67,0.00,120.00,211.67,')
  })

  it('CSV for payroll: BOM, headers, yuan with two decimals, notes; text that looks like a formula is guarded', () => {
    const h = { month: '月份', name: '姓名', department: '部门', room: '房间', bed: '床位', days: '天数', bedFee: '床位费', water: '水费', electricity: '电费', total: '合计', note: '备注', missing: (m: string) => (m === 'water' ? '水表读数不足' : '电表读数不足') }
    const lines = payrollLines(input({ person: (id) => ({ name: id === 'pa' ? '=HYPERLINK("x")' : '刘强', department: '生产部' }) }))
    const csv = payrollCsv('2026-11', lines, h)
    expect(csv.startsWith(CSV_BOM)).toBe(true)
    const rows = csv.slice(1).split('\r\n')
    expect(rows[0]).toBe('月份,姓名,部门,房间,床位,天数,床位费,水费,电费,合计,备注')
    expect(rows[1]).toBe(`2026-11,"'=HYPERLINK(""x"")",生产部,1 号宿舍楼 101,1,30,150.00,33.33,0.00,183.33,电表读数不足`)
    expect(rows[2]).toBe('2026-11,刘强,生产部,1 号宿舍楼 101,2,15,75.00,16.67,0.00,91.67,电表读数不足')
    expect(rows).toHaveLength(4) // the last CRLF ends the last record
  })
})
