import { describe, expect, it } from 'vitest'
import {
  DEFAULT_MATERIALS,
  actionOf,
  fits,
  licenceWork,
  licenceWorkSchema,
  materialListsSchema,
  materialsOf,
  materialsProgress,
  mayDoLicenceWork,
  newCustomCode,
  type LicenceWorkEvent,
} from '@/features/licences/domain/work'

const REQ = '6f1c8a52-1111-4a3b-9c7d-000000000001'
const ASSET = '6f1c8a52-2222-4a3b-9c7d-000000000002'
const KEEPER = '6f1c8a52-3333-4a3b-9c7d-000000000003'
let n = 0
const ev = (type: LicenceWorkEvent['type'], data: Record<string, unknown>, flagged = false): LicenceWorkEvent => {
  n += 1
  return { id: `e${String(n).padStart(3, '0')}`, request_id: REQ, type, actor_id: KEEPER, device_time: `2026-11-20T${String(n).padStart(2, '0')}:00:00.000Z`, data, flagged }
}
const lines = DEFAULT_MATERIALS.renew

describe('licenceWork: where the work stands', () => {
  it('materials ticked and unticked, the latest tick wins; custom ticks not on the list are kept', () => {
    n = 0
    const w = licenceWork(
      [ev('material', { code: 'application_form', done: true }), ev('material', { code: 'old_original', done: true }), ev('material', { code: 'old_original', done: false }), ev('material', { code: 'custom_ab', label: '加盖公章的复印件', done: true })],
      lines,
      true,
    )
    expect(w.materials.map((m) => [m.line.code, m.done])).toEqual([
      ['application_form', true],
      ['old_original', false],
      ['annual_report', false],
      ['authorization_letter', false],
      ['custom_ab', true],
    ])
    expect(materialsProgress(w)).toEqual({ done: 2, total: 5 })
    expect(w.stage).toBe('collect')
  })

  it('errors send it back for correction; a pass opens filing; filing opens validity; validity is done', () => {
    n = 0
    const errors = ev('collect', { result: 'errors', errors: [{ field: 'dates', note: '少一年' }], note: null })
    let w = licenceWork([errors], lines, true)
    expect(w).toMatchObject({ stage: 'collect', correcting: true })
    expect(fits(w, 'file', true)).toBe(false)
    const pass = ev('collect', { result: 'pass', errors: [], note: null })
    w = licenceWork([errors, pass], lines, true)
    expect(w).toMatchObject({ stage: 'file', correcting: false })
    expect([fits(w, 'collect', true), fits(w, 'file', true), fits(w, 'validity', true)]).toEqual([false, true, false])
    const file = ev('file', { location: '1 号柜', keeper_id: KEEPER, copies: 1, copy_holders: '财务部' })
    w = licenceWork([errors, pass, file], lines, true)
    expect(w.stage).toBe('validity')
    expect(w.filing).toMatchObject({ location: '1 号柜', copies: 1 })
    expect(fits(w, 'validity', true)).toBe(true)
    const validity = ev('validity', { asset_id: ASSET, licence_number: 'X1', valid_from: '2026-11-20', valid_to: null, annual_inspection_on: '2027-11-20' })
    w = licenceWork([errors, pass, file, validity], lines, true)
    expect(w.stage).toBe('done')
    expect(w.validity).toMatchObject({ valid_to: null, annual_inspection_on: '2027-11-20' })
    expect(fits(w, 'material', true)).toBe(false)
    expect(w.collections.map((c) => c.result)).toEqual(['errors', 'pass'])
  })

  it('flagged steps change nothing; an application not open waits', () => {
    n = 0
    const w = licenceWork([ev('collect', { result: 'pass', errors: [], note: null }, true)], lines, true)
    expect(w.stage).toBe('collect')
    expect(licenceWork([], lines, false).stage).toBe('waiting')
    expect(fits(licenceWork([], lines, false), 'material', false)).toBe(false)
  })
})

