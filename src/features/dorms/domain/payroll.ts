/**
 * A month's dormitory fees and utility charges per person, for payroll (工资代扣), exported as CSV.
 * - Bed fee: the room's fee per bed per month × the days stayed in the month ÷ the month's days.
 * - Water and electricity: each room's use in the month from its meter readings: the monthly round's
 *   month-end readings where they exist (the last month's round to this month's, whatever day each was
 *   taken), else those taken at check-ins and check-outs (the last reading before the month, or else the
 *   first in it, to the last reading in it); meter arithmetic as consumption(); priced per unit, split
 *   between the occupants by the days each stayed (company time zone, across month ends). A room without
 *   two readings is charged nothing and says so in the note, for the dorm manager to read the meter.
 * - 长期外出 (absence.ts): the bed fee is charged for the days away too; the water and electricity are split
 *   by the days each was there (days away left out), noted per person in the CSV.
 * - Damage (损坏赔偿): what check-outs in the month charged from the price list, on the leaver's line.
 * All money in fen; the CSV shows yuan with two decimals.
 */
import { calendarDate, daysBetween } from '@/shared/lib/zonedTime'
import { recordsToCsv, type CsvColumn } from '@/shared/lib/csv'
import { billFen, consumption, daysInPeriod, splitByWeights, type StaySpan } from './utilities'
import { stayDays, utilityWeights, type AbsenceSpan } from './absence'
import { formatFen } from './rooms'
import { METERS, type Meter } from './checkIn'
import { previousMonth } from './meterRound'


export interface PayrollRoom {
  id: string
  label: string
  fee_fen: number
}

export interface PayrollStay extends StaySpan {
  room_id: string
  occupant_id: string
  bed_code: string
  /** 长期外出 of this stay: the days away are left out of the utility split, the bed fee stays. */
  absences?: readonly AbsenceSpan[]
}

export interface MeterReading {
  room_id: string
  meter: Meter
  reading: number
  at: string
  /** A round reading: the month ('YYYY-MM') it is the month-end reading of. */
  month?: string
  /** The meter was replaced before this reading (which is the new meter's). */
  replaced?: { old_final: number; new_start: number }
}

export interface PayrollInput {
  /** 'YYYY-MM' */
  month: string
  timeZone: string
  rooms: readonly PayrollRoom[]
  stays: readonly PayrollStay[]
  readings: readonly MeterReading[]
  /** Price per unit (m³, kWh) in fen. */
  prices: Record<Meter, number>
  person: (id: string) => { name: string; department: string }
  /** Check-outs' damage charges (the server's figure from the price list), by stay and check-out time. */
  damages?: readonly { stay_id: string; fen: number; at: string }[]
}

export interface PayrollLine {
  stay_id: string
  occupant_id: string
  name: string
  department: string
  room: string
  bed: string
  days: number
  bed_fee_fen: number
  water_fen: number
  electricity_fen: number
  /** Damage charged at check-outs in the month. */
  damage_fen: number
  total_fen: number
  /** Meters of the room without two readings this month. */
  missing: Meter[]
  /** Days away (长期外出) this month: charged the bed fee, not the water and electricity. */
  away_days: number
}

export function monthBounds(month: string): { start: string; end: string; days: number } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  const end = `${month}-${String(last).padStart(2, '0')}`
  return { start: `${month}-01`, end, days: daysBetween(`${month}-01`, end) + 1 }
}

/**
 * The room's units of one meter in the month [start, end]: from the last month's round reading (else the
 * last reading before the month, else the first in it) to this month's round reading (else the last
 * reading in the month after the start); a meter replaced in between counts the old meter to its final
 * reading and the new one from its start (one replacement; two in one month are for the manager to
 * work out); null when there are not two readings to go by.
 */
export function roomUnits(readings: readonly MeterReading[], start: string, end: string, timeZone: string): number | null {
  const month = start.slice(0, 7)
  const dated = [...readings].map((r) => ({ ...r, day: calendarDate(r.at, timeZone) })).sort((a, b) => a.at.localeCompare(b.at))
  const round = (m: string) => dated.filter((r) => r.month === m).at(-1)
  const inMonth = (r: { day: string }) => r.day >= start && r.day <= end
  const from = round(previousMonth(month)) ?? dated.filter((r) => r.day < start && r.month !== month).at(-1) ?? dated.find(inMonth)
  const to = round(month) ?? (from ? dated.filter((r) => inMonth(r) && r.at > from.at).at(-1) : undefined)
  if (!from || !to || from === to || to.at < from.at) return null
  const swaps = dated.filter((r) => r.replaced && r.at > from.at && r.at <= to.at)
  if (swaps.length > 1) return null
  return consumption({ reading: from.reading }, { reading: to.reading, replaced: swaps[0]?.replaced }).units
}

