import { describe, expect, it } from 'vitest'
import { fleetEconomy, lPer100km, vehicleEconomy } from '@/features/vehicles/domain/economy'
import { prepareEntries } from '@/features/vehicles/domain/sequence'
import { fill, series } from './fixtures'

const P = { full_tank: false }

describe('full-to-full economy', () => {
  it('two full fills give one interval from the second fill', () => {
    const e = series(() => [fill(10_000, 40), fill(10_500, 40)])
    const r = vehicleEconomy('v1', e)
    expect(r.intervals).toEqual([
      expect.objectContaining({ start_id: 'e1', end_id: 'e2', distance_km: 500, litres: 40, l_per_100km: 8, cost: 320, cost_per_km: 0.64, entry_ids: ['e2'] }),
    ])
    expect(r).toMatchObject({ l_per_100km: 8, total_distance_km: 500, total_litres: 40, cost_per_km: 0.64 })
  })

  it('a first-ever entry gives no figure (we do not know what was in the tank)', () => {
    const r = vehicleEconomy('v1', series(() => [fill(10_000, 45)]))
    expect(r.intervals).toEqual([])
    expect(r.l_per_100km).toBeNull()
    expect(r.cost_per_km).toBeNull()
  })

  it('a single partial fill gives no figure', () => {
    expect(vehicleEconomy('v1', series(() => [fill(10_000, 20, P)])).intervals).toEqual([])
    // nor a full followed by a lone partial
    expect(vehicleEconomy('v1', series(() => [fill(10_000, 40), fill(10_300, 10, P)])).intervals).toEqual([])
  })

  it('a small top-up between two fulls counts in the closing interval (not a separate 2 L/100 km)', () => {
    const e = series(() => [fill(10_000, 40), fill(10_100, 5, P), fill(10_600, 43)])
    const r = vehicleEconomy('v1', e)
    expect(r.intervals).toHaveLength(1)
    expect(r.intervals[0]).toMatchObject({ start_id: 'e1', end_id: 'e3', distance_km: 600, litres: 48, l_per_100km: 8, entry_ids: ['e2', 'e3'] })
  })

  it('two partials then a full: all three fills in one interval', () => {
    const e = series(() => [fill(20_000, 50), fill(20_200, 15, P), fill(20_400, 12.5, P), fill(20_700, 28.5)])
    const r = vehicleEconomy('v1', e)
    expect(r.intervals).toHaveLength(1)
    expect(r.intervals[0]).toMatchObject({ distance_km: 700, litres: 56, l_per_100km: 8, entry_ids: ['e2', 'e3', 'e4'] })
  })

  it('partials before the first full are ignored', () => {
    const e = series(() => [fill(9_000, 10, P), fill(9_200, 10, P), fill(10_000, 40), fill(10_500, 40)])
    const r = vehicleEconomy('v1', e)
    expect(r.intervals.map((i) => [i.start_id, i.end_id])).toEqual([['e3', 'e4']])
  })

  it('a missed fill-up resets: the interval it closes gives no figure, the next one does', () => {
    const e = series(() => [fill(10_000, 40), fill(11_000, 40, { missed_previous: true }), fill(11_500, 40)])
    const r = vehicleEconomy('v1', e)
    expect(r.intervals.map((i) => [i.start_id, i.end_id])).toEqual([['e2', 'e3']])
    expect(r.broken).toEqual([{ start_id: 'e1', at_id: 'e2', reason: 'vehicles.flags.missedPrevious' }])
  })

  it('a missed fill-up on a partial: no figure until the next full starts a new interval', () => {
    const e = series(() => [fill(10_000, 40), fill(10_400, 20, { ...P, missed_previous: true }), fill(10_800, 30), fill(11_300, 40)])
    const r = vehicleEconomy('v1', e)
    expect(r.intervals.map((i) => [i.start_id, i.end_id])).toEqual([['e3', 'e4']])
  })

  it('a partial fill without an odometer reading counts in the open interval (only the full fills\' readings matter)', () => {
    // issue #12 point 1: {10,000 km, 40 L, full}, {no reading, 10 L, partial}, {10,600 km, 32 L, full} → 7.0 L/100 km
    const e = series(() => [fill(10_000, 40), fill(null, 10, P), fill(10_600, 32)])
    const r = vehicleEconomy('v1', e)
    expect(r.intervals).toEqual([
      expect.objectContaining({ start_id: 'e1', end_id: 'e3', distance_km: 600, litres: 42, l_per_100km: 7, cost: 336, entry_ids: ['e2', 'e3'] }),
    ])
    expect(r.broken).toEqual([])
    expect(r.l_per_100km).toBe(7)
    // its reading is still reported as absent (it is not guessed)
    expect(r.excluded).toEqual([{ entry_id: 'e2', reason: 'vehicles.flags.noOdometer' }])
  })

  it('a partial fill with an out-of-sequence reading still counts its fuel; its reading is not used', () => {
    const e = series(() => [fill(10_000, 40), fill(10_200, 40), fill(1_030, 10, P), fill(10_800, 38), fill(11_300, 40)])
    const r = vehicleEconomy('v1', e)
    expect(r.excluded).toEqual([{ entry_id: 'e3', reason: 'vehicles.flags.odometerOutOfSequence' }])
    expect(r.intervals.map((i) => [i.start_id, i.end_id, i.litres])).toEqual([
      ['e1', 'e2', 40],
      ['e2', 'e4', 48],
      ['e4', 'e5', 40],
    ])
  })

  it('a missing reading on a full fill: no interval ends or starts there', () => {
    const e = series(() => [fill(10_000, 40), fill(null, 40), fill(11_000, 40), fill(11_500, 40)])
    expect(vehicleEconomy('v1', e).intervals.map((i) => [i.start_id, i.end_id])).toEqual([['e3', 'e4']])
  })

  it('an odometer typo (too high, then corrected) is excluded; the readings around it stay', () => {
    const e = series(() => [fill(10_000, 40), fill(10_500, 40), fill(15_000, 40), fill(11_000, 40), fill(11_500, 40)])
    const r = vehicleEconomy('v1', e)
    expect(r.excluded).toEqual([{ entry_id: 'e3', reason: 'vehicles.flags.odometerOutOfSequence' }])
    // e2→e4 is broken by the typo (its fuel is real, its reading is not); e4→e5 is fine.
    expect(r.intervals.map((i) => [i.start_id, i.end_id])).toEqual([
      ['e1', 'e2'],
      ['e4', 'e5'],
    ])
    expect(r.l_per_100km).toBe(8)
  })

  it('a too-low typo is excluded, not the honest readings after it', () => {
    const e = series(() => [fill(10_000, 40), fill(10_500, 40), fill(1_100, 40), fill(11_500, 40), fill(12_000, 40)])
    const r = vehicleEconomy('v1', e)
    expect(r.excluded.map((x) => x.entry_id)).toEqual(['e3'])
    expect(r.intervals.map((i) => [i.start_id, i.end_id])).toEqual([
      ['e1', 'e2'],
      ['e4', 'e5'],
    ])
  })

  it('with nothing after it, the later of two conflicting readings is the one flagged', () => {
    const e = series(() => [fill(10_000, 40), fill(10_500, 40), fill(10_200, 40)])
    expect(vehicleEconomy('v1', e).excluded.map((x) => x.entry_id)).toEqual(['e3'])
  })

  it('zero distance: an equal reading after a full fill with more fuel is out of sequence; no Infinity', () => {
    const e = series(() => [fill(10_000, 40), fill(10_500, 40), fill(10_500, 10), fill(11_000, 40)])
    const r = vehicleEconomy('v1', e)
    expect(r.excluded).toEqual([{ entry_id: 'e3', reason: 'vehicles.flags.odometerOutOfSequence' }])
    expect(r.intervals.map((i) => [i.start_id, i.end_id])).toEqual([['e1', 'e2']])
    for (const i of r.intervals) expect(Number.isFinite(i.l_per_100km)).toBe(true)
  })

  it('a split payment at the same odometer after a partial is fine (partial + full)', () => {
    const e = series(() => [fill(10_000, 40), fill(10_500, 20, { ...P, day: 5 }), fill(10_500, 20, { day: 5 })])
    const r = vehicleEconomy('v1', e)
    expect(r.excluded).toEqual([])
    expect(r.intervals[0]).toMatchObject({ distance_km: 500, litres: 40 })
  })

  it('zero distance full-to-full never divides by zero', () => {
    expect(lPer100km(40_000, 0)).toBeNull()
  })

  it('a quick-entry draft without figures breaks the interval; a draft full fill may start one', () => {
    const e = series(() => [
      fill(10_000, 40),
      fill(10_200, null, { ...P, status: 'draft' }),
      fill(10_500, 40),
      fill(11_000, null, { status: 'draft' }),
      fill(11_500, 40),
    ])
    const r = vehicleEconomy('v1', e)
    expect(r.broken.map((b) => b.reason)).toEqual(['vehicles.flags.amountsPending', 'vehicles.flags.amountsPending'])
    expect(r.intervals.map((i) => [i.start_id, i.end_id])).toEqual([['e4', 'e5']])
  })

  it('entries are ordered by time whatever order they come in', () => {
    const e = series(() => [fill(10_000, 40), fill(10_100, 5, P), fill(10_600, 43)])
    const shuffled = [e[2], e[0], e[1]].filter((x) => x !== undefined)
    expect(vehicleEconomy('v1', shuffled).intervals[0]).toMatchObject({ start_id: 'e1', end_id: 'e3', litres: 48 })
  })

  it('the vehicle figure is weighted by distance, not the mean of ratios', () => {
    // 100 km at 10 L/100 km, then 900 km at 6 L/100 km: (10 + 54) / 1000 km = 6.4, not (10 + 6) / 2 = 8
    const e = series(() => [fill(10_000, 40), fill(10_100, 10), fill(11_000, 54)])
    const r = vehicleEconomy('v1', e)
    expect(r.intervals.map((i) => i.l_per_100km)).toEqual([10, 6])
    expect(r.l_per_100km).toBe(6.4)
    expect(r.total_cost).toBe(512)
    expect(r.cost_per_km).toBe(0.512)
  })

  it('rounding: L/100 km to 0.01 half-up', () => {
    // 33.33 L over 400 km = 8.3325 → 8.33; 33.34 / 400 = 8.335 → 8.34
    expect(lPer100km(33_330, 400)).toBe(8.33)
    expect(lPer100km(33_340, 400)).toBe(8.34)
  })

  it('a fleet splits by vehicle', () => {
    const e = series(() => [fill(1_000, 40), fill(1_500, 40), fill(5_000, 60, { vehicle_id: 'v2' }), fill(5_600, 60, { vehicle_id: 'v2' })])
    const m = fleetEconomy(e)
    expect([...m.keys()]).toEqual(['v1', 'v2'])
    expect(m.get('v2')?.l_per_100km).toBe(10)
  })
})

describe('prepareEntries', () => {
  it('ties in time sort by odometer then id', () => {
    const e = series(() => [fill(10_500, 40, { day: 1 }), fill(10_000, 40, { day: 1 })])
    expect(prepareEntries(e).map((r) => r.entry.id)).toEqual(['e2', 'e1'])
  })
})
