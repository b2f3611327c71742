import { describe, expect, it } from 'vitest'
import {
  CUSTODY_EVENT_TYPES,
  INITIAL_CUSTODY_STATE,
  allowedEvents,
  custodyEventSchema,
  foldEvents,
  mayRecord,
  newLabelToken,
  openConflicts,
  orderEvents,
  roleMayRecord,
  type AssetKind,
  type CustodyActor,
  type CustodyEvent,
  type CustodyEventInput,
  type CustodyEventType,
  type CustodyState,
} from '@/features/assets/domain'

// --- fixtures ------------------------------------------------------------------

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const ASSET = uid(1)
const KEEPER = uid(10)
const ALICE = uid(11)
const BOB = uid(12)
const DRIVER = uid(13)
const HEAD = uid(14)

let seq = 100
/** A valid event at minute `min` past 09:00 Shanghai time on 2025-03-03. */
function ev(min: number, body: Pick<CustodyEventInput, 'type' | 'payload'> & Partial<CustodyEventInput>): CustodyEvent {
  const device_time = new Date(Date.parse('2025-03-03T09:00:00+08:00') + min * 60_000).toISOString()
  return custodyEventSchema.parse({ id: uid(seq++), asset_id: ASSET, actor_id: KEEPER, device_time, ...body })
}

const out = (min: number, to = ALICE, due: string | null = '2025-03-03T18:00:00+08:00') =>
  ev(min, { type: 'check_out', payload: { to_person: to, due_at: due, purpose: '签合同', condition: 'good' } })
const back = (min: number, condition: 'good' | 'worn' | 'damaged' = 'good') => ev(min, { type: 'check_in', payload: { condition } })
const simple = (min: number, type: 'report_damaged' | 'report_lost' | 'send_to_repair' | 'retire') => ev(min, { type, payload: {} })

const keeperOf: Record<AssetKind, CustodyActor> = {
  seal: { person_id: KEEPER, roles: ['seal_keeper'] },
  licence: { person_id: KEEPER, roles: ['asset_keeper'] },
  equipment: { person_id: KEEPER, roles: ['asset_keeper'] },
  vehicle: { person_id: KEEPER, roles: ['fleet_manager'] },
  uniform: { person_id: KEEPER, roles: ['asset_keeper'] },
  dorm_key: { person_id: KEEPER, roles: ['dorm_manager'] },
}
const head: CustodyActor = { person_id: HEAD, roles: ['admin_head'] }
const alice: CustodyActor = { person_id: ALICE, roles: ['employee'] }
const bob: CustodyActor = { person_id: BOB, roles: ['employee'] }
const driver: CustodyActor = { person_id: DRIVER, roles: ['driver'] }

const pos = (s: CustodyState) => ({ status: s.status, holder_id: s.holder_id, due_at: s.due_at })

// States reached by normal steps, to test transitions from each.
const S = {
  inStock: [] as CustodyEvent[],
  out: [out(0)],
  damagedHeld: [out(0), simple(1, 'report_damaged')],
  damaged: [simple(0, 'report_damaged')],
  lostHeld: [out(0), simple(1, 'report_lost')],
  lost: [simple(0, 'report_lost')],
  inRepair: [simple(0, 'send_to_repair')],
  retired: [simple(0, 'retire')],
}

// --- schema ----------------------------------------------------------------------

