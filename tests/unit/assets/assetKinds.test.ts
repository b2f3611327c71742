import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { ROLES } from '@/features/auth/domain/roles'
import {
  ASSET_ERROR_KEYS,
  ASSET_KINDS,
  ASSET_KIND_INFO,
  KEEPER_ROLES,
  assetInputSchema,
  assetSchema,
  formatAssetNumber,
  isAssetKind,
  isNewEnergyPlate,
  isValidPlate,
  newLabelToken,
  nextAssetNumber,
  normalizePlate,
  parseAssetNumber,
  plateSchema,
  sealFieldsSchema,
  vehicleFieldsSchema,
  licenceFieldsSchema,
  equipmentFieldsSchema,
  uniformFieldsSchema,
} from '@/features/assets/domain'

const ID = '6f1c2a4e-1b2c-4d3e-8f90-0123456789ab'
const SITE = '05000000-0000-4000-8000-000000000001'

/** Messages of a failed parse, by path. */
function errors(schema: z.ZodType, value: unknown): Record<string, string> {
  const r = schema.safeParse(value)
  if (r.success) return {}
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]))
}

const seal = {
  id: ID,
  kind: 'seal',
  number: 'seal-0001',
  name: '公司公章',
  site_id: SITE,
  details: { seal_type: 'official', cabinet: '行政部 1 号保险柜', enabled_on: '2024-03-01' },
}

const vehicle = {
  plate: '沪A·12345',
  model: '别克 GL8',
  fuel_type: 'gasoline',
  tank_size_l: 65,
  odometer_km: 42000,
  insurance_end: '2026-05-31',
  annual_inspection_on: '2026-03-15',
}

describe('asset kinds', () => {
  it('are the six kinds today, each with a keeper role the app knows', () => {
    expect(ASSET_KINDS).toEqual(['seal', 'licence', 'equipment', 'vehicle', 'uniform', 'dorm_key'])
    // Dormitory keys and access cards are kept by the dorm manager, numbered KEY-0001.
    expect(ASSET_KIND_INFO.dorm_key).toMatchObject({ keeperRole: 'dorm_manager', numberPrefix: 'KEY' })
    expect(formatAssetNumber('dorm_key', 12)).toBe('KEY-0012')
    expect(ASSET_KIND_INFO.seal).toMatchObject({ zh: '印章', keeperRole: 'seal_keeper', numberPrefix: 'SEAL' })
    expect(ASSET_KIND_INFO.vehicle.keeperRole).toBe('fleet_manager')
    for (const k of ASSET_KINDS) expect(ROLES).toContain(ASSET_KIND_INFO[k].keeperRole)
    for (const r of KEEPER_ROLES) expect(ROLES).toContain(r)
    expect(isAssetKind('seal')).toBe(true)
    expect(isAssetKind('book')).toBe(false)
  })
})

describe('asset numbers', () => {
  it('format per kind, zero-padded', () => {
    expect(formatAssetNumber('seal', 1)).toBe('SEAL-0001')
    expect(formatAssetNumber('licence', 42)).toBe('LIC-0042')
    expect(formatAssetNumber('equipment', 12345)).toBe('EQP-12345')
    expect(() => formatAssetNumber('vehicle', 0)).toThrow(RangeError)
    expect(() => formatAssetNumber('vehicle', 1_000_000)).toThrow(RangeError)
  })

  it('parse what people type', () => {
    expect(parseAssetNumber('seal-1')).toEqual({ kind: 'seal', seq: 1, number: 'SEAL-0001' })
    expect(parseAssetNumber('UNI 0003')).toEqual({ kind: 'uniform', seq: 3, number: 'UNI-0003' })
    expect(parseAssetNumber('LIC-')).toBeNull()
    expect(parseAssetNumber('BOOK-0001')).toBeNull()
  })

  it('give the next free number of a kind', () => {
    expect(nextAssetNumber('seal', [])).toBe('SEAL-0001')
    expect(nextAssetNumber('seal', ['SEAL-0002', 'seal-0010', 'VEH-0099', 'junk'])).toBe('SEAL-0011')
  })
})

