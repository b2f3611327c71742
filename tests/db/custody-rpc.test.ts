// asset.upsert and custody.record through sync_push: validation, roles, derived
// state, kept-and-flagged conflicts, idempotency, labels, append-only events, seed.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assetInputSchema, checkLabelToken, KEEPER_ROLE_BY_KIND, type AssetKind } from '@/features/assets/domain'
import { assetPayload, createAsset, DETAILS, derived, eventOp, HQ, record, SZ, token } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, push } from './support/sync'

let db: TestDb
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const U = DEMO.users
const out = (to: string, due: string | null = null) => ({ to_person: to, due_at: due, purpose: '外出办事', condition: 'good' })
const soon = () => new Date(Date.now() + 3_600_000).toISOString()

/** Every row count a refused op could have touched. */
async function snapshot() {
  const [r] = await db.query<Record<string, number>>(
    `select (select count(*)::int from public.assets) as assets,
            (select count(*)::int from public.asset_labels) as labels,
            (select count(*)::int from public.custody_events) as events,
            (select count(*)::int from public.audit_log) as audit,
            (select count(*)::int from public.sync_ops) as ops,
            (select max(updated_at)::text from public.assets) as touched`,
  )
  return r
}

describe('asset.upsert', () => {
  it('creates each kind: keeper role from the kind, details normalised, first label active', async () => {
    for (const kind of Object.keys(DETAILS) as AssetKind[]) {
      const t = token()
      const id = await createAsset(db, kind, { label_token: t, notes: '  ' })
      const [row] = await db.query<Record<string, unknown>>('select * from public.assets where id = $1', [id])
      expect(row).toMatchObject({ kind, keeper_role: KEEPER_ROLE_BY_KIND[kind], status: 'in_stock', holder_id: null, label_token: t, has_conflict: false, notes: null })
      // What the server stored is what the domain's schema accepts.
      expect(assetInputSchema.safeParse({ ...(row as object), notes: null }).success, kind).toBe(true)
      const labels = await db.query('select id, token, status, replaced_at from public.asset_labels where asset_id = $1', [id])
      expect(labels).toEqual([{ id, token: t, status: 'active', replaced_at: null }])
    }
  })

  it('accepts the payload the client sends (id included, as assetRepository does)', async () => {
    const id = randomUUID()
    const [r] = await push(db, U.assetKeeper, [makeOp('asset.upsert', id, { id, ...assetPayload('uniform'), keeper_id: null, notes: null, label_token: token() })])
    expect(r?.status).toBe('applied')
  })

  it('normalises number and plate like the domain (沪A·D12346 → 沪AD12346, veh-… → VEH-…)', async () => {
    const id = randomUUID()
    const [r] = await push(db, U.fleetManager, [
      makeOp('asset.upsert', id, assetPayload('vehicle', { number: ' veh-777001 ', details: { ...DETAILS.vehicle, plate: '沪ａ·d12346' } })),
    ])
    expect(r?.status).toBe('applied')
    const [row] = await db.query<{ number: string; plate: string }>(`select number, details ->> 'plate' as plate from public.assets where id = $1`, [id])
    expect(row).toEqual({ number: 'VEH-777001', plate: '沪AD12346' })
  })

  it('keepers create their kinds only; others are forbidden', async () => {
    const cases: [string, AssetKind, string][] = [
      [U.sealKeeper, 'seal', 'applied'],
      [U.assetKeeper, 'uniform', 'applied'],
      [U.assetKeeper, 'licence', 'applied'],
      [U.fleetManager, 'vehicle', 'applied'],
      [U.sealKeeper, 'vehicle', 'refused'],
      [U.fleetManager, 'seal', 'refused'],
      [U.assetKeeper, 'seal', 'refused'],
      [U.executive, 'equipment', 'refused'],
      [U.employee, 'uniform', 'refused'],
      [U.driver, 'vehicle', 'refused'],
    ]
    for (const [user, kind, status] of cases) {
      const [r] = await push(db, user, [makeOp('asset.upsert', randomUUID(), assetPayload(kind))])
      expect(r?.status, `${kind} by ${user}`).toBe(status)
      if (status === 'refused') expect(r?.reason).toBe('forbidden')
    }
  })

  it('a site-scoped keeper manages only that site\'s assets', async () => {
    const user = U.dormManager
    await db.query(`insert into public.user_roles (user_id, role, site_id) values ($1, 'asset_keeper', $2)`, [user, SZ])
    const [here] = await push(db, user, [makeOp('asset.upsert', randomUUID(), assetPayload('uniform', { site_id: SZ }))])
    const [there] = await push(db, user, [makeOp('asset.upsert', randomUUID(), assetPayload('uniform', { site_id: HQ }))])
    expect([here?.status, there?.status, there?.reason]).toEqual(['applied', 'refused', 'forbidden'])
  })

  it('refuses malformed input naming the field, and changes nothing', async () => {
    const t = token()
    const bad: [Record<string, unknown>, string, string][] = [
      [assetPayload('seal', { number: 'LIC-0001' }), 'invalid', 'number: prefix does not match kind'],
      [assetPayload('seal', { number: 'SEAL-12' }), 'invalid', 'number: bad format'],
      [assetPayload('seal', { name: '  ' }), 'invalid', 'name: required text'],
      [assetPayload('seal', { kind: 'book' }), 'invalid', 'kind: one of'],
      [assetPayload('seal', { site_id: randomUUID() }), 'not_found', 'site_id: no such site'],
      [assetPayload('seal', { keeper_id: randomUUID() }), 'not_found', 'keeper_id: no such person'],
      [assetPayload('seal', { colour: 'red' }), 'invalid', 'colour: unexpected field'],
      [assetPayload('seal', { id: randomUUID() }), 'invalid', 'id: must be the op'],
      [assetPayload('seal', { label_token: `${t.slice(0, 16)}${t[16] === '0' ? '1' : '0'}` }), 'invalid', 'label_token'],
      [assetPayload('seal', { details: { ...DETAILS.seal, seal_type: '公章' } }), 'invalid', 'details.seal_type: one of'],
      [assetPayload('seal', { details: { ...DETAILS.seal, retired_on: '2023-01-01' } }), 'invalid', 'details.retired_on: before enabled_on'],
      [assetPayload('seal', { details: { ...DETAILS.seal, enabled_on: '2025-02-30' } }), 'invalid', 'details.enabled_on: must be a date'],
      [assetPayload('seal', { details: { ...DETAILS.seal, extra: 1 } }), 'invalid', 'extra: unexpected field'],
      [assetPayload('vehicle', { details: { ...DETAILS.vehicle, plate: '沪I12345' } }), 'invalid', 'details.plate'],
      [assetPayload('vehicle', { details: { ...DETAILS.vehicle, plate: 'AB12345' } }), 'invalid', 'details.plate'],
      [assetPayload('vehicle', { details: { ...DETAILS.vehicle, tank_size_l: 50 } }), 'invalid', 'details.tank_size_l'],
      [assetPayload('vehicle', { details: { ...DETAILS.vehicle, fuel_type: 'diesel' } }), 'invalid', 'details.tank_size_l'],
      [assetPayload('vehicle', { details: { ...DETAILS.vehicle, odometer_km: 1.5 } }), 'invalid', 'details.odometer_km'],
      [assetPayload('licence', { details: { ...DETAILS.licence, valid_to: '2023-12-31' } }), 'invalid', 'details.valid_to'],
      [assetPayload('licence', { details: { ...DETAILS.licence, original_or_copy: 'scan' } }), 'invalid', 'details.original_or_copy'],
      [assetPayload('equipment', { details: { ...DETAILS.equipment, warranty_end: '2024-12-31' } }), 'invalid', 'details.warranty_end'],
      [assetPayload('uniform', { details: { ...DETAILS.uniform, quantity: 0 } }), 'invalid', 'details.quantity'],
      [assetPayload('uniform', { details: { uniform_type: '工衣', size: 'M' } }), 'invalid', 'details.quantity: required'],
    ]
    const before = await snapshot()
    for (const [payload, reason, detail] of bad) {
      const [r] = await push(db, U.adminHead, [makeOp('asset.upsert', randomUUID(), payload)])
      expect(r, JSON.stringify(payload)).toMatchObject({ status: 'refused', reason })
      expect(r?.detail, JSON.stringify(payload)).toContain(detail)
    }
    expect(await snapshot()).toEqual(before)
  })

  it('numbers are unique per kind among live assets; a label token is one asset\'s', async () => {
    const t = token()
    const p = assetPayload('equipment', { label_token: t })
    await createAsset(db, 'equipment', p)
    const [dupNumber] = await push(db, U.adminHead, [makeOp('asset.upsert', randomUUID(), { ...p, label_token: token() })])
    expect(dupNumber).toMatchObject({ status: 'refused', reason: 'invalid', detail: 'number: already used' })
    const [dupToken] = await push(db, U.adminHead, [makeOp('asset.upsert', randomUUID(), assetPayload('equipment', { label_token: t }))])
    expect(dupToken).toMatchObject({ status: 'refused', reason: 'invalid', detail: 'label_token: already used by another asset' })
  })

  it('edits keep the derived state; kind and label cannot be changed by an edit', async () => {
    const t = token()
    const p = assetPayload('uniform', { label_token: t })
    const id = await createAsset(db, 'uniform', p)
    await record(db, U.assetKeeper, id, 'check_out', out(U.employee))
    const [edit] = await push(db, U.assetKeeper, [makeOp('asset.upsert', id, { ...p, name: '夏季工衣（新）', notes: '换新' })])
    expect(edit?.status).toBe('applied')
    const [row] = await db.query('select name, notes, status, holder_id, label_token from public.assets where id = $1', [id])
    expect(row).toEqual({ name: '夏季工衣（新）', notes: '换新', status: 'checked_out', holder_id: U.employee, label_token: t })
    const [kind] = await push(db, U.adminHead, [makeOp('asset.upsert', id, { ...p, kind: 'equipment', number: 'EQP-990001', details: DETAILS.equipment })])
    expect(kind).toMatchObject({ status: 'refused', reason: 'invalid', detail: 'kind: cannot change' })
    const [label] = await push(db, U.adminHead, [makeOp('asset.upsert', id, { ...p, label_token: token() })])
    expect(label).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(label?.detail).toContain('label_replaced')
  })
})