describe('custodyEventSchema', () => {
  it('accepts a check-out and normalises a missing due time to null', () => {
    const e = custodyEventSchema.parse({
      id: uid(1),
      asset_id: ASSET,
      actor_id: KEEPER,
      device_time: '2025-03-03T09:00:00+08:00',
      type: 'check_out',
      payload: { to_person: ALICE, purpose: '工衣发放', condition: 'good' },
    })
    expect(e.type === 'check_out' && e.payload.due_at).toBeNull()
  })

  it('refuses a due time before the hand-over, with an i18n key', () => {
    const r = custodyEventSchema.safeParse({
      id: uid(1),
      asset_id: ASSET,
      actor_id: KEEPER,
      device_time: '2025-03-03T09:00:00+08:00',
      type: 'check_out',
      payload: { to_person: ALICE, due_at: '2025-03-03T08:00:00+08:00', purpose: 'x', condition: 'good' },
    })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]).toMatchObject({ message: 'assets.errors.dueBeforeStart', path: ['payload', 'due_at'] })
  })

  it('refuses unknown types, bad payloads and incoherent resolutions', () => {
    const base = { id: uid(1), asset_id: ASSET, actor_id: KEEPER, device_time: '2025-03-03T09:00:00Z' }
    expect(custodyEventSchema.safeParse({ ...base, type: 'borrow', payload: {} }).success).toBe(false)
    expect(custodyEventSchema.safeParse({ ...base, type: 'check_in', payload: { condition: 'broken' } }).success).toBe(false)
    expect(custodyEventSchema.safeParse({ ...base, type: 'audit_seen', payload: { location: '' } }).success).toBe(false)
    expect(custodyEventSchema.safeParse({ ...base, type: 'label_replaced', payload: { new_token: 'nope' } }).success).toBe(false)
    const resolve = (status: string, holder_id: string | null) =>
      custodyEventSchema.safeParse({ ...base, type: 'resolve_conflict', payload: { conflict_ids: [uid(2)], status, holder_id, due_at: null } })
    expect(resolve('checked_out', ALICE).success).toBe(true)
    expect(resolve('checked_out', null).success).toBe(false)
    expect(resolve('in_stock', ALICE).success).toBe(false)
    expect(
      custodyEventSchema.safeParse({ ...base, type: 'resolve_conflict', payload: { conflict_ids: [], status: 'in_stock', holder_id: null, due_at: null } })
        .success,
    ).toBe(false)
  })
})

// --- transitions -------------------------------------------------------------------