export function payrollLines(input: PayrollInput): PayrollLine[] {
  const { start, end, days: monthDays } = monthBounds(input.month)
  const lines: PayrollLine[] = []
  const inMonth = (at: string) => { const day = calendarDate(at, input.timeZone); return day >= start && day <= end }
  for (const room of input.rooms) {
    const stays = input.stays.filter((s) => s.room_id === room.id && daysInPeriod(s, start, end, input.timeZone) > 0)
    if (!stays.length) continue
    const shares = new Map<Meter, Map<string, number>>()
    const missing: Meter[] = []
    const spent = new Map(stays.map((s) => [s.id, stayDays(s, s.absences ?? [], start, end, input.timeZone)]))
    const weights = utilityWeights(stays.map((s) => ({ id: s.id, ...spent.get(s.id)! })))
    for (const meter of METERS) {
      const units = roomUnits(input.readings.filter((r) => r.room_id === room.id && r.meter === meter), start, end, input.timeZone)
      if (units === null) missing.push(meter)
      shares.set(meter, splitByWeights(units === null ? 0 : billFen(units, input.prices[meter]), weights))
    }
    for (const s of stays) {
      const { days, away } = spent.get(s.id)!
      const who = input.person(s.occupant_id)
      const bed = Math.round((room.fee_fen * days) / monthDays)
      const water = shares.get('water')?.get(s.id) ?? 0
      const electricity = shares.get('electricity')?.get(s.id) ?? 0
      const damage = (input.damages ?? []).filter((d) => d.stay_id === s.id && inMonth(d.at)).reduce((n, d) => n + d.fen, 0)
      lines.push({ stay_id: s.id, occupant_id: s.occupant_id, name: who.name, department: who.department, room: room.label, bed: s.bed_code, days, bed_fee_fen: bed, water_fen: water, electricity_fen: electricity, damage_fen: damage, total_fen: bed + water + electricity + damage, missing, away_days: away })
    }
  }
  return lines.sort((a, b) => a.room.localeCompare(b.room, 'zh-CN', { numeric: true }) || a.bed.localeCompare(b.bed, 'zh-CN', { numeric: true }))
}

export interface PayrollHeaders {
  month: string
  name: string
  department: string
  room: string
  bed: string
  days: string
  bedFee: string
  water: string
  electricity: string
  /** The damage column's header; the column is left out without it. */
  damage?: string
  total: string
  note: string
  /** The note for a meter without two readings, e.g. '水表读数不足'. */
  missing: (meter: Meter) => string
  /** The note for days away, e.g. '外出 12 天（不分摊水电）'. */
  away?: (days: number) => string
}

/** The month's lines as CSV for payroll (UTF-8 with BOM, formula guard: shared/lib/csv), yuan with two decimals. */
export function payrollCsv(month: string, lines: readonly PayrollLine[], h: PayrollHeaders): string {
  const columns: CsvColumn<PayrollLine>[] = [
    { header: h.month, value: () => month },
    { header: h.name, value: (l) => l.name },
    { header: h.department, value: (l) => l.department },
    { header: h.room, value: (l) => l.room },
    { header: h.bed, value: (l) => l.bed },
    { header: h.days, value: (l) => l.days },
    { header: h.bedFee, value: (l) => formatFen(l.bed_fee_fen) },
    { header: h.water, value: (l) => formatFen(l.water_fen) },
    { header: h.electricity, value: (l) => formatFen(l.electricity_fen) },
    ...(h.damage ? [{ header: h.damage, value: (l: PayrollLine) => formatFen(l.damage_fen) }] : []),
    { header: h.total, value: (l) => formatFen(l.total_fen) },
    { header: h.note, value: (l) => [...l.missing.map(h.missing), ...(l.away_days && h.away ? [h.away(l.away_days)] : [])].join('；') },
  ]
  return recordsToCsv(lines, columns)
}