describe('Chinese plates', () => {
  it('accept ordinary 7-character plates in the forms people write them', () => {
    for (const p of ['沪A12345', '京B8K2N9', '粤B1234学', '苏E1234挂', '沪A·12345', '沪a 12345', '沪Ａ１２３４５']) {
      expect(isValidPlate(p), p).toBe(true)
    }
    expect(normalizePlate('沪a·123 45')).toBe('沪A12345')
    expect(normalizePlate('沪Ａ１２３４５')).toBe('沪A12345')
  })

  it('accept 8-character new-energy plates, small and large', () => {
    for (const p of ['沪AD12345', '京AFA1234', '粤BD12345', '浙AK98765', '粤B12345D', '沪A12345F']) {
      expect(isValidPlate(p), p).toBe(true)
      expect(isNewEnergyPlate(p), p).toBe(true)
    }
    expect(isNewEnergyPlate('沪A12345')).toBe(false)
  })

  it('refuse what is not a plate', () => {
    for (const p of [
      '',
      'A12345', // no province
      '港A12345', // not a mainland province abbreviation
      '沪112345', // authority must be a letter
      '沪I12345', // I is never used
      '沪A1234', // too short
      '沪A1234567', // too long
      '沪AO12345'.replace('O', 'Ö'), // junk
      '沪AZ12345', // 8 chars but Z is not a new-energy letter
      '沪A1234Z5', // large NEV shape with a non-NEV letter
    ]) {
      expect(isValidPlate(p), p).toBe(false)
    }
  })

  it('plateSchema stores the canonical form and reports an i18n key', () => {
    expect(plateSchema.parse(' 沪a-12345 ')).toBe('沪A12345')
    expect(errors(plateSchema, '沪A1234')).toEqual({ '': 'assets.errors.plate' })
  })
})

describe('per-kind fields', () => {
  it('seal: type enum, cabinet, dates in order', () => {
    expect(sealFieldsSchema.parse(seal.details)).toEqual({ ...seal.details, retired_on: null })
    expect(errors(sealFieldsSchema, { ...seal.details, seal_type: '公章' })).toEqual({ seal_type: 'assets.errors.choice' })
    expect(errors(sealFieldsSchema, { ...seal.details, retired_on: '2024-02-01' })).toEqual({ retired_on: 'assets.errors.dateOrder' })
    expect(errors(sealFieldsSchema, { ...seal.details, enabled_on: '2024-02-30' })).toEqual({ enabled_on: 'assets.errors.date' })
    expect(errors(sealFieldsSchema, { ...seal.details, cabinet: '  ' })).toEqual({ cabinet: 'assets.errors.required' })
  })

  it('licence: long-term validity allowed, original or copy, dates in order', () => {
    const lic = {
      licence_type: 'business_licence',
      licence_number: '91310000MA1FL0000X',
      issuing_authority: '上海市市场监督管理局',
      valid_from: '2020-01-01',
      valid_to: null,
      annual_inspection_on: '2026-06-30',
      original_or_copy: 'original',
    }
    expect(licenceFieldsSchema.parse(lic).valid_to).toBeNull()
    expect(errors(licenceFieldsSchema, { ...lic, valid_to: '2019-12-31' })).toEqual({ valid_to: 'assets.errors.dateOrder' })
    expect(errors(licenceFieldsSchema, { ...lic, original_or_copy: 'scan' })).toEqual({ original_or_copy: 'assets.errors.choice' })
    expect(errors(licenceFieldsSchema, { ...lic, issuing_authority: undefined })).toEqual({ issuing_authority: 'assets.errors.required' })
  })

  it('equipment: serial optional, warranty after purchase', () => {
    const eq = { model: 'HP M404', serial_number: '', location: '3F 打印区', purchase_date: '2023-05-01', warranty_end: '2026-05-01' }
    expect(equipmentFieldsSchema.parse(eq).serial_number).toBeNull()
    expect(errors(equipmentFieldsSchema, { ...eq, warranty_end: '2022-01-01' })).toEqual({ warranty_end: 'assets.errors.dateOrder' })
  })

  it('vehicle: plate, tank for fuel vehicles only, whole kilometres', () => {
    expect(vehicleFieldsSchema.parse(vehicle).plate).toBe('沪A12345')
    expect(errors(vehicleFieldsSchema, { ...vehicle, plate: '沪A123' })).toEqual({ plate: 'assets.errors.plate' })
    expect(errors(vehicleFieldsSchema, { ...vehicle, tank_size_l: null })).toEqual({ tank_size_l: 'assets.errors.tankSize' })
    expect(errors(vehicleFieldsSchema, { ...vehicle, tank_size_l: -5 })).toEqual({ tank_size_l: 'assets.errors.tankSize' })
    expect(vehicleFieldsSchema.parse({ ...vehicle, plate: '沪AD12345', fuel_type: 'electric', tank_size_l: null }).tank_size_l).toBeNull()
    expect(errors(vehicleFieldsSchema, { ...vehicle, fuel_type: 'electric' })).toEqual({ tank_size_l: 'assets.errors.tankSize' })
    expect(errors(vehicleFieldsSchema, { ...vehicle, odometer_km: 12.5 })).toEqual({ odometer_km: 'assets.errors.integer' })
    expect(errors(vehicleFieldsSchema, { ...vehicle, odometer_km: -1 })).toEqual({ odometer_km: 'assets.errors.range' })
  })

  it('uniform: type, size, quantity 1..999', () => {
    const u = { uniform_type: '夏季工衣', size: '170/92A', quantity: 2 }
    expect(uniformFieldsSchema.parse(u)).toEqual(u)
    expect(errors(uniformFieldsSchema, { ...u, quantity: 0 })).toEqual({ quantity: 'assets.errors.range' })
    expect(errors(uniformFieldsSchema, { ...u, quantity: '2' })).toEqual({ quantity: 'assets.errors.integer' })
  })
})

