// seal_usage.record: the seal-use register (用印登记). A take-out is also a custody
// check-out in the same transaction, so the seal shows as out and, later, overdue.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { overdueItems, sealUsageCheckOut, sealUsageSchema, type SealUsageInput } from '@/features/assets/domain'
import { createAsset, derived, record } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, pullAll, push } from './support/sync'

let db: TestDb
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const U = DEMO.users
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString()

function usage(sealId: string, overrides: Partial<SealUsageInput> = {}): SealUsageInput {
  return {
    id: randomUUID(),
    seal_id: sealId,
    used_at: hoursAgo(1),
    recorded_by: U.sealKeeper,
    document_title: '2026 年度物业服务合同',
    document_type: 'contract',
    document_type_note: null,
    copies: 2,
    purpose: '与物业公司续签',
    requester_id: null,
    requester_name: '郑浩',
    requester_department: '仓储物流部',
    approver_name: '王晓燕',
    mode: 'stamp_here',
    due_at: null,
    photo_ids: [],
    ...overrides,
  }
}

/** The op a device makes: the record, plus for a take-out the check-out the domain derives. */
function usageOp(input: SealUsageInput, extra: Record<string, unknown> = {}) {
  const rec = sealUsageSchema.parse(input)
  const checkOut = sealUsageCheckOut(rec, randomUUID())
  const { id, ...payload } = rec
  return makeOp('seal_usage.record', id, { ...payload, ...(checkOut ? { check_out_event: checkOut } : {}), ...extra })
}

async function counts() {
  const [r] = await db.query<Record<string, number>>(
    `select (select count(*)::int from public.seal_usages) as usages, (select count(*)::int from public.custody_events) as events,
            (select count(*)::int from public.audit_log) as audit, (select max(updated_at)::text from public.assets) as touched`,
  )
  return r
}