describe('foldEvents: every normal transition', () => {
  it('starts in stock with no holder', () => {
    expect(foldEvents([])).toEqual(INITIAL_CUSTODY_STATE)
    expect(pos(foldEvents([]))).toEqual({ status: 'in_stock', holder_id: null, due_at: null })
  })

  const cases: [string, CustodyEvent[], CustodyEvent, Partial<CustodyState>][] = [
    ['in_stock → check_out', S.inStock, out(5, BOB), { status: 'checked_out', holder_id: BOB, due_at: '2025-03-03T18:00:00+08:00', purpose: '签合同' }],
    ['checked_out → check_in', S.out, back(5), { status: 'in_stock', holder_id: null, due_at: null, purpose: null, condition: 'good' }],
    ['checked_out → check_in broken', S.out, back(5, 'damaged'), { status: 'damaged', holder_id: null, condition: 'damaged' }],
    [
      'checked_out → transfer (new due)',
      S.out,
      ev(5, { type: 'transfer', payload: { to_person: BOB, due_at: '2025-03-04T18:00:00+08:00' } }),
      { status: 'checked_out', holder_id: BOB, due_at: '2025-03-04T18:00:00+08:00' },
    ],
    [
      'checked_out → transfer (due kept)',
      S.out,
      ev(5, { type: 'transfer', payload: { to_person: BOB } }),
      { status: 'checked_out', holder_id: BOB, due_at: '2025-03-03T18:00:00+08:00' },
    ],
    ['checked_out → report_damaged (holder keeps it)', S.out, simple(5, 'report_damaged'), { status: 'damaged', holder_id: ALICE, condition: 'damaged' }],
    ['checked_out → report_lost (holder stays responsible)', S.out, simple(5, 'report_lost'), { status: 'lost', holder_id: ALICE, due_at: null }],
    ['in_stock → report_damaged', S.inStock, simple(5, 'report_damaged'), { status: 'damaged', holder_id: null }],
    ['in_stock → report_lost', S.inStock, simple(5, 'report_lost'), { status: 'lost' }],
    ['in_stock → send_to_repair', S.inStock, simple(5, 'send_to_repair'), { status: 'in_repair' }],
    ['damaged → send_to_repair', S.damaged, simple(5, 'send_to_repair'), { status: 'in_repair' }],
    ['damaged → report_lost', S.damaged, simple(5, 'report_lost'), { status: 'lost' }],
    ['damaged (held) → check_in', S.damagedHeld, back(5, 'damaged'), { status: 'damaged', holder_id: null }],
    ['damaged (held) → report_lost', S.damagedHeld, simple(5, 'report_lost'), { status: 'lost', holder_id: ALICE }],
    ['in_repair → back_from_repair', S.inRepair, ev(5, { type: 'back_from_repair', payload: { condition: 'good' } }), { status: 'in_stock', condition: 'good' }],
    ['in_repair → back_from_repair unrepaired', S.inRepair, ev(5, { type: 'back_from_repair', payload: { condition: 'damaged' } }), { status: 'damaged' }],
    ['in_repair → report_lost', S.inRepair, simple(5, 'report_lost'), { status: 'lost' }],
    ['lost (held) → check_in (found by holder)', S.lostHeld, back(5), { status: 'in_stock', holder_id: null }],
    ['lost → check_in (turned up)', S.lost, back(5), { status: 'in_stock' }],
    ['lost → audit_seen (found)', S.lostHeld, ev(5, { type: 'audit_seen', payload: { location: '1 号柜' } }), { status: 'in_stock', holder_id: null }],
    ['in_stock → audit_seen', S.inStock, ev(5, { type: 'audit_seen', payload: { location: '1 号柜' } }), { status: 'in_stock' }],
    ['checked_out → audit_seen', S.out, ev(5, { type: 'audit_seen', payload: { location: '财务部' } }), { status: 'checked_out', holder_id: ALICE }],
    ['retired → audit_seen', S.retired, ev(5, { type: 'audit_seen', payload: { location: '仓库' } }), { status: 'retired' }],
    ['in_stock → retire', S.inStock, simple(5, 'retire'), { status: 'retired' }],
    ['damaged → retire', S.damaged, simple(5, 'retire'), { status: 'retired' }],
    ['in_repair → retire', S.inRepair, simple(5, 'retire'), { status: 'retired' }],
    ['lost (held) → retire (written off)', S.lostHeld, simple(5, 'retire'), { status: 'retired', holder_id: null }],
  ]

  it.each(cases)('%s', (_name, before, event, expected) => {
    const prior = foldEvents(before)
    expect(allowedEvents(prior, head, 'seal')).toContain(event.type)
    const state = foldEvents([...before, event])
    expect(state).toMatchObject(expected)
    expect(state.conflicts).toEqual([])
    expect(state.has_open_conflict).toBe(false)
    expect(state.last_event_time).toBe(event.device_time)
  })

  it('records where an audit saw the asset', () => {
    const seen = ev(5, { type: 'audit_seen', payload: { location: '行政部 1 号保险柜' } })
    expect(foldEvents([seen]).last_seen).toEqual({ event_id: seen.id, device_time: seen.device_time, location: '行政部 1 号保险柜', in_place: null })
  })

  it('records a periodic seal check: condition found and whether it was in its cabinet', () => {
    const check = ev(5, { type: 'audit_seen', payload: { location: '行政部 1 号保险柜', condition: 'worn', in_place: false } })
    const s = foldEvents([out(0), back(2), check])
    expect(s).toMatchObject({ status: 'in_stock', condition: 'worn', last_seen: { event_id: check.id, in_place: false } })
    expect(s.conflicts).toEqual([])
  })

  it('replaces labels: the new token is current, old ones answer "label replaced"', () => {
    const t1 = newLabelToken()
    const t2 = newLabelToken()
    const t3 = newLabelToken()
    const s = foldEvents([
      ev(1, { type: 'label_replaced', payload: { new_token: t2, old_token: t1 } }),
      ev(2, { type: 'label_replaced', payload: { new_token: t3 } }),
    ])
    expect(s.label_token).toBe(t3)
    expect(s.replaced_tokens).toEqual([t1, t2])
    expect(s.conflicts).toEqual([])
  })

  it('does not mutate its input or the initial state', () => {
    const events = [back(9), out(1)]
    const copy = structuredClone(events)
    foldEvents(events)
    expect(events).toEqual(copy)
    expect(Object.isFrozen(INITIAL_CUSTODY_STATE)).toBe(true)
  })
})

