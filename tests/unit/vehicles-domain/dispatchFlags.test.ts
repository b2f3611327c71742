// 用车申请 → the driver's trip (issue 9): the device marks a trip start as private.sync_apply_trip_start does
// (tests/db/vehicles-ops.test.ts checks the server side with the same cases).
import { describe, expect, it } from 'vitest'
import { dispatchFlags } from '@/features/vehicles/domain/trips'

const DRIVER = 'driver-1'
const VEHICLE = 'vehicle-1'
const approved = { type: 'vehicle_dispatch', status: 'approved', assignment: { vehicle_id: VEHICLE, driver_id: DRIVER } }

describe('dispatchFlags', () => {
  it('none for the approved dispatch assigned to this driver and vehicle', () => {
    expect(dispatchFlags(approved, DRIVER, VEHICLE)).toEqual([])
  })
  it('no_dispatch without one: the trip is kept and marked for the fleet manager', () => {
    expect(dispatchFlags(null, DRIVER, VEHICLE)).toEqual(['no_dispatch'])
  })
  it('dispatch_mismatch for another vehicle, another driver, or one not approved', () => {
    expect(dispatchFlags(approved, DRIVER, 'vehicle-2')).toEqual(['dispatch_mismatch'])
    expect(dispatchFlags(approved, 'driver-2', VEHICLE)).toEqual(['dispatch_mismatch'])
    expect(dispatchFlags({ ...approved, status: 'pending' }, DRIVER, VEHICLE)).toEqual(['dispatch_mismatch'])
    expect(dispatchFlags({ ...approved, assignment: null }, DRIVER, VEHICLE)).toEqual(['dispatch_mismatch'])
  })
})
