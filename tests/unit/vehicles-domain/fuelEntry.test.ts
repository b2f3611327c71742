import { describe, expect, it } from 'vitest'
import { fuelEntryWarnings, hasFigures, pendingDrafts, type FuelEntryInput } from '@/features/vehicles/domain/fuelEntry'
import { fuelEntrySchema } from '@/features/vehicles/domain/fuelEntrySchema'

const ID = '0b8f6a44-5a0e-4d39-9a4c-1f1b2c3d4e5f'
const VEH = '1c9e7b55-6b1f-4e4a-8b5d-2a2c3d4e5f60'
const DRV = '2dae8c66-7c2f-4f5b-9c6e-3b3d4e5f6071'
const PHOTO = '3ebf9d77-8d3a-4a6c-8d7f-4c4e5f607182'

const base: FuelEntryInput = {
  id: ID,
  vehicle_id: VEH,
  driver_id: DRV,
  filled_at: '2026-03-01T09:30:00+08:00',
  odometer_km: 12_345,
  litres: 40,
  unit_price: 7.89,
  amount: null,
  full_tank: true,
  missed_previous: false,
  fuel_type: 'gasoline_92',
  station: '中石化 漕河泾站',
  fuel_card: null,
  receipt_photo_ids: [PHOTO],
  status: 'complete',
}

const issues = (input: unknown) => {
  const r = fuelEntrySchema.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`)
}

describe('fuelEntrySchema', () => {
  it('a complete entry gets its third figure', () => {
    const e = fuelEntrySchema.parse(base)
    expect(e).toMatchObject({ litres: 40, unit_price: 7.89, amount: 315.6, station: '中石化 漕河泾站', fuel_card: null, note: null })
  })
  it('a complete entry needs two of three figures', () => {
    expect(issues({ ...base, unit_price: null })).toEqual(['amount:vehicles.errors.twoOfThree'])
  })
  it('three disagreeing figures are an issue, not a silent pick', () => {
    expect(issues({ ...base, amount: 400 })).toEqual(['amount:vehicles.errors.amountsMismatch'])
  })
  it('a missing odometer is accepted and flagged', () => {
    const e = fuelEntrySchema.parse({ ...base, odometer_km: null })
    expect(e.odometer_km).toBeNull()
    expect(fuelEntryWarnings(e)).toEqual(['vehicles.flags.noOdometer'])
  })
  it('a draft needs only the receipt photo and keeps nulls', () => {
    const e = fuelEntrySchema.parse({ ...base, status: 'draft', litres: null, unit_price: null, odometer_km: null })
    expect(e).toMatchObject({ status: 'draft', litres: null, amount: null })
    expect(fuelEntryWarnings(e)).toEqual(['vehicles.flags.noOdometer', 'vehicles.flags.amountsPending'])
    expect(hasFigures(e)).toBe(false)
  })
  it('a draft may lack the fuel type; a complete entry may not', () => {
    expect(fuelEntrySchema.parse({ ...base, status: 'draft', fuel_type: null }).fuel_type).toBeNull()
    expect(issues({ ...base, fuel_type: null })).toEqual(['fuel_type:vehicles.errors.required'])
  })
  it('a draft with nothing at all is refused', () => {
    expect(issues({ ...base, status: 'draft', litres: null, unit_price: null, receipt_photo_ids: [] })).toEqual([
      'receipt_photo_ids:vehicles.errors.photos',
    ])
  })
  it('messages are i18n keys', () => {
    const all = issues({ ...base, id: 'x', vehicle_id: 1, odometer_km: -1, litres: -3, fuel_type: 'jet', filled_at: 'yesterday', full_tank: 'yes' })
    expect(all.length).toBeGreaterThan(5)
    for (const m of all) expect(m).toMatch(/:vehicles\.errors\.[a-zA-Z]+$/)
  })
  it('missed_previous defaults to false; photos default to none', () => {
    const { missed_previous: _m, receipt_photo_ids: _p, ...rest } = base
    const e = fuelEntrySchema.parse(rest)
    expect(e.missed_previous).toBe(false)
    expect(e.receipt_photo_ids).toEqual([])
  })
})

describe('pendingDrafts', () => {
  it("lists the driver's drafts oldest first", () => {
    const rows = [
      { id: 'a', status: 'draft' as const, driver_id: DRV, filled_at: '2026-03-02T00:00:00Z' },
      { id: 'b', status: 'complete' as const, driver_id: DRV, filled_at: '2026-03-01T00:00:00Z' },
      { id: 'c', status: 'draft' as const, driver_id: DRV, filled_at: '2026-03-01T00:00:00Z' },
      { id: 'd', status: 'draft' as const, driver_id: 'other', filled_at: '2026-03-01T00:00:00Z' },
    ]
    expect(pendingDrafts(rows, DRV).map((r) => r.id)).toEqual(['c', 'a'])
  })
})