describe('allowedEvents by state (for a keeper)', () => {
  const k = keeperOf.seal
  const allowed = (events: CustodyEvent[]) => allowedEvents(foldEvents(events), k, 'seal').sort()

  it('offers exactly the normal next steps', () => {
    expect(allowed(S.inStock)).toEqual(
      ['audit_seen', 'check_out', 'label_replaced', 'report_damaged', 'report_lost', 'retire', 'send_to_repair'].sort(),
    )
    expect(allowed(S.out)).toEqual(['audit_seen', 'check_in', 'label_replaced', 'report_damaged', 'report_lost', 'transfer'].sort())
    expect(allowed(S.damagedHeld)).toEqual(['audit_seen', 'check_in', 'label_replaced', 'report_lost'].sort())
    expect(allowed(S.damaged)).toEqual(['audit_seen', 'label_replaced', 'report_lost', 'retire', 'send_to_repair'].sort())
    expect(allowed(S.inRepair)).toEqual(['audit_seen', 'back_from_repair', 'label_replaced', 'report_lost', 'retire'].sort())
    expect(allowed(S.lost)).toEqual(['audit_seen', 'check_in', 'label_replaced', 'retire'].sort())
    expect(allowed(S.retired)).toEqual(['audit_seen'])
  })
})

// --- roles -------------------------------------------------------------------------

describe('who may do what', () => {
  const all = (s: CustodyEvent[], a: CustodyActor, kind: AssetKind) => allowedEvents(foldEvents(s), a, kind)

  it('keepers act on their own kinds only', () => {
    expect(all(S.inStock, keeperOf.seal, 'seal')).toContain('check_out')
    expect(all(S.inStock, keeperOf.seal, 'vehicle')).toEqual([])
    expect(all(S.inStock, keeperOf.vehicle, 'seal')).toEqual([])
    for (const kind of ['licence', 'equipment', 'uniform'] as const) expect(all(S.inStock, keeperOf[kind], kind)).toContain('check_out')
    expect(all(S.inStock, keeperOf.licence, 'vehicle')).toEqual([])
    expect(all(S.inStock, keeperOf.vehicle, 'vehicle')).toContain('retire')
  })

  it('the head of administration may do everything on every kind', () => {
    for (const kind of ['seal', 'licence', 'equipment', 'vehicle', 'uniform'] as const) {
      expect(all(S.out, head, kind)).toEqual(all(S.out, keeperOf[kind], kind))
    }
  })

  it('a driver may check vehicles out (to themselves) and in, nothing else', () => {
    expect(all(S.inStock, driver, 'vehicle')).toEqual(['check_out'])
    expect(all(S.out, driver, 'vehicle')).toEqual(['check_in'])
    expect(all(S.inStock, driver, 'seal')).toEqual([])
    expect(mayRecord(out(1, DRIVER), 'vehicle', driver, foldEvents([]))).toBe(true)
    expect(mayRecord(out(1, ALICE), 'vehicle', driver, foldEvents([]))).toBe(false)
    expect(mayRecord(out(1, ALICE), 'vehicle', keeperOf.vehicle, foldEvents([]))).toBe(true)
    expect(mayRecord(simple(1, 'retire'), 'vehicle', driver, foldEvents([]))).toBe(false)
  })

  it('the holder may check in and report, not transfer or retire', () => {
    const held = foldEvents(S.out) // held by Alice
    expect(allowedEvents(held, alice, 'equipment').sort()).toEqual(['check_in', 'report_damaged', 'report_lost'])
    expect(roleMayRecord('transfer', 'seal', alice, held)).toBe(false)
    expect(roleMayRecord('retire', 'seal', alice, held)).toBe(false)
    expect(allowedEvents(foldEvents(S.damagedHeld), alice, 'equipment').sort()).toEqual(['check_in', 'report_lost'])
  })

  it('anyone else gets nothing, the executive included', () => {
    const held = foldEvents(S.out)
    expect(allowedEvents(held, bob, 'seal')).toEqual([])
    expect(allowedEvents(held, { person_id: BOB, roles: ['executive'] }, 'seal')).toEqual([])
    expect(allowedEvents(held, { person_id: BOB, roles: ['cleaner', 'inspector', 'dorm_manager'] }, 'uniform')).toEqual([])
    for (const t of CUSTODY_EVENT_TYPES) expect(roleMayRecord(t, 'seal', bob, held)).toBe(false)
  })

  it('roles add up for a person with several', () => {
    const both: CustodyActor = { person_id: DRIVER, roles: ['driver', 'asset_keeper'] }
    expect(all(S.inStock, both, 'vehicle')).toEqual(['check_out'])
    expect(all(S.inStock, both, 'uniform')).toContain('retire')
    // As a keeper of uniforms they may issue to others; as a driver, vehicles only to themselves.
    expect(mayRecord(out(1, ALICE), 'uniform', both, foldEvents([]))).toBe(true)
    expect(mayRecord(out(1, ALICE), 'vehicle', both, foldEvents([]))).toBe(false)
  })
})

