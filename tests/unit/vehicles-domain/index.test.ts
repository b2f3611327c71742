import { describe, expect, it } from 'vitest'
import * as domain from '@/features/vehicles/domain'

describe('vehicles domain public API', () => {
  it('exports the entry points the data and UI layers use', () => {
    for (const name of [
      'resolveAmounts',
      'vehicleEconomy',
      'fleetEconomy',
      'analyseFleet',
      'benchFleet',
      'checkTripOdometer',
      'lastKnownReading',
      'canStartTrip',
      'preTripDue',
      'transitionMaintenance',
      'transitionAccident',
      'renewalStatus',
      'monthlySpend',
      'fuelCsv',
    ]) {
      expect(typeof (domain as Record<string, unknown>)[name], name).toBe('function')
    }
  })
  it('i18n keys are namespaced and unique', () => {
    expect(new Set(domain.VEHICLE_I18N_KEYS).size).toBe(domain.VEHICLE_I18N_KEYS.length)
    for (const k of domain.VEHICLE_I18N_KEYS) expect(k).toMatch(/^vehicles\.(errors|flags|anomalies)\.[a-zA-Z]+$/)
    expect(domain.VEHICLE_FLAG_KEYS).toContain('vehicles.flags.odometerBackwards')
    expect(domain.VEHICLE_FLAG_KEYS).toContain('vehicles.flags.noOdometer')
  })
})
