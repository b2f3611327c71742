import { describe, expect, it } from 'vitest'
import { checkStartReading, checkTripOdometer, lastKnownReading, maxPlausibleKm } from '@/features/vehicles/domain/odometer'

const trip = (start: number, end: number, hours: number) => ({
  odometer_start: start,
  odometer_end: end,
  started_at: '2026-03-01T00:00:00Z',
  ended_at: new Date(Date.parse('2026-03-01T00:00:00Z') + hours * 3_600_000).toISOString(),
})

describe('trip odometer checks', () => {
  it('end below start is flagged backwards, never refused', () => {
    expect(checkTripOdometer(trip(10_500, 10_400, 1))).toEqual([
      { kind: 'vehicles.flags.odometerBackwards', detail: { odometer_start: 10_500, odometer_end: 10_400 } },
    ])
  })
  it('a normal trip, and a zero-distance one, are fine', () => {
    expect(checkTripOdometer(trip(10_000, 10_120, 2))).toEqual([])
    expect(checkTripOdometer(trip(10_000, 10_000, 0))).toEqual([])
  })
  it('faster than 150 km/h on average is implausible', () => {
    expect(checkTripOdometer(trip(10_000, 10_300, 2))).toEqual([])
    expect(checkTripOdometer(trip(10_000, 10_400, 2))).toEqual([
      { kind: 'vehicles.flags.odometerImplausible', detail: { distance_km: 400, hours: 2, km_per_hour: 200 } },
    ])
  })
  it('more than 1,500 km a day is implausible even at a legal speed', () => {
    expect(checkTripOdometer(trip(10_000, 11_500, 24))).toEqual([])
    expect(checkTripOdometer(trip(10_000, 12_000, 24))[0]?.kind).toBe('vehicles.flags.odometerImplausible')
    expect(checkTripOdometer(trip(10_000, 13_000, 48))).toEqual([])
  })
  it('a short hop has slack for clock rounding; an extra digit does not', () => {
    expect(checkTripOdometer(trip(10_000, 10_008, 0))).toEqual([])
    expect(checkTripOdometer(trip(10_000, 100_000, 1))[0]?.kind).toBe('vehicles.flags.odometerImplausible')
    expect(maxPlausibleKm(1)).toBe(160)
  })
  it('a start below the last known reading is flagged', () => {
    const last = { km: 12_000, at: '2026-03-01T00:00:00Z', source: 'fuel' as const, id: 'f1' }
    expect(checkStartReading(11_990, last)).toEqual([{ kind: 'vehicles.flags.odometerBelowLastKnown', detail: { odometer_start: 11_990, last_known_km: 12_000 } }])
    expect(checkStartReading(12_000, last)).toEqual([])
    expect(checkStartReading(5, null)).toEqual([])
  })
})

describe('lastKnownReading (the pre-fill)', () => {
  it('latest by time across trips and fuel', () => {
    const r = lastKnownReading({
      registry_km: 9_000,
      trips: [{ id: 't1', started_at: '2026-03-01T01:00:00Z', odometer_start: 10_000, ended_at: '2026-03-01T03:00:00Z', odometer_end: 10_150 }],
      fuel: [{ id: 'f1', filled_at: '2026-03-01T02:00:00Z', odometer_km: 10_080 }],
    })
    expect(r).toEqual({ km: 10_150, at: '2026-03-01T03:00:00Z', source: 'trip_end', id: 't1' })
  })
  it('an open trip offers its start; a fuel log after it wins', () => {
    const r = lastKnownReading({
      trips: [{ id: 't1', started_at: '2026-03-01T01:00:00Z', odometer_start: 10_000, ended_at: null, odometer_end: null }],
      fuel: [{ id: 'f1', filled_at: '2026-03-01T02:00:00Z', odometer_km: 10_080 }, { id: 'f0', filled_at: '2026-03-02T02:00:00Z', odometer_km: null }],
    })
    expect(r).toMatchObject({ km: 10_080, source: 'fuel' })
  })
  it('latest, not highest: an old typo does not stick; deleted rows do not count', () => {
    const r = lastKnownReading({
      fuel: [
        { id: 'typo', filled_at: '2026-03-01T00:00:00Z', odometer_km: 100_500 },
        { id: 'f2', filled_at: '2026-03-02T00:00:00Z', odometer_km: 10_600 },
        { id: 'gone', filled_at: '2026-03-03T00:00:00Z', odometer_km: 10_900, deleted_at: '2026-03-03T01:00:00Z' },
      ],
    })
    expect(r?.id).toBe('f2')
  })
  it('falls back to the registry, else nothing', () => {
    expect(lastKnownReading({ registry_km: 9_000 })).toEqual({ km: 9_000, at: null, source: 'registry', id: null })
    expect(lastKnownReading({})).toBeNull()
  })
})