// --- conflicts ---------------------------------------------------------------------

describe('conflicts: facts are kept, never refused', () => {
  it('two offline devices check out the same seal: both stay, one conflict names both', () => {
    const a = out(0, ALICE) // keeper's phone, 09:00
    const b = out(3, BOB) // head's phone, 09:03, offline, did not know
    const s = foldEvents([b, a])
    // The later fact wins the position, but the asset is flagged.
    expect(pos(s)).toMatchObject({ status: 'checked_out', holder_id: BOB })
    expect(s.has_open_conflict).toBe(true)
    expect(openConflicts(s)).toEqual([
      {
        id: b.id,
        event_ids: [a.id, b.id],
        event_type: 'check_out',
        from_status: 'checked_out',
        from_holder_id: ALICE,
        device_time: b.device_time,
        resolved_by: null,
      },
    ])
    // The keeper is offered the resolution; the holder is not.
    expect(allowedEvents(s, keeperOf.seal, 'seal')).toContain('resolve_conflict')
    expect(allowedEvents(s, bob, 'seal')).not.toContain('resolve_conflict')

    // The keeper finds Alice has it and says so.
    const r = ev(30, {
      type: 'resolve_conflict',
      payload: { conflict_ids: [b.id], status: 'checked_out', holder_id: ALICE, due_at: '2025-03-03T18:00:00+08:00', note: '核实：在 Alice 处' },
    })
    const resolved = foldEvents([a, b, r])
    expect(pos(resolved)).toEqual({ status: 'checked_out', holder_id: ALICE, due_at: '2025-03-03T18:00:00+08:00' })
    expect(resolved.has_open_conflict).toBe(false)
    expect(resolved.conflicts).toHaveLength(1)
    expect(resolved.conflicts[0]?.resolved_by).toBe(r.id)
    expect(allowedEvents(resolved, keeperOf.seal, 'seal')).not.toContain('resolve_conflict')
    // Life goes on normally afterwards.
    expect(foldEvents([a, b, r, back(40)])).toMatchObject({ status: 'in_stock', has_open_conflict: false })
  })

  it('the conflict stays open through later events until a keeper resolves it', () => {
    const a = out(0, ALICE)
    const b = out(3, BOB)
    const s = foldEvents([a, b, back(60)])
    expect(s.status).toBe('in_stock')
    expect(s.has_open_conflict).toBe(true)
  })

  it('a resolution from a clock that ran behind still closes its conflict', () => {
    const a = out(0, ALICE)
    const b = out(10, BOB)
    // The keeper's phone is 20 minutes slow: its resolution sorts before both check-outs.
    const r = ev(-20, { type: 'resolve_conflict', payload: { conflict_ids: [b.id], status: 'in_stock', holder_id: null, due_at: null } })
    const s = foldEvents([a, b, r])
    expect(s.conflicts.map((c) => c.id)).toEqual([b.id])
    expect(s.has_open_conflict).toBe(false)
    expect(s.conflicts[0]?.resolved_by).toBe(r.id)
  })

  it('a resolution closes only the conflicts it names', () => {
    const a = out(0, ALICE)
    const b = out(1, BOB)
    const c = simple(2, 'send_to_repair') // invalid while checked out
    const r = ev(3, { type: 'resolve_conflict', payload: { conflict_ids: [b.id], status: 'in_repair', holder_id: null, due_at: null } })
    const s = foldEvents([a, b, c, r])
    expect(s.conflicts.map((x) => [x.id, x.resolved_by])).toEqual([
      [b.id, r.id],
      [c.id, null],
    ])
    expect(openConflicts(s).map((x) => x.event_ids)).toEqual([[b.id, c.id]])
  })

  it('acting on a retired asset is kept and flagged', () => {
    const retire = simple(0, 'retire')
    const s = foldEvents([retire, out(5, ALICE)])
    expect(pos(s)).toMatchObject({ status: 'checked_out', holder_id: ALICE })
    expect(openConflicts(s)[0]).toMatchObject({ event_type: 'check_out', from_status: 'retired', event_ids: [retire.id, expect.any(String)] })
  })

  it('a conflict with the initial state names only the late event', () => {
    const t = ev(0, { type: 'transfer', payload: { to_person: BOB } })
    expect(openConflicts(foldEvents([t]))).toMatchObject([{ id: t.id, event_ids: [t.id], from_status: 'in_stock' }])
  })

  it('a redundant fact (both devices checked it in) is kept but flags nothing', () => {
    const s = foldEvents([out(0), back(10), back(11)])
    expect(pos(s)).toEqual({ status: 'in_stock', holder_id: null, due_at: null })
    expect(s.conflicts).toEqual([])
    // The same check-out recorded twice to the same person contests nothing either.
    expect(foldEvents([out(0, ALICE), out(1, ALICE)]).conflicts).toEqual([])
    expect(foldEvents([simple(0, 'report_lost'), simple(1, 'report_lost')]).conflicts).toEqual([])
  })
})

