// The requests engine on the server (issue 9): applications go up their chain one step at a time,
// the same rules as the device's domain (types, chains, fold); refusals change nothing; a decision
// on an application that changed meanwhile is kept and flagged; RLS by applicant, step, scope, keeper.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LEVEL_ABOVE, REQUEST_TYPES, resolveChain, type RequestForm } from '@/features/requests/domain'
import { makeUser } from './support/checklists'
import { HQ, SZ } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, push } from './support/sync'

let db: TestDb
const U = DEMO.users

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const sealForm = (over: Record<string, unknown> = {}) => ({
  document_title: '采购合同',
  document_type: 'contract',
  copies: 2,
  seal_name: '合同专用章',
  purpose: '与供应商签约',
  mode: 'stamp_here',
  due_at: null,
  ...over,
})

async function op(user: string, kind: string, id: string, payload: Record<string, unknown>) {
  const [r] = await push(db, user, [makeOp(kind, id, payload)])
  if (!r) throw new Error('no result')
  return r
}
const submit = async (user: string, form: Record<string, unknown> = sealForm(), type = 'seal_use') => {
  const id = randomUUID()
  return { id, r: await op(user, 'request.submit', id, { event_id: randomUUID(), type, form, photo_ids: [] }) }
}
const act = (user: string, request_id: string, action: string, extra: Record<string, unknown> = {}) =>
  op(user, 'request.act', randomUUID(), { request_id, action, revision: 1, ...extra })

interface Row {
  status: string
  step: number
  waiting_role: string | null
  revision: number
  first_pass: boolean | null
  chain: { role: string; skipped: boolean }[]
  title: string
}
const row = async (id: string) =>
  (await db.query<Row>('select status, step, waiting_role, revision, first_pass, chain, title from public.requests where id = $1', [id]))[0] as Row
const events = (id: string) =>
  db.query<{ action: string; flag: string | null; on_behalf_of: string | null }>(
    'select action, flag, on_behalf_of from public.request_events where request_id = $1 order by received_at, created_at',
    [id],
  )

describe('the types and chains are the same data on both sides', () => {
  it('private.request_types and request_type_fields equal REQUEST_TYPES; approver levels equal LEVEL_ABOVE', async () => {
    const types = await db.query<{ type: string; title_key: string; chain: string[]; amount_key: string | null; due_key: string | null; fulfiller: string }>(
      'select * from private.request_types order by type',
    )
    const fields = await db.query<Record<string, unknown>>('select * from private.request_type_fields order by type, ord')
    const expected = [...REQUEST_TYPES].sort((a, b) => a.type.localeCompare(b.type))
    expect(types).toEqual(
      expected.map((t) => ({
        type: t.type,
        title_key: t.titleKey,
        chain: [...t.chain],
        amount_key: 'amountKey' in t ? t.amountKey : null,
        due_key: 'dueKey' in t ? t.dueKey : null,
        fulfiller: t.fulfiller,
      })),
    )
    const asSql = expected.flatMap((t) =>
      t.fields.map((f, i) => ({
        type: t.type,
        ord: i + 1,
        key: f.key,
        kind: f.kind,
        optional: 'optional' in f ? f.optional : false,
        required_if: 'requiredIf' in f ? [...f.requiredIf] : null,
        max: String(f.max),
        min: 'min' in f ? String(f.min) : null,
        options: 'options' in f ? [...f.options] : null,
        after: 'after' in f ? f.after : null,
      })),
    )
    expect(fields.map((f) => ({ ...f, max: String(f.max), min: f.min === null ? null : String(f.min) }))).toEqual(asSql)
    const levels = await db.query<{ role: string; above: string | null }>('select role, above from private.approver_levels order by role')
    expect(Object.fromEntries(levels.map((l) => [l.role, l.above]))).toEqual(LEVEL_ABOVE)
  })

  it('private.request_chain resolves every case as resolveChain does', async () => {
    const roleSets = [[], ['employee'], ['fleet_manager'], ['admin_head'], ['fleet_manager', 'admin_head'], ['admin_head', 'executive'], ['executive']]
    const forms: [string, RequestForm][] = [
      ['seal_use', {}],
      ['vehicle_dispatch', { estimated_cost: 100 }],
      ['vehicle_dispatch', { estimated_cost: 5000 }],
      ['vehicle_dispatch', { estimated_cost: 5000.01 }],
      ['seal_lifecycle', { cost: 9000 }],
    ]
    for (const roles of roleSets)
      for (const [type, form] of forms) {
        const [sql] = await db.query<{ c: unknown }>('select private.request_chain($1, $2::jsonb, $3::text[], 5000) as c', [type, JSON.stringify(form), roles])
        expect(sql?.c, `${type} ${JSON.stringify(form)} ${roles.join(',')}`).toEqual(resolveChain(type, form, roles, 5000))
      }
  })
})