describe('seal_usage.record', () => {
  it('stamp here: one register line, the seal stays in its cabinet', async () => {
    const seal = await createAsset(db, 'seal')
    const input = usage(seal, { photo_ids: [randomUUID()], document_type: 'other', document_type_note: '授权书' })
    const [r] = await push(db, U.sealKeeper, [usageOp(input)])
    expect(r?.status).toBe('applied')
    const [row] = await db.query<Record<string, unknown>>('select * from public.seal_usages where id = $1', [input.id])
    expect(row).toMatchObject({ seal_id: seal, recorded_by: U.sealKeeper, copies: 2, mode: 'stamp_here', due_at: null, check_out_event_id: null, document_type_note: '授权书' })
    expect((await derived(db, seal)).status).toBe('in_stock')
    // The stored line is what the domain's schema reads.
    const parsed = sealUsageSchema.safeParse({ ...row, used_at: new Date(row?.used_at as string).toISOString() })
    expect(parsed.success).toBe(true)
  })

  it('take out: the seal is checked out to the requester until due, and overdue after', async () => {
    const seal = await createAsset(db, 'seal')
    const input = usage(seal, { mode: 'take_out', requester_id: U.employee, used_at: hoursAgo(5), due_at: hoursAgo(2) })
    const op = usageOp(input)
    const [r] = await push(db, U.sealKeeper, [op])
    expect(r?.status).toBe('applied')
    const event = (op.payload as { check_out_event: { id: string } }).check_out_event
    const [row] = await db.query('select check_out_event_id from public.seal_usages where id = $1', [input.id])
    expect(row).toEqual({ check_out_event_id: event.id })
    const [ev] = await db.query('select asset_id, type, actor_id, payload ->> $2 as to_person from public.custody_events where id = $1', [event.id, 'to_person'])
    expect(ev).toEqual({ asset_id: seal, type: 'check_out', actor_id: U.sealKeeper, to_person: U.employee })
    const state = await derived(db, seal)
    expect(state).toMatchObject({ status: 'checked_out', holder_id: U.employee, has_conflict: false })
    expect(Date.parse(state.due_at as string)).toBe(Date.parse(input.due_at as string))
    const overdue = overdueItems([state], new Date(), 'Asia/Shanghai')
    expect(overdue).toHaveLength(1)
    expect(overdue[0]?.late.total_hours).toBe(2)
    // The requester now sees the seal it holds, but not the register.
    const seen = await db.asUser(U.employee, (q) => q('select id from public.assets where id = $1', [seal]))
    expect(seen).toHaveLength(1)
  })

  it('a take-out of a seal that is already out is kept and flagged', async () => {
    const seal = await createAsset(db, 'seal')
    await record(db, U.sealKeeper, seal, 'check_out', { to_person: U.executive, due_at: null, purpose: '外出', condition: 'good' }, hoursAgo(3))
    const [r] = await push(db, U.sealKeeper, [usageOp(usage(seal, { mode: 'take_out', requester_id: U.employee, used_at: hoursAgo(1), due_at: hoursAgo(-1) }))])
    expect(r?.status).toBe('flagged')
    expect(await derived(db, seal)).toMatchObject({ holder_id: U.employee, has_conflict: true })
  })

  it('the same op twice is one line and one check-out', async () => {
    const seal = await createAsset(db, 'seal')
    const op = usageOp(usage(seal, { mode: 'take_out', requester_id: U.employee, due_at: hoursAgo(-2) }))
    expect((await push(db, U.sealKeeper, [op, op])).map((r) => r.status)).toEqual(['applied', 'duplicate'])
    expect((await push(db, U.sealKeeper, [op]))[0]?.status).toBe('duplicate')
    const [n] = await db.query<{ u: number; e: number }>(
      'select (select count(*)::int from public.seal_usages where seal_id = $1) as u, (select count(*)::int from public.custody_events where asset_id = $1) as e',
      [seal],
    )
    expect(n).toEqual({ u: 1, e: 1 })
  })

  it('only seal keepers and the head of administration record uses', async () => {
    const seal = DEMO.raw.assets.find((a) => a.number === 'SEAL-0002')?.id as string
    for (const [user, want] of [
      [U.adminHead, 'applied'],
      [U.sealKeeper, 'applied'],
      [U.assetKeeper, 'forbidden'],
      [U.executive, 'forbidden'],
      [U.employee, 'forbidden'],
      [U.cleaner, 'forbidden'],
    ] as const) {
      const [r] = await push(db, user, [usageOp(usage(seal), { recorded_by: user })])
      expect(r?.status === 'refused' ? r.reason : r?.status, user).toBe(want)
    }
  })

  it('refuses malformed lines naming the field, and changes nothing', async () => {
    const seal = await createAsset(db, 'seal')
    const uniform = await createAsset(db, 'uniform')
    const takeOut = usage(seal, { mode: 'take_out', requester_id: U.employee, due_at: hoursAgo(-2) })
    const good = usageOp(takeOut).payload as Record<string, unknown>
    const event = good.check_out_event as Record<string, unknown>
    const base = usageOp(usage(seal)).payload as Record<string, unknown>
    const bad: [Record<string, unknown>, string, string][] = [
      [{ ...good, due_at: null, check_out_event: { ...event, payload: { ...(event.payload as object), due_at: null } } }, 'invalid', 'due_at: required for a take-out'],
      [{ ...good, due_at: hoursAgo(2) }, 'invalid', 'due_at: not after used_at'],
      [{ ...good, requester_id: null }, 'invalid', 'requester_id: required'],
      [{ ...good, check_out_event: undefined }, 'invalid', 'check_out_event: required'],
      [{ ...good, check_out_event: { ...event, payload: { ...(event.payload as object), to_person: U.cleaner } } }, 'invalid', 'to_person: must be requester_id'],
      [{ ...good, check_out_event: { ...event, type: 'transfer' } }, 'invalid', 'check_out_event.type'],
      [{ ...good, check_out_event: { ...event, payload: { ...(event.payload as object), condition: 'new' } } }, 'invalid', 'check_out_event.payload.condition'],
      [{ ...base, due_at: hoursAgo(-2) }, 'invalid', 'due_at: only for a take-out'],
      [{ ...base, check_out_event: event }, 'invalid', 'check_out_event: only for a take-out'],
      [{ ...base, seal_id: uniform }, 'invalid', 'seal_id: not a seal'],
      [{ ...base, seal_id: randomUUID() }, 'not_found', 'seal_id: no such asset'],
      [{ ...base, copies: 0 }, 'invalid', 'copies'],
      [{ ...base, document_type: 'memo' }, 'invalid', 'document_type: one of'],
      [{ ...base, approver_name: '' }, 'invalid', 'approver_name'],
      [{ ...base, used_at: '2026-13-01T00:00:00Z' }, 'invalid', 'used_at'],
      [{ ...base, stamp: true }, 'invalid', 'stamp: unexpected field'],
      [{ ...base, recorded_by: U.adminHead }, 'forbidden', 'recorded_by'],
    ]
    const before = await counts()
    for (const [payload, reason, detail] of bad) {
      const [r] = await push(db, U.sealKeeper, [makeOp('seal_usage.record', randomUUID(), payload)])
      expect(r, JSON.stringify(payload)).toMatchObject({ status: 'refused', reason })
      expect(r?.detail, JSON.stringify(payload)).toContain(detail)
    }
    expect(await counts()).toEqual(before)
    expect((await derived(db, seal)).status).toBe('in_stock')
  })

  it('the register is append-only', async () => {
    const seal = await createAsset(db, 'seal')
    const input = usage(seal)
    await push(db, U.sealKeeper, [usageOp(input)])
    await expect(db.query(`update public.seal_usages set copies = 3 where id = $1`, [input.id])).rejects.toThrow(/append-only/)
    await expect(db.query('delete from public.seal_usages where id = $1', [input.id])).rejects.toThrow(/append-only/)
  })
})

describe('who reads the register', () => {
  it('seal keepers, the head and the executive; not a cleaner, the requester or other keepers', async () => {
    const seal = await createAsset(db, 'seal')
    await push(db, U.sealKeeper, [usageOp(usage(seal, { mode: 'take_out', requester_id: U.employee, due_at: hoursAgo(-2) }))])
    const [total] = await db.query<{ n: number }>('select count(*)::int as n from public.seal_usages')
    const count = (user: string) =>
      db.asUser(user, async (q) => (await q<{ n: number }>('select count(*)::int as n from public.seal_usages'))[0]?.n)
    expect(total?.n).toBeGreaterThan(0)
    for (const user of [U.sealKeeper, U.adminHead, U.executive]) expect(await count(user)).toBe(total?.n)
    for (const user of [U.cleaner, U.employee, U.assetKeeper, U.fleetManager, U.driver, U.inspector]) expect(await count(user)).toBe(0)
    // Nor the seals themselves, for a cleaner.
    const seals = await db.asUser(U.cleaner, (q) => q(`select id from public.assets where kind = 'seal'`))
    expect(seals).toEqual([])
  })

  it('sync_pull sends the register to the keeper and not to a cleaner', async () => {
    const keeper = await pullAll(db, U.sealKeeper, null)
    const cleaner = await pullAll(db, U.cleaner, null)
    const [n] = await db.query<{ n: number }>('select count(*)::int as n from public.seal_usages')
    expect(keeper.changes.filter((c) => c.table === 'seal_usages')).toHaveLength(n?.n as number)
    expect(cleaner.changes.filter((c) => c.table === 'seal_usages' || c.table === 'custody_events')).toEqual([])
  })
})