// --- ordering ----------------------------------------------------------------------

describe('ordering by device time', () => {
  it('gives the same state whatever order the events arrive in', () => {
    const events = [out(0, ALICE), ev(20, { type: 'transfer', payload: { to_person: BOB } }), back(40), simple(50, 'send_to_repair')]
    const expected = foldEvents(events)
    expect(expected.status).toBe('in_repair')
    const perms = [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]]
    for (const p of perms) expect(foldEvents(p.map((i) => events[i] as CustodyEvent))).toEqual(expected)
  })

  it('a check-in synced before its check-out (later push from a phone that was offline) folds correctly', () => {
    const o = out(0, ALICE)
    const i = back(30)
    const s = foldEvents([{ ...i, server_time: '2025-03-03T01:00:00Z' }, { ...o, server_time: '2025-03-03T05:00:00Z' }])
    expect(s).toMatchObject({ status: 'in_stock', holder_id: null, has_open_conflict: false })
  })

  it('compares instants, not strings, across time-zone offsets', () => {
    // 10:00+08:00 is 02:00Z: before 03:00Z although it sorts after it as text.
    const o = { ...out(0, ALICE), device_time: '2025-03-03T10:00:00+08:00' }
    const i = { ...back(0), device_time: '2025-03-03T03:00:00Z' }
    expect(orderEvents([i, o]).map((e) => e.id)).toEqual([o.id, i.id])
    expect(foldEvents([i, o]).status).toBe('in_stock')
  })

  it('breaks device-time ties by server time, then id', () => {
    const t = '2025-03-03T09:00:00+08:00'
    const x = { ...out(0, ALICE), id: uid(900), device_time: t, server_time: '2025-03-03T02:00:00Z' }
    const y = { ...out(0, BOB), id: uid(901), device_time: t, server_time: '2025-03-03T01:00:00Z' }
    expect(orderEvents([x, y]).map((e) => e.id)).toEqual([y.id, x.id])
    const x2 = { ...x, server_time: null }
    const y2 = { ...y, server_time: null }
    expect(orderEvents([y2, x2]).map((e) => e.id)).toEqual([x.id, y.id])
    expect(foldEvents([x2, y2]).holder_id).toBe(BOB)
  })
})

