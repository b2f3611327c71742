// A former holder cannot act on an asset someone else holds now (issue 8, point 3): the
// holder's steps are judged by who held it when the event happened (holderAt), the rule
// the server applies too (private.custody_holder_at; tests/db/custody-former-holder.test.ts).
import { describe, expect, it } from 'vitest'
import { custodyEventSchema, holderAt, mayRecord, type CustodyActor, type CustodyEvent, type CustodyEventInput } from '@/features/assets/domain'

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const [ASSET, KEEPER, ALICE, BOB] = [uid(1), uid(10), uid(11), uid(12)]
let seq = 100
const ev = (min: number, body: Pick<CustodyEventInput, 'type' | 'payload'>): CustodyEvent =>
  custodyEventSchema.parse({
    id: uid(seq++),
    asset_id: ASSET,
    actor_id: KEEPER,
    device_time: new Date(Date.parse('2025-03-03T09:00:00+08:00') + min * 60_000).toISOString(),
    ...body,
  })
const out = (min: number, to: string) => ev(min, { type: 'check_out', payload: { to_person: to, due_at: null, purpose: '签合同', condition: 'good' } })
const back = (min: number) => ev(min, { type: 'check_in', payload: { condition: 'good' } })
const lost = (min: number) => ev(min, { type: 'report_lost', payload: {} })
const seen = (min: number) => ev(min, { type: 'audit_seen', payload: { location: '柜' } })

const alice: CustodyActor = { person_id: ALICE, roles: ['employee'] }
const keeper: CustodyActor = { person_id: KEEPER, roles: ['asset_keeper'] }
/** May `actor` record `e`, judged by the other events (as the server does)? */
// Equipment: a seal's or licence's holder says "returned" instead of checking in (custody.test.ts).
const may = (history: CustodyEvent[], e: CustodyEvent, actor: CustodyActor) => mayRecord(e, 'equipment', actor, holderAt(history, e))

describe('holderAt', () => {
  const history = [out(0, ALICE), back(10), out(20, BOB)]

  it('is who held it when the event happened, and who it was last handed to', () => {
    expect(holderAt(history, back(5))).toEqual({ holder_id: ALICE, last_holder_id: ALICE })
    expect(holderAt(history, back(15))).toEqual({ holder_id: null, last_holder_id: ALICE })
    expect(holderAt(history, back(25))).toEqual({ holder_id: BOB, last_holder_id: BOB })
    expect(holderAt([], back(25))).toEqual({ holder_id: null, last_holder_id: null })
  })

  it('a former holder cannot check in or report lost what someone else holds now', () => {
    expect(may(history, back(25), alice)).toBe(false)
    expect(may(history, lost(25), alice)).toBe(false)
    expect(may(history, ev(25, { type: 'report_damaged', payload: {} }), alice)).toBe(false)
    // The keeper may, whoever holds it.
    expect(may(history, lost(25), keeper)).toBe(true)
  })

  it('the holder\'s own hand-back recorded offline before the next check-out counts', () => {
    expect(may(history, back(5), alice)).toBe(true)
    expect(may(history, lost(5), alice)).toBe(true)
  })

  it('once it is back, the last holder may record the hand-back again, but not report it', () => {
    expect(may(history, back(15), alice)).toBe(true)
    expect(may(history, lost(15), alice)).toBe(false)
    expect(may(history, back(15), { person_id: BOB, roles: ['employee'] })).toBe(false)
  })

  it('a lost item stays on its holder until found; found, the holder cannot report it again', () => {
    const found = [out(0, ALICE), lost(10), seen(20)]
    expect(holderAt(found, lost(15))).toEqual({ holder_id: ALICE, last_holder_id: ALICE })
    expect(may(found, back(15), alice)).toBe(true)
    expect(holderAt(found, lost(25))).toEqual({ holder_id: null, last_holder_id: ALICE })
    expect(may(found, lost(25), alice)).toBe(false)
  })
})