describe('licenceWorkSchema (= the server checks)', () => {
  const ok = (x: unknown) => licenceWorkSchema.safeParse(x).success
  const msg = (x: unknown) => licenceWorkSchema.safeParse(x).error?.issues[0]?.message
  it('materials: a default code, or custom with a label', () => {
    expect(ok({ type: 'material', request_id: REQ, code: 'annual_report', label: null, done: true })).toBe(true)
    expect(ok({ type: 'material', request_id: REQ, code: 'custom_x1', label: '租赁合同', done: true })).toBe(true)
    expect(msg({ type: 'material', request_id: REQ, code: 'custom_x1', label: ' ', done: true })).toBe('licences.work.errors.code')
    expect(msg({ type: 'material', request_id: REQ, code: 'whatever', label: 'x', done: true })).toBe('licences.work.errors.code')
  })
  it('collect: no errors on a pass, 1..5 otherwise; other needs a note', () => {
    expect(msg({ type: 'collect', request_id: REQ, result: 'pass', errors: [{ field: 'name' }] })).toBe('licences.work.errors.errorsOnPass')
    expect(msg({ type: 'collect', request_id: REQ, result: 'errors', errors: [] })).toBe('licences.work.errors.noErrors')
    expect(msg({ type: 'collect', request_id: REQ, result: 'errors', errors: [{ field: 'other', note: '' }] })).toBe('licences.work.errors.required')
    expect(ok({ type: 'collect', request_id: REQ, result: 'errors', errors: [{ field: 'scope' }] })).toBe(true)
    expect(msg({ type: 'collect', request_id: REQ, result: 'errors', errors: Array(6).fill({ field: 'name' }) })).toBe('licences.work.errors.range')
  })
  it('file: copies 0..20, holders when copies; validity: dates in order, long-term allowed', () => {
    const file = { type: 'file', request_id: REQ, location: '1 号柜', keeper_id: KEEPER, copies: 2, copy_holders: null }
    expect(msg(file)).toBe('licences.work.errors.holdersRequired')
    expect(ok({ ...file, copies: 0 })).toBe(true)
    expect(msg({ ...file, copies: 21, copy_holders: 'x' })).toBe('licences.work.errors.range')
    const v = { type: 'validity', request_id: REQ, asset_id: ASSET, licence_number: 'X', valid_from: '2026-01-01', valid_to: '2025-12-31' }
    expect(msg(v)).toBe('licences.work.errors.dateOrder')
    expect(licenceWorkSchema.parse({ ...v, valid_to: undefined })).toMatchObject({ valid_to: null, annual_inspection_on: null })
    expect(msg({ ...v, valid_to: null, annual_inspection_on: '2025-01-01' })).toBe('licences.work.errors.dateOrder')
  })
})

describe('the checklist lines', () => {
  it('the company lists or the defaults; lists need lines, distinct codes, custom lines named', () => {
    expect(materialsOf(null)).toEqual(DEFAULT_MATERIALS)
    expect(materialsOf({ obtain: [] })).toEqual(DEFAULT_MATERIALS)
    const own = { ...DEFAULT_MATERIALS, renew: [{ code: newCustomCode(), label: '年报' }] }
    expect(materialsOf(own)).toEqual(own)
    expect(materialListsSchema.safeParse({ ...DEFAULT_MATERIALS, change: [] }).error?.issues[0]?.message).toBe('licences.work.errors.emptyList')
    expect(materialListsSchema.safeParse({ ...DEFAULT_MATERIALS, change: [{ code: 'old_copy', label: null }, { code: 'old_copy', label: null }] }).error?.issues[0]?.message).toBe('licences.work.errors.duplicateCode')
    expect(DEFAULT_MATERIALS.change.map((l) => l.code)).toEqual(expect.arrayContaining(['old_original', 'old_copy']))
    expect(newCustomCode()).toMatch(/^custom_[a-z0-9]{12}$/)
  })
  it('who does the work; the form action', () => {
    expect(mayDoLicenceWork(['asset_keeper'])).toBe(true)
    expect(mayDoLicenceWork(['admin_head'])).toBe(true)
    expect(mayDoLicenceWork(['seal_keeper', 'employee'])).toBe(false)
    expect(actionOf({ action: 'change' })).toBe('change')
    expect(actionOf({})).toBe('obtain')
  })
})