describe('an application up its chain', () => {
  it('employee → admin head → executive: approved on the first pass, every step on record', async () => {
    const { id, r } = await submit(U.employee)
    expect(r.status).toBe('applied')
    expect(await row(id)).toMatchObject({ status: 'pending', step: 0, waiting_role: 'admin_head', title: '采购合同' })
    expect((await act(U.adminHead, id, 'approve', { step: 0 })).status).toBe('applied')
    expect(await row(id)).toMatchObject({ status: 'pending', step: 1, waiting_role: 'executive' })
    expect((await act(U.executive, id, 'approve', { step: 1, note: '同意' })).status).toBe('applied')
    expect(await row(id)).toMatchObject({ status: 'approved', waiting_role: null, first_pass: true })
    expect((await events(id)).map((e) => e.action)).toEqual(['submit', 'approve', 'approve'])
  })

  it('returned for changes, edited and resubmitted: a new revision from the first step, not a first pass', async () => {
    const { id } = await submit(U.employee)
    expect((await act(U.adminHead, id, 'return', { step: 0, note: '份数不对' })).status).toBe('applied')
    expect(await row(id)).toMatchObject({ status: 'returned', waiting_role: null })
    expect((await act(U.employee, id, 'resubmit', { form: sealForm({ copies: 3 }) })).status).toBe('applied')
    expect(await row(id)).toMatchObject({ status: 'pending', revision: 2, step: 0 })
    await act(U.adminHead, id, 'approve', { step: 0, revision: 2 })
    await act(U.executive, id, 'approve', { step: 1, revision: 2 })
    expect(await row(id)).toMatchObject({ status: 'approved', first_pass: false })
  })

  it("the applicant's own step is skipped: the admin head's application goes to the executive", async () => {
    const { id } = await submit(U.adminHead)
    expect(await row(id)).toMatchObject({
      status: 'pending',
      step: 1,
      waiting_role: 'executive',
      chain: [
        { role: 'admin_head', skipped: true },
        { role: 'executive', skipped: false },
      ],
    })
  })

  it('two approvers decide the same step offline: the first applies, the second is kept and flagged', async () => {
    const otherHead = await makeUser(db, 'admin_head', null, 'head2')
    const { id } = await submit(U.employee)
    expect((await act(U.adminHead, id, 'approve', { step: 0 })).status).toBe('applied')
    const second = await act(otherHead, id, 'reject', { step: 0, note: '不同意' })
    expect(second).toMatchObject({ status: 'flagged' })
    expect(await row(id)).toMatchObject({ status: 'pending', step: 1 })
    expect((await events(id)).map((e) => [e.action, e.flag])).toEqual([
      ['submit', null],
      ['approve', null],
      ['reject', 'requests.flags.stale'],
    ])
  })

  it('a withdrawn application: a later decision is kept and flagged', async () => {
    const { id } = await submit(U.employee)
    expect((await act(U.employee, id, 'withdraw')).status).toBe('applied')
    expect((await act(U.adminHead, id, 'approve', { step: 0 })).status).toBe('flagged')
    expect((await row(id)).status).toBe('withdrawn')
  })

  it('an amount above the threshold adds the admin head and the executive to a dispatch', async () => {
    const form = { destination: '机场', start_at: '2026-12-02T09:00:00+08:00', end_at: '2026-12-02T18:00:00+08:00', passengers: 2, purpose: '接客户', estimated_cost: 6000 }
    const { id } = await submit(U.employee, form, 'vehicle_dispatch')
    expect((await row(id)).chain.map((s) => s.role)).toEqual(['fleet_manager', 'admin_head', 'executive'])
  })
})

