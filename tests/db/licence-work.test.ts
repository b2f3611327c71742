// 证照办理 / 变更 / 年检 carried out (issue 9, manual 2.3 nodes 2–4): after a 'licence_affair' application is
// approved, the asset keeper ticks the materials, collects and checks the licence (errors send it back),
// files the original and copies, and writes the validity dates onto the licence asset — the dates the
// expiry list reads — which carries the application out. Each step a licence_work.record op.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_MATERIAL_CODES } from '@/features/licences/domain/work'
import { createAsset } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, push } from './support/sync'

let db: TestDb
const U = DEMO.users
const past = (min: number) => new Date(Date.now() - 3 * 3600_000 + min * 60_000).toISOString()

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

async function op(user: string, kind: string, entity: string, payload: Record<string, unknown>, min = 0) {
  const [r] = await push(db, user, [makeOp(kind, entity, payload, { device_time: past(min) })])
  if (!r) throw new Error('no result')
  return r
}

const form = { action: 'renew', licence_name: '食品经营许可证', authority: '上海市市场监督管理局', materials: '申请表、原证正本', reason: '到期换证' }

/** An application by the driver (an HQ employee), approved up the chain unless `approve` is false. */
async function application(approve = true): Promise<string> {
  const id = randomUUID()
  expect((await op(U.driver, 'request.submit', id, { event_id: randomUUID(), type: 'licence_affair', form, photo_ids: [] }, -60)).status).toBe('applied')
  if (approve) {
    for (const [user, step] of [[U.adminHead, 0], [U.executive, 1]] as const) {
      expect((await op(user, 'request.act', randomUUID(), { request_id: id, action: 'approve', revision: 1, step }, -50)).status).toBe('applied')
    }
  }
  return id
}

const work = (user: string, requestId: string, body: Record<string, unknown>, min = 0, id = randomUUID()) =>
  op(user, 'licence_work.record', id, { request_id: requestId, ...body }, min)
const pass = { type: 'collect', result: 'pass', errors: [], note: null }
const filing = { type: 'file', location: '行政部 1 号档案柜', keeper_id: DEMO.users.assetKeeper, copies: 2, copy_holders: '财务部、法务部' }
const validity = (assetId: string) => ({
  type: 'validity',
  asset_id: assetId,
  licence_number: 'JY13101150000001',
  valid_from: '2026-11-20',
  valid_to: '2031-11-19',
  annual_inspection_on: '2027-11-20',
})

const steps = async (requestId: string) =>
  db.query<{ type: string; flagged: boolean; data: Record<string, unknown> }>(
    'select type, flagged, data from public.licence_work_events where request_id = $1 order by device_time, received_at',
    [requestId],
  )

