import { beforeEach, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import type { RequestRow } from '@/platform/db/rows'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { pickTarget } from '@/features/requests/data/pickScan'
import { requestUrl } from '@/features/requests/domain/pickCode'
import { resolveAndLog } from '@/features/scan/data/resolveScan'
import { requestScanAnswer } from '@/features/scan/data/requestScan'
import { freshDb } from '../features/testDb'

const ORIGIN = 'https://field.example.com'
const EMPLOYEE = '0a000000-0000-4000-8000-000000000010'
const SEAL = 'a5000000-0000-4000-8000-000000000002' // SEAL-0002 合同专用章
const LICENCE = 'a5000000-0000-4000-8000-000000000003' // LIC-0001 营业执照（正本）
const NOW = new Date('2026-12-02T02:00:00.000Z')
const at = NOW.toISOString()
let db: AdminFieldDb

beforeEach(async () => {
  db = freshDb()
  await seedDemoCompany(db, NOW)
})

async function application(over: Partial<RequestRow> & { form?: Record<string, unknown> } = {}): Promise<RequestRow> {
  const row: RequestRow = {
    id: crypto.randomUUID(), type: 'seal_use', site_id: null, department_id: null, applicant_id: EMPLOYEE, title: '采购合同',
    form: { document_title: '采购合同', seal_name: '合同专用章', mode: 'stamp_here' }, photo_ids: [], status: 'approved', revision: 1, step: 2, chain: [],
    waiting_role: null, fulfiller_role: 'seal_keeper', deciders: [], submitted_at: at, status_at: at, decided_at: at, first_pass: true,
    due_back_at: null, fulfilled_at: null, fulfilled_by: null, assignment: null, updated_at: at, deleted_at: null, ...over,
  }
  await db.requests.put(row)
  return row
}

const borrow = { type: 'licence_borrow', fulfiller_role: 'asset_keeper', title: '营业执照（正本）', form: { licence_name: '营业执照（正本）', purpose: '投标' } }

describe("the keeper scans an application's QR (issue 9)", () => {
  it('the Scan tab reads it as an application, not as an unknown label (and logs nothing)', async () => {
    const app = await application()
    expect(await resolveAndLog(db, requestUrl(ORIGIN, app.id), [ORIGIN], { userId: null })).toEqual({ kind: 'request', id: app.id })
    expect(await db.scan_log.count()).toBe(0)
  })

  it("a seal use goes to the seal-use form of the seal it names, with it picked; a borrowing to the licence's check-out", async () => {
    const use = await application()
    expect(await pickTarget(db, use.id, ['seal_keeper'])).toMatchObject({ kind: 'seal_use', assetId: SEAL, request: { id: use.id } })
    expect(await requestScanAnswer(db, use.id, ['seal_keeper'])).toEqual({ to: { name: 'sealUsageNew', params: { id: SEAL }, query: { request: use.id } } })
    const lend = await application(borrow)
    expect(await requestScanAnswer(db, lend.id, ['asset_keeper'])).toEqual({ to: { name: 'asset', params: { id: LICENCE }, query: { act: 'check_out', request: lend.id } } })
  })

  it('wrong kind, not approved, already used, not on this device, no single item of that name: a reason, no target', async () => {
    const problem = async (id: string, roles: string[]) => {
      const t = await pickTarget(db, id, roles)
      return t.kind === 'problem' ? t.problem : t.kind
    }
    const lend = await application(borrow)
    expect(await problem(lend.id, ['seal_keeper'])).toBe('wrong_kind')
    expect(await problem((await application({ type: 'dorm_stay', fulfiller_role: 'dorm_manager' })).id, ['seal_keeper', 'asset_keeper'])).toBe('wrong_kind')
    expect(await problem((await application({ status: 'pending', waiting_role: 'executive', decided_at: null })).id, ['seal_keeper'])).toBe('not_approved')
    expect(await problem((await application({ status: 'rejected' })).id, ['seal_keeper'])).toBe('not_approved')
    expect(await problem((await application({ fulfilled_at: at, fulfilled_by: EMPLOYEE })).id, ['seal_keeper'])).toBe('used')
    expect(await problem(crypto.randomUUID(), ['seal_keeper'])).toBe('not_on_device')
    expect(await problem((await application({ deleted_at: at })).id, ['seal_keeper'])).toBe('not_on_device')
    expect(await problem((await application({ form: { seal_name: '不存在的章' } })).id, ['seal_keeper'])).toBe('no_seal')
    expect(await problem((await application({ ...borrow, form: { licence_name: '卫生许可证' } })).id, ['asset_keeper'])).toBe('no_licence')
    const answer = await requestScanAnswer(db, lend.id, ['seal_keeper'])
    expect(answer).toEqual({ outcome: { kind: 'request_problem', problem: 'wrong_kind', requestId: lend.id, title: '营业执照（正本）' } })
  })

  it('someone who carries out neither kind gets the application page, or "not on this device"', async () => {
    const use = await application()
    expect(await requestScanAnswer(db, use.id, ['admin_head'])).toEqual({ to: { name: 'requestDetail', params: { id: use.id } } })
    expect(await requestScanAnswer(db, crypto.randomUUID(), ['employee'])).toMatchObject({ outcome: { problem: 'not_on_device', requestId: null } })
  })
})
