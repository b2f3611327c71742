import { describe, expect, it } from 'vitest'
import { namesAsset, parseRequestCode, pickProblem, requestUrl, showsPickQr, type PickableRequest } from '@/features/requests/domain/pickCode'
import { labelUrl } from '@/features/assets/domain/labelToken'

const ORIGIN = 'https://field.example.com'
const ID = '3f2b8c1e-5d4a-4e7b-9c0d-1a2b3c4d5e6f'
const APPLICANT = '0a000000-0000-4000-8000-000000000010'

const approved = (over: Partial<PickableRequest> = {}): PickableRequest => ({ type: 'seal_use', status: 'approved', fulfilled_at: null, deleted_at: null, applicant_id: APPLICANT, ...over })

describe("the application's QR (issue 9)", () => {
  it('is a request link on our origin; the scanner reads its id back (case, trailing slash, base path)', () => {
    expect(requestUrl(`${ORIGIN}/`, ID)).toBe(`${ORIGIN}/requests/${ID}`)
    expect(parseRequestCode(requestUrl(ORIGIN, ID), [ORIGIN])).toBe(ID)
    expect(parseRequestCode(` ${ORIGIN}/requests/${ID.toUpperCase()}/ `, [ORIGIN])).toBe(ID)
    expect(parseRequestCode(`${ORIGIN}/app/requests/${ID}`, [`${ORIGIN}/app/`])).toBe(ID)
  })

  it('reads nothing else: another origin, a label, a badge, a request sub-page, a bare id, plain text', () => {
    expect(parseRequestCode(requestUrl('https://evil.example.com', ID), [ORIGIN])).toBeNull()
    expect(parseRequestCode(labelUrl(ORIGIN, 'B5XCT5BR5WJC4BZT8'), [ORIGIN])).toBeNull()
    expect(parseRequestCode(`${ORIGIN}/p/${ID}`, [ORIGIN])).toBeNull()
    expect(parseRequestCode(`${ORIGIN}/requests/${ID}/edit`, [ORIGIN])).toBeNull()
    expect(parseRequestCode(`${ORIGIN}/requests/new`, [ORIGIN])).toBeNull()
    expect(parseRequestCode(ID, [ORIGIN])).toBeNull()
    expect(parseRequestCode('合同专用章', [ORIGIN])).toBeNull()
    expect(parseRequestCode(requestUrl(ORIGIN, ID), ['not a url'])).toBeNull()
  })

  it('picks only an approved, unused application of the kinds asked for; says why otherwise', () => {
    expect(pickProblem(approved(), ['seal_use'])).toBeNull()
    expect(pickProblem(undefined, ['seal_use'])).toBe('not_on_device')
    expect(pickProblem(approved({ deleted_at: '2026-12-01T00:00:00Z' }), ['seal_use'])).toBe('not_on_device')
    expect(pickProblem(approved({ type: 'dorm_stay' }), ['seal_use'])).toBe('wrong_kind')
    expect(pickProblem(approved({ type: 'licence_borrow' }), ['seal_use'])).toBe('wrong_kind')
    expect(pickProblem(approved({ type: 'licence_borrow' }), ['seal_use', 'licence_borrow'])).toBeNull()
    for (const status of ['pending', 'returned', 'rejected', 'withdrawn']) expect(pickProblem(approved({ status }), ['seal_use'])).toBe('not_approved')
    expect(pickProblem(approved({ fulfilled_at: '2026-12-01T03:00:00Z' }), ['seal_use'])).toBe('used')
  })

  it('the applicant sees the QR while the keeper still has to carry out a seal use or a borrowing', () => {
    expect(showsPickQr(approved(), APPLICANT)).toBe(true)
    expect(showsPickQr(approved({ type: 'licence_borrow' }), APPLICANT)).toBe(true)
    expect(showsPickQr(approved(), '0a000000-0000-4000-8000-000000000003')).toBe(false)
    expect(showsPickQr(approved(), null)).toBe(false)
    expect(showsPickQr(approved({ status: 'pending' }), APPLICANT)).toBe(false)
    expect(showsPickQr(approved({ fulfilled_at: '2026-12-01T03:00:00Z' }), APPLICANT)).toBe(false)
    expect(showsPickQr(approved({ type: 'vehicle_dispatch' }), APPLICANT)).toBe(false)
  })

  it('an application names an asset by its name or number, spaces and case ignored', () => {
    const seal = { name: '合同专用章', number: 'SEAL-0002' }
    expect(namesAsset('合同 专用章', seal)).toBe(true)
    expect(namesAsset('seal-0002', seal)).toBe(true)
    expect(namesAsset('财务专用章', seal)).toBe(false)
    expect(namesAsset('', seal)).toBe(false)
    expect(namesAsset(undefined, seal)).toBe(false)
  })
})
