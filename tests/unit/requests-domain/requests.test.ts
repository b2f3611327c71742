import { describe, expect, it } from 'vitest'
import {
  applyEvent,
  authorityFor,
  resolveChain,
  submitted,
  validateForm,
  type Delegation,
  type RequestEvent,
  type RequestForm,
  type RequestState,
} from '@/features/requests/domain'

const APPLICANT = '0a000000-0000-4000-8000-00000000000a'
const HEAD = '0a000000-0000-4000-8000-000000000001'
const EXEC = '0a000000-0000-4000-8000-000000000002'
const ctx = { applicantRoles: ['employee'], amountThreshold: 5000 }

const sealForm: RequestForm = {
  document_title: '采购合同',
  document_type: 'contract',
  copies: 2,
  seal_name: '合同专用章',
  purpose: '与供应商签约',
  mode: 'stamp_here',
  due_at: null,
}

let n = 0
function ev(action: RequestEvent['action'], over: Partial<RequestEvent> = {}): RequestEvent {
  n++
  return { id: `e${n}`, request_id: 'r1', action, actor_id: APPLICANT, on_behalf_of: null, step: null, revision: 1, note: null, form: null, assignment: null, at: `2026-12-01T0${n % 10}:00:00Z`, ...over }
}

function submit(form: RequestForm = sealForm, type = 'seal_use', c = ctx): RequestState {
  return submitted({ id: 'r1', type, site_id: null, department_id: null, applicant_id: APPLICANT, photo_ids: [] }, ev('submit', { form }), c)
}

function must(r: ReturnType<typeof applyEvent>): RequestState {
  expect(r.flag).toBeNull()
  return r.state!
}

describe('forms', () => {
  it('accepts a complete seal-use form and names the fields that are wrong', () => {
    expect(validateForm('seal_use', sealForm).ok).toBe(true)
    const bad = validateForm('seal_use', { ...sealForm, copies: 0, document_type: 'nope', mode: 'take_out' })
    expect(bad).toEqual({ ok: false, issues: { copies: 'requests.errors.range', document_type: 'requests.errors.choice', due_at: 'requests.errors.required' } })
  })
  it('refuses unknown fields and unknown types', () => {
    expect(validateForm('seal_use', { ...sealForm, extra: 1 })).toEqual({ ok: false, issues: { _: 'requests.errors.unknownField' } })
    expect(validateForm('nope', {})).toEqual({ ok: false, issues: { _: 'requests.errors.unknownType' } })
  })
  it('checks a due time comes after its start, and amounts have at most two decimals', () => {
    const trip = { destination: '机场', start_at: '2026-12-02T09:00:00+08:00', end_at: '2026-12-02T08:00:00+08:00', passengers: 2, purpose: '接客户', estimated_cost: 12.345 }
    const r = validateForm('vehicle_dispatch', trip)
    expect(r).toEqual({ ok: false, issues: { end_at: 'requests.errors.notAfter', estimated_cost: 'requests.errors.number' } })
    const ok = validateForm('vehicle_dispatch', { ...trip, end_at: '2026-12-02T18:00:00+08:00', estimated_cost: '' })
    expect(ok.ok && ok.form.estimated_cost).toBeNull()
  })
})

describe('chains', () => {
  it('seal and licence types end with the executive, one level at a time', () => {
    expect(resolveChain('seal_use', sealForm, ['employee'], 5000)).toEqual([
      { role: 'admin_head', skipped: false },
      { role: 'executive', skipped: false },
    ])
  })
  it('an amount above the threshold adds the admin head, then the executive', () => {
    const form = { estimated_cost: 8000 }
    expect(resolveChain('vehicle_dispatch', form, ['employee'], 5000).map((s) => s.role)).toEqual(['fleet_manager', 'admin_head', 'executive'])
    expect(resolveChain('vehicle_dispatch', { estimated_cost: 5000 }, ['employee'], 5000).map((s) => s.role)).toEqual(['fleet_manager'])
  })
  it("the applicant's own step is skipped and the level above takes it", () => {
    expect(resolveChain('vehicle_dispatch', {}, ['fleet_manager'], 5000)).toEqual([
      { role: 'fleet_manager', skipped: true },
      { role: 'admin_head', skipped: false },
    ])
    expect(resolveChain('vehicle_dispatch', {}, ['fleet_manager', 'admin_head'], 5000)).toEqual([
      { role: 'fleet_manager', skipped: true },
      { role: 'admin_head', skipped: true },
      { role: 'executive', skipped: false },
    ])
  })
})

describe('delegation', () => {
  const deleg: Delegation = { id: 'd', from_user: HEAD, to_user: EXEC, starts_on: '2026-12-01', ends_on: '2026-12-03', deleted_at: null }
  const rolesOf = (u: string) => (u === HEAD ? ['admin_head'] : [])
  const c = { delegations: [deleg], rolesOf, timeZone: 'Asia/Shanghai' }
  const actor = { id: EXEC, roles: ['executive'] }
  it('a delegate decides for the delegator within the dates (company zone), both days included', () => {
    expect(authorityFor(actor, 'admin_head', APPLICANT, '2026-11-30T16:00:00Z', c)).toEqual({ ok: true, onBehalfOf: HEAD })
    expect(authorityFor(actor, 'admin_head', APPLICANT, '2026-12-03T15:59:00Z', c)).toEqual({ ok: true, onBehalfOf: HEAD })
  })
  it('not before or after, not when withdrawn, never on their own application', () => {
    expect(authorityFor(actor, 'admin_head', APPLICANT, '2026-11-30T15:59:00Z', c).ok).toBe(false)
    expect(authorityFor(actor, 'admin_head', APPLICANT, '2026-12-03T16:00:00Z', c).ok).toBe(false)
    expect(authorityFor(actor, 'admin_head', APPLICANT, '2026-12-02T00:00:00Z', { ...c, delegations: [{ ...deleg, deleted_at: 'x' }] }).ok).toBe(false)
    expect(authorityFor({ id: APPLICANT, roles: ['admin_head'] }, 'admin_head', APPLICANT, '2026-12-02T00:00:00Z', c).ok).toBe(false)
  })
  it('holding the role is authority enough', () => {
    expect(authorityFor({ id: HEAD, roles: ['admin_head'] }, 'admin_head', APPLICANT, '2026-12-02T00:00:00Z', c)).toEqual({ ok: true, onBehalfOf: null })
  })
})