describe('licence_work.record: the work after approval, step by step', () => {
  it('materials → collect with errors (back for correction) → collect pass → file → validity: the asset gets the dates, the application is carried out', async () => {
    const req = await application()
    const licence = await createAsset(db, 'licence')
    expect((await work(U.assetKeeper, req, { type: 'material', code: 'application_form', label: null, done: true }, 1)).status).toBe('applied')
    expect((await work(U.assetKeeper, req, { type: 'material', code: 'custom_bank1', label: '银行开户许可证复印件', done: true }, 2)).status).toBe('applied')
    const errors = { type: 'collect', result: 'errors', errors: [{ field: 'dates', note: '有效期少了一年' }, { field: 'scope', note: null }], note: null }
    expect((await work(U.assetKeeper, req, errors, 3)).status).toBe('applied')
    // A filing before a pass does not fit: kept, flagged, nothing changes.
    expect(await work(U.assetKeeper, req, filing, 4)).toMatchObject({ status: 'flagged', detail: 'licences.work.flags.outOfOrder' })
    expect((await work(U.assetKeeper, req, pass, 5)).status).toBe('applied')
    expect(await work(U.assetKeeper, req, validity(licence), 6)).toMatchObject({ status: 'flagged' }) // not filed yet
    expect((await work(U.assetKeeper, req, filing, 7)).status).toBe('applied')
    expect((await work(U.assetKeeper, req, validity(licence), 8)).status).toBe('applied')

    const [asset] = await db.query<{ details: Record<string, unknown> }>('select details from public.assets where id = $1', [licence])
    expect(asset?.details).toMatchObject({ licence_number: 'JY13101150000001', valid_from: '2026-11-20', valid_to: '2031-11-19', annual_inspection_on: '2027-11-20', licence_type: 'business_licence' })
    const [r] = await db.query<{ fulfilled_by: string | null }>('select fulfilled_by from public.requests where id = $1', [req])
    expect(r?.fulfilled_by).toBe(U.assetKeeper)
    expect((await steps(req)).map((s) => [s.type, s.flagged])).toEqual([
      ['material', false],
      ['material', false],
      ['collect', false],
      ['file', true],
      ['collect', false],
      ['validity', true],
      ['file', false],
      ['validity', false],
    ])
    expect((await steps(req))[2]?.data).toEqual({ result: 'errors', errors: [{ field: 'dates', note: '有效期少了一年' }, { field: 'scope', note: null }], note: null })
    // Carried out: anything more is kept and flagged.
    expect(await work(U.assetKeeper, req, { type: 'material', code: 'old_original', label: null, done: true }, 9)).toMatchObject({ status: 'flagged' })
  })

  it('a long-term licence: valid_to null is written as null (长期有效)', async () => {
    const req = await application()
    const licence = await createAsset(db, 'licence')
    await work(U.adminHead, req, pass, 1)
    await work(U.adminHead, req, { ...filing, copies: 0, copy_holders: null }, 2)
    expect((await work(U.adminHead, req, { ...validity(licence), valid_to: null, annual_inspection_on: null }, 3)).status).toBe('applied')
    const [asset] = await db.query<{ details: Record<string, unknown> }>('select details from public.assets where id = $1', [licence])
    expect(asset?.details).toMatchObject({ valid_to: null, annual_inspection_on: null })
  })

  it('an application not approved yet: kept and flagged; the same step pushed twice is a duplicate', async () => {
    const req = await application(false)
    const id = randomUUID()
    const body = { type: 'material', code: 'annual_report', label: null, done: true }
    expect(await work(U.assetKeeper, req, body, 1, id)).toMatchObject({ status: 'flagged' })
    expect(await work(U.assetKeeper, req, body, 1, id)).toMatchObject({ status: 'duplicate' })
    expect(await work(U.assetKeeper, req, { ...body, done: false }, 1, id)).toMatchObject({ status: 'refused', reason: 'invalid' })
  })

  it('refusals with reasons: who, which application, malformed steps', async () => {
    const req = await application()
    const licence = await createAsset(db, 'licence')
    const refused = async (user: string, requestId: string, body: Record<string, unknown>, reason: string, detail: RegExp) => {
      const r = await work(user, requestId, body, 1)
      expect(r, JSON.stringify(body)).toMatchObject({ status: 'refused', reason })
      expect(r.detail).toMatch(detail)
    }
    await refused(U.employee, req, pass, 'forbidden', /asset keeper or the admin head/)
    await refused(U.sealKeeper, req, pass, 'forbidden', /asset keeper/)
    await refused(U.assetKeeper, randomUUID(), pass, 'not_found', /request_id/)
    const borrow = randomUUID()
    const borrowForm = { licence_name: '营业执照', copy_kind: 'original', purpose: '银行开户', borrow_at: '2025-03-03T01:00:00.000Z', due_at: '2025-03-04T09:00:00.000Z' }
    expect((await op(U.driver, 'request.submit', borrow, { event_id: randomUUID(), type: 'licence_borrow', form: borrowForm, photo_ids: [] }, -60)).status).toBe('applied')
    await refused(U.assetKeeper, borrow, pass, 'invalid', /not a licence application/)
    await refused(U.assetKeeper, req, { type: 'stamp' }, 'invalid', /type/)
    await refused(U.assetKeeper, req, { type: 'material', code: 'my_thing', label: null, done: true }, 'invalid', /code/)
    await refused(U.assetKeeper, req, { type: 'material', code: 'custom_x', label: null, done: true }, 'invalid', /code/)
    await refused(U.assetKeeper, req, { type: 'material', code: 'application_form', label: null, done: 'yes' }, 'invalid', /done/)
    await refused(U.assetKeeper, req, { type: 'collect', result: 'pass', errors: [{ field: 'name' }], note: null }, 'invalid', /errors/)
    await refused(U.assetKeeper, req, { type: 'collect', result: 'errors', errors: [], note: null }, 'invalid', /errors/)
    await refused(U.assetKeeper, req, { type: 'collect', result: 'errors', errors: [{ field: 'colour' }], note: null }, 'invalid', /errors/)
    await refused(U.assetKeeper, req, { type: 'collect', result: 'errors', errors: [{ field: 'other', note: ' ' }], note: null }, 'invalid', /errors/)
    await refused(U.assetKeeper, req, { ...filing, copies: 21 }, 'invalid', /copies/)
    await refused(U.assetKeeper, req, { ...filing, copy_holders: null }, 'invalid', /copy_holders/)
    await refused(U.assetKeeper, req, { ...filing, location: 'x'.repeat(101) }, 'invalid', /location/)
    await refused(U.assetKeeper, req, { ...filing, keeper_id: randomUUID() }, 'not_found', /keeper_id/)
    await refused(U.assetKeeper, req, { ...filing, extra: 1 }, 'invalid', /extra/)
    await refused(U.assetKeeper, req, { ...validity(licence), valid_to: '2020-01-01' }, 'invalid', /valid_to/)
    await refused(U.assetKeeper, req, { ...validity(licence), annual_inspection_on: '2020-01-01' }, 'invalid', /annual_inspection_on/)
    await refused(U.assetKeeper, req, { ...validity(licence), valid_from: '2026-13-01' }, 'invalid', /valid_from/)
    await refused(U.assetKeeper, req, validity(await createAsset(db, 'seal')), 'not_found', /asset_id/)
    expect(await steps(req)).toEqual([])
  })
})