describe('event types', () => {
  it('cover the issue list plus the keeper resolution', () => {
    const expected: CustodyEventType[] = [
      'check_out',
      'check_in',
      'transfer',
      'audit_seen',
      'report_damaged',
      'report_lost',
      'send_to_repair',
      'back_from_repair',
      'retire',
      'label_replaced',
      'resolve_conflict',
      'return_claimed',
    ]
    expect([...CUSTODY_EVENT_TYPES]).toEqual(expected)
  })
})

describe('returns of seals and licences wait for the keeper (issue 9)', () => {
  const claim = (min: number) => ev(min, { type: 'return_claimed', payload: { condition: 'good' } })
  const at = (min: number) => new Date(Date.parse('2025-03-03T09:00:00+08:00') + min * 60_000).toISOString()

  it("the holder's word keeps the holder and starts 'awaiting the keeper'; the keeper's check-in ends it", () => {
    const awaiting = foldEvents([...S.out, claim(5), claim(6)])
    expect(awaiting).toMatchObject({ status: 'checked_out', holder_id: ALICE, return_claimed_at: at(5), has_open_conflict: false })
    expect(foldEvents([...S.out, claim(5), back(8)]).return_claimed_at).toBeNull()
    // Nothing held, nothing awaited.
    expect(foldEvents([claim(5)]).return_claimed_at).toBeNull()
  })

  it('the holder of a seal or licence says returned instead of checking in; the keeper confirms', () => {
    const held = foldEvents(S.out)
    for (const kind of ['seal', 'licence'] as const) expect(allowedEvents(held, alice, kind).sort()).toEqual(['report_damaged', 'report_lost', 'return_claimed'])
    const claimed = foldEvents([...S.out, claim(5)])
    expect(allowedEvents(claimed, alice, 'seal').sort()).toEqual(['report_damaged', 'report_lost'])
    expect(allowedEvents(claimed, keeperOf.seal, 'seal')).toContain('check_in')
    expect(allowedEvents(claimed, keeperOf.seal, 'seal')).not.toContain('return_claimed')
  })

  it('a seal is retired only with its application, on the device as on the server', () => {
    const retire = (request_id?: string) => ev(1, { type: 'retire', payload: request_id ? { request_id } : {} })
    expect(mayRecord(retire(), 'seal', keeperOf.seal, { holder_id: null })).toBe(false)
    expect(mayRecord(retire(), 'seal', head, { holder_id: null })).toBe(false)
    expect(mayRecord(retire(uid(99)), 'seal', keeperOf.seal, { holder_id: null })).toBe(true)
    expect(mayRecord(retire(), 'equipment', keeperOf.equipment, { holder_id: null })).toBe(true)
  })
})
