/**
 * Check-out on the phone (退宿登记): the room inventory again on the checklists engine, compared item by
 * item with the stay's check-in (damage found now that was not there then is the resident's to answer
 * for), the final water and electricity readings with a photo each, the keys and cards handed back
 * (labelled ones as custody check_ins), then the bed's check_out event: the bed is free at once. The
 * server derives new_damage the same way (newDamage) from the answers it receives.
 */
import { z } from 'zod'
import { calendarDate, daysBetween } from '@/shared/lib/zonedTime'
import { optionalText } from './fieldSchemas'
import { METERS, type Meter } from './checkIn'
import { roomRecordFields } from './checkInSchema'
import { consumption, splitByDays, type Consumption, type StaySpan } from './utilities'

/** Built at its first parse (z.lazy), as checkInSchema: the check-out page loads this module with its domain code. */
export const checkOutSchema = z.lazy(() => z.object({ ...roomRecordFields(), note: optionalText(500).optional() }))
export type CheckOut = z.output<typeof checkOutSchema>

type Result = 'pass' | 'fail' | 'na' | 'points'
interface AnswerLike {
  item_key: string
  result: Result | null
  photo_ids?: string[]
}

export interface InventoryLine {
  item_key: string
  /** At check-in (null: no check-in record, or the item was not on it). */
  before: Result | null
  beforePhotos: string[]
  /** Now (null: not answered yet). */
  after: Result | null
  /** Missing or damaged now and not at check-in. */
  newDamage: boolean
}

/** Item keys failed now and not failed at check-in (all failed ones when there is no check-in). */
export function newDamage(before: readonly AnswerLike[] | null, after: readonly AnswerLike[]): string[] {
  const failedBefore = new Set((before ?? []).filter((a) => a.result === 'fail').map((a) => a.item_key))
  return after.filter((a) => a.result === 'fail' && !failedBefore.has(a.item_key)).map((a) => a.item_key)
}

/** The inventory side by side, in the template's item order. */
export function compareInventory(itemKeys: readonly string[], before: readonly AnswerLike[] | null, after: readonly AnswerLike[]): InventoryLine[] {
  const b = new Map((before ?? []).map((a) => [a.item_key, a]))
  const a = new Map(after.map((x) => [x.item_key, x]))
  const fresh = new Set(newDamage(before, after))
  return itemKeys.map((key) => ({
    item_key: key,
    before: b.get(key)?.result ?? null,
    beforePhotos: b.get(key)?.photo_ids ?? [],
    after: a.get(key)?.result ?? null,
    newDamage: fresh.has(key),
  }))
}

/** Days stayed: company-zone calendar days from check-in to check-out, both included (as the utility split counts them). */
export function daysStayed(checkedInAt: string, checkedOutAt: string, timeZone: string): number {
  const from = calendarDate(checkedInAt, timeZone)
  const to = calendarDate(checkedOutAt, timeZone)
  return to < from ? 0 : daysBetween(from, to) + 1
}

export interface MeterUse extends Consumption {
  meter: Meter
  /** This resident's share of the room's units, by the days each occupant stayed (null when units are unknown). */
  share: number | null
}

/**
 * The room's consumption from the check-in readings to the final ones, and the leaving resident's share
 * of it by person-days over the same days (roommates' spans from their stays). Shares in hundredths, so
 * they add up exactly.
 */
export function meterUse(
  checkIn: readonly { meter: Meter; reading: number }[] | null,
  final: readonly { meter: Meter; reading: number }[],
  me: StaySpan,
  roommates: readonly StaySpan[],
  timeZone: string,
): MeterUse[] {
  const start = calendarDate(me.from, timeZone)
  const end = calendarDate(me.to ?? me.from, timeZone)
  return METERS.map((meter) => {
    const before = checkIn?.find((m) => m.meter === meter)
    const after = final.find((m) => m.meter === meter)
    const c = consumption(before ? { reading: before.reading } : null, after ? { reading: after.reading } : null)
    if (c.units === null) return { meter, ...c, share: null }
    const shares = splitByDays(Math.round(c.units * 100), [me, ...roommates], start, end, timeZone)
    return { meter, ...c, share: (shares.get(me.id) ?? 0) / 100 }
  })
}