describe('custody.record', () => {
  it('a keeper checks out and in: the asset row follows in the same transaction', async () => {
    const id = await createAsset(db, 'seal')
    const due = soon()
    const o = await record(db, U.sealKeeper, id, 'check_out', out(U.employee, due))
    expect(o.status).toBe('applied')
    expect(await derived(db, id)).toMatchObject({ status: 'checked_out', holder_id: U.employee, condition: 'good', has_conflict: false })
    expect(Date.parse((await derived(db, id)).due_at as string)).toBe(Date.parse(due))
    const [ev] = await db.query('select actor_id, type, flagged, photo_ids from public.custody_events where id = $1', [o.event_id])
    expect(ev).toEqual({ actor_id: U.sealKeeper, type: 'check_out', flagged: false, photo_ids: [] })
    expect((await record(db, U.sealKeeper, id, 'check_in', { condition: 'worn' })).status).toBe('applied')
    expect(await derived(db, id)).toMatchObject({ status: 'in_stock', holder_id: null, due_at: null, condition: 'worn' })
  })

  it('the offline double check-out: both events stay, the second is flagged, the keeper resolves', async () => {
    const id = await createAsset(db, 'seal')
    // Two phones offline: the keeper's at 09:00, the head's at 09:03; the head's syncs first.
    const a = eventOp(id, 'check_out', out(U.employee), '2025-03-03T09:00:00+08:00')
    const b = eventOp(id, 'check_out', out(U.executive), '2025-03-03T09:03:00+08:00')
    const [rb] = await push(db, U.adminHead, [b])
    expect(rb?.status).toBe('applied')
    const [ra] = await push(db, U.sealKeeper, [a])
    // The earlier fact, synced late, is applied and answers flagged: it is half of a conflict.
    expect(ra).toMatchObject({ status: 'flagged' })
    expect(ra?.detail).toContain('conflict: check_out while checked_out')
    const events = await db.query<{ id: string; flagged: boolean }>('select id, flagged from public.custody_events where asset_id = $1 order by device_time', [id])
    expect(events).toEqual([
      { id: a.entity_id, flagged: false },
      { id: b.entity_id, flagged: true },
    ])
    expect(await derived(db, id)).toMatchObject({ status: 'checked_out', holder_id: U.executive, has_conflict: true })
    const [ledger] = await db.query('select status from public.sync_ops where op_id = $1', [a.op_id])
    expect(ledger).toEqual({ status: 'flagged' })

    // A third device, still offline, checks it out again: also kept and flagged.
    const [rc] = await push(db, U.adminHead, [eventOp(id, 'check_out', out(U.driver), '2025-03-03T09:05:00+08:00')])
    expect(rc?.status).toBe('flagged')

    // A holder who is not a keeper may not resolve; the keeper may.
    const conflicts = (await db.query<{ id: string }>('select id from public.custody_events where asset_id = $1 and flagged', [id])).map((r) => r.id)
    const resolution = { conflict_ids: conflicts, status: 'checked_out', holder_id: U.employee, due_at: null, note: '核实：在郑浩处' }
    const [byHolder] = await push(db, U.employee, [eventOp(id, 'resolve_conflict', resolution)])
    expect(byHolder).toMatchObject({ status: 'refused', reason: 'forbidden' })
    const [fixed] = await push(db, U.sealKeeper, [eventOp(id, 'resolve_conflict', resolution)])
    expect(fixed?.status).toBe('applied')
    expect(await derived(db, id)).toMatchObject({ status: 'checked_out', holder_id: U.employee, has_conflict: false })
    // The clash stays visible in the timeline.
    const [n] = await db.query<{ n: number }>('select count(*)::int as n from public.custody_events where asset_id = $1 and flagged', [id])
    expect(n?.n).toBe(2)
  })

  it('the same op twice is one event: applied, then duplicate (also within one batch)', async () => {
    const id = await createAsset(db, 'equipment')
    const op = eventOp(id, 'check_out', out(U.employee))
    expect((await push(db, U.assetKeeper, [op]))[0]?.status).toBe('applied')
    expect((await push(db, U.assetKeeper, [op]))[0]?.status).toBe('duplicate')
    const op2 = eventOp(id, 'check_in', { condition: 'good' })
    expect((await push(db, U.assetKeeper, [op2, op2])).map((r) => r.status)).toEqual(['applied', 'duplicate'])
    const [n] = await db.query<{ n: number }>('select count(*)::int as n from public.custody_events where asset_id = $1', [id])
    expect(n?.n).toBe(2)
    // The same event under a new op id (a device that lost its outbox row) is still one fact.
    const again = { ...op, op_id: randomUUID() }
    expect((await push(db, U.assetKeeper, [again]))[0]?.status).toBe('applied')
    const [m] = await db.query<{ n: number }>('select count(*)::int as n from public.custody_events where asset_id = $1', [id])
    expect(m?.n).toBe(2)
  })

  it('who may record what (custodyAccess.ts)', async () => {
    const vehicle = await createAsset(db, 'vehicle', { details: { ...DETAILS.vehicle, plate: '沪AD20001' } })
    const seal = await createAsset(db, 'seal')
    const uniform = await createAsset(db, 'uniform')
    const cases: [string, string, string, Record<string, unknown>, string][] = [
      [U.sealKeeper, vehicle, 'check_out', out(U.sealKeeper), 'forbidden'],
      [U.executive, seal, 'audit_seen', { location: '柜' }, 'forbidden'],
      [U.employee, uniform, 'check_out', out(U.employee), 'forbidden'],
      [U.driver, vehicle, 'check_out', out(U.employee), 'forbidden'],
      [U.driver, seal, 'check_out', out(U.driver), 'forbidden'],
      [U.driver, vehicle, 'retire', {}, 'forbidden'],
      [U.driver, vehicle, 'check_out', out(U.driver), 'applied'],
      [U.driver, vehicle, 'check_in', { condition: 'good' }, 'applied'],
      [U.fleetManager, vehicle, 'audit_seen', { location: '地下车库 B2' }, 'applied'],
      [U.assetKeeper, uniform, 'check_out', out(U.employee), 'applied'],
      // The holder may check in and report; not transfer.
      [U.employee, uniform, 'transfer', { to_person: U.cleaner }, 'forbidden'],
      [U.employee, uniform, 'report_damaged', { note: '袖口开线' }, 'applied'],
      [U.employee, uniform, 'check_in', { condition: 'damaged' }, 'applied'],
      // Never held it.
      [U.cleaner, uniform, 'check_in', { condition: 'good' }, 'forbidden'],
    ]
    for (const [user, asset, type, payload, want] of cases) {
      const r = await record(db, user, asset, type, payload)
      expect(r.status === 'refused' ? r.reason : r.status, `${type} by ${user}`).toBe(want)
    }
    // Handed back, so no longer the holder (issue 8, point 3): a second record of the hand-back
    // changes nothing and counts; a report after it is not theirs to make.
    expect((await push(db, U.employee, [eventOp(uniform, 'check_in', { condition: 'good' })]))[0]?.status).not.toBe('refused')
    expect((await push(db, U.employee, [eventOp(uniform, 'report_lost', {})]))[0]).toMatchObject({ status: 'refused', reason: 'forbidden' })
  })

  it('refuses malformed events naming the field, and changes nothing', async () => {
    const id = await createAsset(db, 'seal')
    const now = new Date().toISOString()
    const bad: [Record<string, unknown>, string, string][] = [
      [{ asset_id: id, type: 'borrow', device_time: now, payload: {} }, 'invalid', 'type: one of'],
      [{ asset_id: id, type: 'check_in', device_time: now, payload: { condition: 'broken' } }, 'invalid', 'payload.condition: one of'],
      [{ asset_id: id, type: 'check_in', device_time: 'yesterday', payload: { condition: 'good' } }, 'invalid', 'device_time'],
      [{ asset_id: id, type: 'check_in', device_time: '2025-03-03T09:00:00', payload: { condition: 'good' } }, 'invalid', 'device_time'],
      [{ asset_id: id, type: 'check_out', device_time: now, payload: { ...out(U.employee), purpose: '' } }, 'invalid', 'payload.purpose'],
      [{ asset_id: id, type: 'check_out', device_time: now, payload: out(U.employee, '2020-01-01T00:00:00Z') }, 'invalid', 'payload.due_at: not after'],
      [{ asset_id: id, type: 'check_out', device_time: now, payload: out(randomUUID()) }, 'not_found', 'payload.to_person: no such person'],
      [{ asset_id: id, type: 'check_out', device_time: now, payload: { ...out(U.employee), colour: 1 } }, 'invalid', 'colour: unexpected field'],
      [{ asset_id: id, type: 'audit_seen', device_time: now, payload: { location: '' } }, 'invalid', 'payload.location'],
      [{ asset_id: id, type: 'label_replaced', device_time: now, payload: { new_token: 'nope' } }, 'invalid', 'payload.new_token'],
      [{ asset_id: id, type: 'resolve_conflict', device_time: now, payload: { conflict_ids: [], status: 'in_stock', holder_id: null, due_at: null } }, 'invalid', 'conflict_ids'],
      [{ asset_id: id, type: 'resolve_conflict', device_time: now, payload: { conflict_ids: [randomUUID()], status: 'checked_out', holder_id: null, due_at: null } }, 'invalid', 'holder_id'],
      [{ asset_id: id, type: 'resolve_conflict', device_time: now, payload: { conflict_ids: [randomUUID()], status: 'in_stock', holder_id: null, due_at: null } }, 'invalid', 'not events of this asset'],
      [{ asset_id: id, type: 'check_in', device_time: now, payload: { condition: 'good' }, photo_ids: ['x'] }, 'invalid', 'photo_ids'],
      [{ asset_id: id, type: 'check_in', device_time: now, payload: { condition: 'good' }, actor_id: U.employee }, 'forbidden', 'actor_id'],
      [{ asset_id: id, type: 'check_in', device_time: now, payload: { condition: 'good' }, server_time: now }, 'invalid', 'server_time: unexpected field'],
      [{ asset_id: randomUUID(), type: 'check_in', device_time: now, payload: { condition: 'good' } }, 'not_found', 'asset_id: no such asset'],
    ]
    const before = await snapshot()
    for (const [payload, reason, detail] of bad) {
      const [r] = await push(db, U.sealKeeper, [makeOp('custody.record', randomUUID(), payload)])
      expect(r, JSON.stringify(payload)).toMatchObject({ status: 'refused', reason })
      expect(r?.detail, JSON.stringify(payload)).toContain(detail)
    }
    expect(await snapshot()).toEqual(before)
  })

  it('label_replaced retires the old token and issues the new one', async () => {
    const t1 = token()
    const t2 = token()
    const id = await createAsset(db, 'licence', { label_token: t1 })
    const r = await record(db, U.assetKeeper, id, 'label_replaced', { new_token: t2, old_token: t1 })
    expect(r.status).toBe('applied')
    const labels = await db.query('select id, token, status, replaced_at is not null as gone from public.asset_labels where asset_id = $1 order by issued_at', [id])
    expect(labels).toEqual([
      { id, token: t1, status: 'replaced', gone: true },
      { id: r.event_id, token: t2, status: 'active', gone: false },
    ])
    expect((await derived(db, id)).label_token).toBe(t2)
    // Another asset's token is neither a new label nor an old one here.
    const other = await createAsset(db, 'licence', { label_token: token() })
    const [o] = await db.query<{ t: string }>('select label_token as t from public.assets where id = $1', [other])
    const taken = await record(db, U.assetKeeper, id, 'label_replaced', { new_token: o?.t })
    expect(taken).toMatchObject({ status: 'refused', reason: 'invalid', detail: 'payload.new_token: a label of another asset' })
  })

  it('stores photos ids and the device time, stamps server time', async () => {
    const id = await createAsset(db, 'equipment')
    const photo = randomUUID()
    const op = eventOp(id, 'audit_seen', { location: '3 楼', condition: 'good', in_place: true }, '2025-03-03T09:00:00+08:00', randomUUID(), { photo_ids: [photo] })
    expect((await push(db, U.assetKeeper, [op]))[0]?.status).toBe('applied')
    const [row] = await db.query<{ photo_ids: string[]; payload: unknown; ok: boolean }>(
      `select photo_ids, payload, device_time = '2025-03-03T01:00:00Z' and server_time > now() - interval '1 minute' as ok
       from public.custody_events where id = $1`,
      [op.entity_id],
    )
    expect(row).toEqual({ photo_ids: [photo], payload: { location: '3 楼', condition: 'good', in_place: true }, ok: true })
  })
})