describe('assetInputSchema / assetSchema', () => {
  it('accept a seal and normalise its number', () => {
    const a = assetInputSchema.parse(seal)
    expect(a.kind).toBe('seal')
    expect(a.number).toBe('SEAL-0001')
    expect(a.keeper_id).toBeNull()
  })

  it('pick the per-kind fields by kind', () => {
    expect(assetInputSchema.safeParse({ ...seal, kind: 'vehicle', number: 'VEH-0001', details: vehicle }).success).toBe(true)
    expect(errors(assetInputSchema, { ...seal, kind: 'vehicle', number: 'VEH-0001' })).toHaveProperty('details.plate', 'assets.errors.plate')
    expect(errors(assetInputSchema, { ...seal, kind: 'book' })).toEqual({ kind: 'assets.errors.choice' })
  })

  it('require the number prefix to match the kind', () => {
    expect(errors(assetInputSchema, { ...seal, number: 'VEH-0001' })).toEqual({ number: 'assets.errors.numberKind' })
    expect(errors(assetInputSchema, { ...seal, number: 'SEAL-1' })).toEqual({ number: 'assets.errors.number' })
    expect(errors(assetInputSchema, { ...seal, id: 'not-a-uuid' })).toEqual({ id: 'assets.errors.uuid' })
  })

  it('read rows with derived custody state, keeper role matching the kind', () => {
    const row = {
      ...seal,
      keeper_role: 'seal_keeper',
      status: 'checked_out',
      holder_id: SITE,
      due_at: '2025-03-01T18:00:00+08:00',
      label_token: newLabelToken(),
      has_conflict: false,
    }
    expect(assetSchema.parse(row).status).toBe('checked_out')
    expect(errors(assetSchema, { ...row, keeper_role: 'fleet_manager' })).toEqual({ keeper_role: 'assets.errors.keeperRole' })
    expect(errors(assetSchema, { ...row, status: 'borrowed' })).toEqual({ status: 'assets.errors.choice' })
    expect(errors(assetSchema, { ...row, label_token: 'ABC' })).toEqual({ label_token: 'assets.errors.token' })
  })

  it('only ever report i18n keys from ASSET_ERROR_KEYS', () => {
    const bad = { id: 1, kind: 'licence', number: 5, name: '', site_id: 'x', details: { valid_from: 'x', licence_type: 1 } }
    const r = assetInputSchema.safeParse(bad)
    expect(r.success).toBe(false)
    for (const issue of r.error?.issues ?? []) expect(ASSET_ERROR_KEYS).toContain(issue.message)
  })
})