describe('delegation (代理审批)', () => {
  it('a delegate decides for the delegator within the dates, and the decision names whom it was for', async () => {
    const deputy = await makeUser(db, 'employee', null, 'deputy')
    // Company-zone "today" is within a day of UTC's: a window of today ± 2 days holds in any zone.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
    const d = randomUUID()
    expect((await op(U.executive, 'delegation.upsert', d, { from_user: U.executive, to_user: deputy, starts_on: day(-40), ends_on: day(-10) })).status).toBe('applied')
    const { id } = await submit(U.employee)
    await act(U.adminHead, id, 'approve', { step: 0 })
    // Out of its dates: no authority.
    expect(await act(deputy, id, 'approve', { step: 1 })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect((await op(U.executive, 'delegation.upsert', d, { from_user: U.executive, to_user: deputy, starts_on: day(-2), ends_on: day(2) })).status).toBe('applied')
    expect((await act(deputy, id, 'approve', { step: 1 })).status).toBe('applied')
    expect((await events(id)).at(-1)).toMatchObject({ action: 'approve', on_behalf_of: U.executive })
  })

  it('only the delegator, the admin head or the executive set one up', async () => {
    const r = await op(U.employee, 'delegation.upsert', randomUUID(), { from_user: U.adminHead, to_user: U.employee, starts_on: '2026-01-01', ends_on: '2026-01-02' })
    expect(r).toMatchObject({ status: 'refused', reason: 'forbidden' })
  })
})

describe('refusals change nothing', () => {
  it.each([
    ['an unknown type', { type: 'nope', form: {} }, 'invalid', /type/],
    ['copies out of range', { type: 'seal_use', form: sealForm({ copies: 0 }) }, 'invalid', /form\.copies/],
    ['an unknown form field', { type: 'seal_use', form: sealForm({ extra: 'x' }) }, 'invalid', /form\.extra/],
    ['a take-out without a due time', { type: 'seal_use', form: sealForm({ mode: 'take_out' }) }, 'invalid', /form\.due_at/],
    ['a borrowing due before it starts', { type: 'licence_borrow', form: { licence_name: '营业执照', copy_kind: 'copy', purpose: '投标', borrow_at: '2026-12-02T10:00:00+08:00', due_at: '2026-12-02T09:00:00+08:00' } }, 'invalid', /form\.due_at/],
  ])('%s', async (_name, payload, reason, detail) => {
    const id = randomUUID()
    const r = await op(U.employee, 'request.submit', id, { event_id: randomUUID(), photo_ids: [], ...payload })
    expect(r).toMatchObject({ status: 'refused', reason })
    expect(r.detail).toMatch(detail)
    expect(await db.query('select 1 from public.requests where id = $1', [id])).toEqual([])
  })

  it('a decision by someone without authority, the applicant on their own, a reject without a reason', async () => {
    const { id } = await submit(U.employee)
    expect(await act(U.sealKeeper, id, 'approve', { step: 0 })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await act(U.executive, id, 'approve', { step: 0 })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await act(U.adminHead, id, 'reject', { step: 0 })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await act(U.adminHead, id, 'withdraw')).toMatchObject({ status: 'refused', reason: 'forbidden' })
    const own = await submit(U.adminHead)
    expect(await act(U.adminHead, own.id, 'approve', { step: 1 })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await row(id)).toMatchObject({ status: 'pending', step: 0 })
    expect((await events(id)).length).toBe(1)
  })
})

describe('who reads what', () => {
  const visible = (user: string, id: string) =>
    db.asUser(user, async (q) => ({
      request: (await q('select id from public.requests where id = $1', [id])).length,
      events: (await q('select id from public.request_events where request_id = $1', [id])).length,
    }))

  it('applicant, the approver at the step, the head and the executive; the seal keeper once approved; nobody else', async () => {
    const { id } = await submit(U.employee)
    const other = await makeUser(db, 'employee', SZ, 'other')
    const szHead = await makeUser(db, 'admin_head', HQ, 'hq-head')
    expect(await visible(U.employee, id)).toEqual({ request: 1, events: 1 })
    expect(await visible(U.adminHead, id)).toEqual({ request: 1, events: 1 })
    expect(await visible(U.executive, id)).toEqual({ request: 1, events: 1 })
    expect(await visible(other, id)).toEqual({ request: 0, events: 0 })
    expect(await visible(U.cleaner, id)).toEqual({ request: 0, events: 0 })
    expect(await visible(U.sealKeeper, id)).toEqual({ request: 0, events: 0 })
    // The employee's site is SZ-PLANT: a head scoped to HQ does not see it.
    expect(await visible(szHead, id)).toEqual({ request: 0, events: 0 })
    await act(U.adminHead, id, 'approve', { step: 0 })
    await act(U.executive, id, 'approve', { step: 1 })
    expect(await visible(U.sealKeeper, id)).toEqual({ request: 1, events: 3 })
    expect(await visible(U.assetKeeper, id)).toEqual({ request: 0, events: 0 })
  })
})

describe('sync', () => {
  it("an application, its timeline and delegations reach the applicant's and the approver's devices in a pull", async () => {
    const { pullAll } = await import('./support/sync')
    const { id } = await submit(U.employee)
    await act(U.adminHead, id, 'approve', { step: 0 })
    for (const user of [U.employee, U.executive]) {
      const { changes } = await pullAll(db, user, null)
      const mine = changes.filter((c) => (c.table === 'requests' && c.id === id) || (c.table === 'request_events' && c.row?.request_id === id))
      expect(mine.map((c) => c.table).sort(), user).toEqual(['request_events', 'request_events', 'requests'])
    }
    const { changes } = await pullAll(db, U.cleaner, null)
    expect(changes.some((c) => c.table === 'requests' && c.id === id)).toBe(false)
  })
})

describe('用印申请 → 用印登记 (seal_usage.link)', () => {
  const sealId = DEMO.raw.assets.find((a) => a.number === 'SEAL-0002')!.id
  async function stamp(linkPayload: Record<string, unknown>) {
    const usageId = randomUUID()
    const record = makeOp('seal_usage.record', usageId, {
      seal_id: sealId,
      used_at: new Date().toISOString(),
      document_title: '采购合同',
      document_type: 'contract',
      copies: 2,
      purpose: '签约',
      requester_id: U.employee,
      requester_name: '郑浩',
      requester_department: '仓储物流部',
      approver_name: '陈建国',
      mode: 'stamp_here',
      photo_ids: [],
    })
    const [r1, r2] = await push(db, U.sealKeeper, [record, makeOp('seal_usage.link', usageId, linkPayload)])
    return { usageId, r1, r2 }
  }
  const link = async (id: string) => (await db.query<{ request_id: string | null; flag: string | null }>('select request_id, flag from public.seal_usage_requests where id = $1', [id]))[0]

  it('the keeper stamps for an approved application: the line is linked and the application carried out', async () => {
    const { id } = await submit(U.employee)
    await act(U.adminHead, id, 'approve', { step: 0 })
    await act(U.executive, id, 'approve', { step: 1 })
    const { usageId, r1, r2 } = await stamp({ request_id: id })
    expect([r1?.status, r2?.status]).toEqual(['applied', 'applied'])
    expect(await link(usageId)).toEqual({ request_id: id, flag: null })
    const [req] = await db.query<{ fulfilled_by: string }>('select fulfilled_by from public.requests where id = $1', [id])
    expect(req?.fulfilled_by).toBe(U.sealKeeper)
  })

  it('an application not yet approved: the line is kept, linked and flagged', async () => {
    const { id } = await submit(U.employee)
    const { usageId, r2 } = await stamp({ request_id: id })
    expect(r2).toMatchObject({ status: 'flagged', detail: 'seals.flags.applicationNotApproved' })
    expect(await link(usageId)).toEqual({ request_id: id, flag: 'seals.flags.applicationNotApproved' })
  })

  it('no application needs an emergency reason, and the line is marked for the admin head', async () => {
    const refused = await stamp({})
    expect(refused.r2).toMatchObject({ status: 'refused', reason: 'invalid' })
    const { usageId, r2 } = await stamp({ emergency_reason: '法院传票当日需盖章' })
    expect(r2?.status).toBe('applied')
    expect(await link(usageId)).toEqual({ request_id: null, flag: 'seals.flags.noApplication' })
  })
})

describe('the approval threshold (request_settings.update)', () => {
  it('the company-wide admin head sets it and the next chain follows it; others are refused', async () => {
    const set = (user: string, v: unknown) => op(user, 'request_settings.update', DEMO.company, { approval_amount_threshold: v })
    expect(await set(U.employee, 100)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await set(U.adminHead, 12.345)).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect((await set(U.adminHead, 100)).status).toBe('applied')
    const form = { destination: '机场', start_at: '2026-12-02T09:00:00+08:00', end_at: '2026-12-02T18:00:00+08:00', passengers: 2, purpose: '接客户', estimated_cost: 150 }
    const { id } = await submit(U.employee, form, 'vehicle_dispatch')
    expect((await row(id)).chain.map((s) => s.role)).toEqual(['fleet_manager', 'admin_head', 'executive'])
    expect((await set(U.executive, 5000)).status).toBe('applied')
  })
})

describe('用车申请: the fleet manager approves with a vehicle and a driver', () => {
  const dispatchForm = { destination: '虹桥机场', start_at: '2026-12-03T09:00:00+08:00', end_at: '2026-12-03T12:00:00+08:00', passengers: 2, purpose: '接客户', estimated_cost: null }
  const vehicleId = DEMO.raw.assets.find((a) => a.kind === 'vehicle')!.id

  it('the assignment is kept on the application and the assigned driver sees it; approving without one is refused', async () => {
    const { id } = await submit(U.employee, dispatchForm, 'vehicle_dispatch')
    expect(await act(U.fleetManager, id, 'approve', { step: 0 })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await act(U.fleetManager, id, 'approve', { step: 0, assignment: { vehicle_id: vehicleId, driver_id: U.employee } })).toMatchObject({
      status: 'refused',
      reason: 'invalid',
    })
    const r = await act(U.fleetManager, id, 'approve', { step: 0, assignment: { vehicle_id: vehicleId, driver_id: U.driver } })
    expect(r.status).toBe('applied')
    const [req] = await db.query<{ status: string; assignment: unknown }>('select status, assignment from public.requests where id = $1', [id])
    expect(req).toEqual({ status: 'approved', assignment: { vehicle_id: vehicleId, driver_id: U.driver } })
    const seen = await db.asUser(U.driver, (q) => q('select id from public.requests where id = $1', [id]))
    expect(seen).toHaveLength(1)
  })

  it('an assignment on any other decision is refused', async () => {
    const { id } = await submit(U.employee)
    expect(await act(U.adminHead, id, 'approve', { step: 0, assignment: { vehicle_id: vehicleId, driver_id: U.driver } })).toMatchObject({ status: 'refused', reason: 'invalid' })
  })
})

describe('申请附件: photos of an application (photo-owner registry)', () => {
  const meta = (owner_id: string) => ({
    owner_table: 'requests',
    owner_id,
    mime: 'image/jpeg',
    bytes: 120_000,
    width: 1600,
    height: 1200,
    taken_at: new Date().toISOString(),
  })

  it('the applicant registers a photo of their application; its approver sees it; someone else may not register one', async () => {
    const photo = randomUUID()
    const { id } = await submit(U.employee, sealForm(), 'seal_use')
    expect((await op(U.employee, 'photo.register', photo, meta(id))).status).toBe('applied')
    const seen = (user: string) => db.asUser(user, (q) => q('select id from public.photos where id = $1', [photo])).then((r) => r.length)
    expect(await seen(U.employee)).toBe(1)
    expect(await seen(U.adminHead)).toBe(1)
    expect(await seen(U.driver)).toBe(0)
    expect(await op(U.driver, 'photo.register', randomUUID(), meta(id))).toMatchObject({ status: 'refused', reason: 'forbidden' })
  })
})