describe('the lifecycle', () => {
  it('goes up the chain and passes the first time', () => {
    let s = submit()
    expect(s).toMatchObject({ status: 'pending', step: 0, waiting_role: 'admin_head', revision: 1 })
    s = must(applyEvent(s, ev('approve', { actor_id: HEAD, step: 0 }), ctx))
    expect(s).toMatchObject({ status: 'pending', step: 1, waiting_role: 'executive' })
    s = must(applyEvent(s, ev('approve', { actor_id: EXEC, step: 1 }), ctx))
    expect(s).toMatchObject({ status: 'approved', waiting_role: null, first_pass: true })
    expect(s.decided_at).toBe(s.status_at)
  })
  it('return for changes, then an edited resubmission starts the chain again and is not a first pass', () => {
    let s = submit()
    s = must(applyEvent(s, ev('return', { actor_id: HEAD, step: 0, note: '份数不对' }), ctx))
    expect(s).toMatchObject({ status: 'returned', waiting_role: null })
    s = must(applyEvent(s, ev('resubmit', { form: { ...sealForm, copies: 3 }, revision: 1 }), ctx))
    expect(s).toMatchObject({ status: 'pending', revision: 2, step: 0, waiting_role: 'admin_head' })
    expect(s.form.copies).toBe(3)
    s = must(applyEvent(s, ev('approve', { actor_id: HEAD, step: 0, revision: 2 }), ctx))
    s = must(applyEvent(s, ev('approve', { actor_id: EXEC, step: 1, revision: 2 }), ctx))
    expect(s).toMatchObject({ status: 'approved', first_pass: false })
  })
  it('reject ends it; withdraw ends it; neither can be decided after', () => {
    const r = must(applyEvent(submit(), ev('reject', { actor_id: HEAD, step: 0, note: '无依据' }), ctx))
    expect(r).toMatchObject({ status: 'rejected', first_pass: false })
    expect(applyEvent(r, ev('withdraw'), ctx).flag).toBe('requests.flags.stale')
    const w = must(applyEvent(submit(), ev('withdraw'), ctx))
    expect(w.status).toBe('withdrawn')
    expect(applyEvent(w, ev('approve', { actor_id: HEAD, step: 0 }), ctx)).toEqual({ state: w, flag: 'requests.flags.stale' })
  })
  it('two approvers deciding the same step offline: the first applies, the second is kept and flagged', () => {
    const s = must(applyEvent(submit(), ev('approve', { actor_id: HEAD, step: 0 }), ctx))
    const second = applyEvent(s, ev('reject', { actor_id: 'other-head', step: 0, note: 'no' }), ctx)
    expect(second).toEqual({ state: s, flag: 'requests.flags.stale' })
  })
  it('a decision on an older revision is stale', () => {
    const s = must(applyEvent(submit(), ev('resubmit', { form: sealForm, revision: 1 }), ctx))
    expect(applyEvent(s, ev('approve', { actor_id: HEAD, step: 0, revision: 1 }), ctx).flag).toBe('requests.flags.stale')
  })
  it("an executive's own application is approved at once, its skipped steps on record", () => {
    const s = submit(sealForm, 'seal_use', { applicantRoles: ['admin_head', 'executive'], amountThreshold: 5000 })
    expect(s).toMatchObject({ status: 'approved', first_pass: true, chain: [{ role: 'admin_head', skipped: true }, { role: 'executive', skipped: true }] })
  })
  it('records when a take-out is due back', () => {
    const s = submit({ ...sealForm, mode: 'take_out', due_at: '2026-12-03T10:00:00+08:00' })
    expect(s.due_back_at).toBe('2026-12-03T10:00:00+08:00')
  })
})

describe('every key the domain hands the UI is translated', () => {
  it('errors, flags, types, fields and options exist in zh-CN and en', async () => {
    const [{ default: zh }, { default: en }] = await Promise.all([import('@/shared/i18n/messages/zh-CN'), import('@/shared/i18n/messages/en')])
    const { REQUEST_ERROR_KEYS, REQUEST_FLAGS, REQUEST_TYPES } = await import('@/features/requests/domain')
    const keys = [
      ...REQUEST_ERROR_KEYS,
      ...Object.values(REQUEST_FLAGS),
      ...REQUEST_TYPES.flatMap((t) => [
        `requests.types.${t.type}`,
        `requests.typeHints.${t.type}`,
        ...t.fields.flatMap((f) => [`requests.fields.${f.key}`, ...('options' in f ? f.options.map((o) => `requests.options.${f.key}.${o}`) : [])]),
        ...t.chain.map((r) => `requests.roles.${r}`),
      ]),
    ]
    const get = (tree: unknown, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], tree)
    for (const k of keys) {
      expect(typeof get(zh, k), `zh-CN ${k}`).toBe('string')
      expect(typeof get(en, k), `en ${k}`).toBe('string')
    }
  })
})