describe('licence_materials.update: the checklist lines per action', () => {
  const lists = {
    obtain: [{ code: 'application_form', label: null }, { code: 'custom_lease', label: '租赁合同' }],
    change: DEFAULT_MATERIAL_CODES.slice(0, 3).map((code) => ({ code, label: null })),
    renew: [{ code: 'annual_report', label: '年报（盖章）' }],
  }

  it('a company-wide admin head sets them; others are refused; malformed lists are refused', async () => {
    expect((await op(U.assetKeeper, 'licence_materials.update', DEMO.company, lists)).status).toBe('refused')
    expect((await op(U.adminHead, 'licence_materials.update', DEMO.company, lists)).status).toBe('applied')
    const [c] = await db.query<{ licence_materials: unknown }>('select licence_materials from public.company where id = $1', [DEMO.company])
    expect(c?.licence_materials).toEqual(lists)
    for (const bad of [
      { ...lists, renew: [] },
      { ...lists, obtain: [{ code: 'application_form', label: null }, { code: 'application_form', label: null }] },
      { ...lists, obtain: [{ code: 'custom_x', label: '' }] },
      { obtain: lists.obtain, change: lists.change },
      { ...lists, renew: [{ code: 'annual_report', label: 'x'.repeat(101) }] },
    ]) {
      expect(await op(U.adminHead, 'licence_materials.update', DEMO.company, bad), JSON.stringify(bad)).toMatchObject({ status: 'refused', reason: 'invalid' })
    }
  })
})

describe('RLS: a step is read by whoever reads its application', () => {
  it('the applicant, the keeper and the admin head see the steps; an unrelated employee does not', async () => {
    const req = await application()
    await work(U.assetKeeper, req, pass, 1)
    const seen = (user: string) => db.asUser(user, (q) => q<{ id: string }>('select id from public.licence_work_events where request_id = $1', [req]))
    for (const user of [U.driver, U.assetKeeper, U.adminHead, U.executive]) expect(await seen(user), user).toHaveLength(1)
    for (const user of [U.employee, U.cleaner, U.sealKeeper]) expect(await seen(user), user).toHaveLength(0)
  })

  it('a material photo follows its step: the keeper registers it, the applicant sees it, a stranger can neither', async () => {
    const req = await application()
    const step = randomUUID()
    expect((await work(U.assetKeeper, req, { type: 'material', code: 'application_form', label: null, done: true }, 1, step)).status).toBe('applied')
    const photo = (user: string, id: string) =>
      op(user, 'photo.register', id, { owner_table: 'licence_work_events', owner_id: step, mime: 'image/jpeg', bytes: 1000, width: 640, height: 480, taken_at: past(1) }, 1)
    const id = randomUUID()
    expect(await photo(U.assetKeeper, id)).toMatchObject({ status: 'applied' })
    expect(await photo(U.employee, randomUUID())).toMatchObject({ status: 'refused' })
    const seen = (user: string) => db.asUser(user, (q) => q<{ id: string }>('select id from public.photos where id = $1', [id]))
    expect(await seen(U.driver)).toHaveLength(1)
    expect(await seen(U.employee)).toHaveLength(0)
  })
})