describe('custody_events is append-only', () => {
  it('refuses update, delete and truncate, even for the database owner', async () => {
    const id = await createAsset(db, 'seal')
    const { event_id } = await record(db, U.sealKeeper, id, 'audit_seen', { location: '柜' })
    await expect(db.query(`update public.custody_events set type = 'retire' where id = $1`, [event_id])).rejects.toThrow(/append-only/)
    await expect(db.query(`update public.custody_events set deleted_at = now() where id = $1`, [event_id])).rejects.toThrow(/append-only/)
    await expect(db.query('delete from public.custody_events where id = $1', [event_id])).rejects.toThrow(/append-only/)
    await expect(db.query('truncate public.custody_events cascade')).rejects.toThrow(/append-only/)
  })

  it('clients cannot write it, nor call the derivation', async () => {
    const id = await createAsset(db, 'seal')
    await expect(
      db.asUser(U.adminHead, (q) => q(`update public.assets set status = 'retired' where id = $1`, [id])),
    ).rejects.toThrow(/permission denied/)
    await expect(db.asUser(U.adminHead, (q) => q('select private.custody_derive($1)', [id]))).rejects.toThrow(/permission denied/)
  })
})

describe('seed assets', () => {
  it('are the "assets" of demo-company.json, each with a valid active label', async () => {
    const want = DEMO.raw.assets
    const rows = await db.query<Record<string, unknown>>(
      `select id, kind, number, name, site_id, keeper_id, notes, details, label_token from public.assets where id = any ($1::uuid[]) order by id`,
      [want.map((a) => a.id)],
    )
    expect(rows).toEqual([...want].sort((a, b) => a.id.localeCompare(b.id)))
    expect(new Set(want.map((a) => a.kind))).toEqual(new Set(['seal', 'licence', 'equipment', 'vehicle', 'uniform', 'dorm_key']))
    for (const a of want) {
      expect(checkLabelToken(a.label_token), a.number).toEqual({ ok: true, token: a.label_token })
      expect(assetInputSchema.safeParse(a).success, a.number).toBe(true)
    }
    const labels = await db.query<{ id: string; token: string }>(
      `select id, token from public.asset_labels where status = 'active' and asset_id = any ($1::uuid[]) order by id`,
      [want.map((a) => a.id)],
    )
    expect(labels).toEqual(want.map((a) => ({ id: a.id, token: a.label_token })).sort((a, b) => a.id.localeCompare(b.id)))
  })
})
