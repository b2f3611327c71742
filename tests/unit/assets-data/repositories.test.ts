import { describe, expect, it } from 'vitest'
import { createAsset, updateAsset, AssetNumberTakenError } from '@/features/assets/data/assetRepository'
import { recordCustodyEvents } from '@/features/assets/data/custodyRepository'
import { asDomainEvent, eventsOfAsset } from '@/features/assets/data/custodyWrite'
import { findAssetByNumber, findAssetByToken, getAsset } from '@/features/assets'
import { foldEvents } from '@/features/assets/domain/custody'
import { isLabelToken, newLabelToken } from '@/features/assets/domain/labelToken'
import { assetsInConflict } from '@/features/assets/data/myItems'
import { freshDb } from '../features/testDb'
import { ALICE, BOB, KEEPER, checkOut, sealInput } from './fixtures'

describe('assetRepository', () => {
  it('creates an asset in stock with an active label and one asset.upsert op carrying the token', async () => {
    const db = freshDb()
    const row = await createAsset(db, sealInput(1))
    expect(row.status).toBe('in_stock')
    expect(row.keeper_role).toBe('seal_keeper')
    expect(isLabelToken(row.label_token ?? '')).toBe(true)
    const labels = await db.asset_labels.toArray()
    expect(labels).toHaveLength(1)
    expect(labels[0]).toMatchObject({ token: row.label_token, asset_id: row.id, status: 'active' })
    const ops = await db.outbox.toArray()
    expect(ops).toHaveLength(1)
    expect(ops[0]).toMatchObject({ kind: 'asset.upsert', entity_table: 'assets', entity_id: row.id })
    expect(ops[0]!.payload).toMatchObject({ id: row.id, kind: 'seal', number: 'SEAL-0001', label_token: row.label_token })
  })

  it('refuses a taken number and writes nothing', async () => {
    const db = freshDb()
    await createAsset(db, sealInput(1))
    await expect(createAsset(db, sealInput(2, { number: 'SEAL-0001' }))).rejects.toBeInstanceOf(AssetNumberTakenError)
    expect(await db.assets.count()).toBe(1)
    expect(await db.outbox.count()).toBe(1)
  })

  it('edits what a keeper entered and leaves status, holder and label alone', async () => {
    const db = freshDb()
    const row = await createAsset(db, sealInput(1))
    await recordCustodyEvents(db, [{ asset: row, type: 'check_out', payload: checkOut(ALICE) }], KEEPER)
    const edited = await updateAsset(db, sealInput(1, { name: '新名称' }))
    expect(edited).toMatchObject({ name: '新名称', status: 'checked_out', holder_id: ALICE, label_token: row.label_token })
    const op = (await db.outbox.toArray()).at(-1)!
    expect(op.payload).not.toHaveProperty('label_token')
  })
})

describe('custodyRepository', () => {
  it('writes the event, the re-derived asset and its custody.record op in one transaction', async () => {
    const db = freshDb()
    const asset = await createAsset(db, sealInput(1))
    const due = new Date(Date.now() + 3_600_000).toISOString()
    const result = await recordCustodyEvents(db, [{ asset, type: 'check_out', payload: checkOut(ALICE, due) }], KEEPER)
    expect(result.ok).toBe(true)
    const saved = await getAsset(db, asset.id)
    expect(saved).toMatchObject({ status: 'checked_out', holder_id: ALICE, due_at: due, condition: 'good', has_conflict: false })
    const op = (await db.outbox.where('kind').equals('custody.record').toArray())[0]!
    expect(op.entity_table).toBe('custody_events')
    expect(op.payload).toMatchObject({ asset_id: asset.id, type: 'check_out', photo_ids: [] })
    expect(op.entity_id).toBe(op.payload.id)
    // The local state is the domain's fold over the device's events.
    const state = foldEvents((await eventsOfAsset(db, asset.id)).map(asDomainEvent))
    expect({ status: saved?.status, holder: saved?.holder_id }).toEqual({ status: state.status, holder: state.holder_id })
  })

  it('flags the offline double check-out on this device too: both kept, the asset shows a conflict', async () => {
    const db = freshDb()
    const asset = await createAsset(db, sealInput(1))
    await recordCustodyEvents(db, [{ asset, type: 'check_out', payload: checkOut(ALICE) }], KEEPER, { now: new Date('2025-03-03T01:00:00Z') })
    // The second device's keeper did not see the first check-out (holder still null there).
    await recordCustodyEvents(db, [{ asset, type: 'check_out', payload: checkOut(BOB) }], KEEPER, { now: new Date('2025-03-03T01:05:00Z') })
    const events = await eventsOfAsset(db, asset.id)
    expect(events).toHaveLength(2)
    expect(events.filter((e) => e.flagged).map((e) => e.payload.to_person)).toEqual([BOB])
    expect(await getAsset(db, asset.id)).toMatchObject({ has_conflict: true, holder_id: BOB })
    // The seal keeper's "conflicts to resolve" list has it; a fleet manager's does not.
    expect((await assetsInConflict(db, ['seal'])).map((a) => a.id)).toEqual([asset.id])
    expect(await assetsInConflict(db, ['vehicle'])).toEqual([])
  })

  it('refuses an actor whose role may not record it, and writes nothing', async () => {
    const db = freshDb()
    const asset = await createAsset(db, sealInput(1))
    const employee = { person_id: ALICE, roles: ['employee'] }
    const result = await recordCustodyEvents(db, [{ asset, type: 'check_out', payload: checkOut(ALICE) }], employee)
    expect(result).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await db.custody_events.count()).toBe(0)
  })

  it('writes a batch all or nothing', async () => {
    const db = freshDb()
    const a = await createAsset(db, sealInput(1))
    const b = await createAsset(db, sealInput(2))
    const c = await createAsset(db, sealInput(3))
    const before = await db.outbox.count()
    // One invalid item (no purpose): nothing is written.
    const bad = await recordCustodyEvents(
      db,
      [a, b, c].map((asset, i) => ({ asset, type: 'check_out' as const, payload: i === 1 ? { ...checkOut(ALICE), purpose: '' } : checkOut(ALICE) })),
      KEEPER,
    )
    expect(bad).toMatchObject({ ok: false, reason: 'invalid', index: 1 })
    expect(await db.custody_events.count()).toBe(0)
    // A failure inside the transaction (e.g. saving a photo) rolls every event back.
    const failing = recordCustodyEvents(db, [a, b, c].map((asset) => ({ asset, type: 'check_out' as const, payload: checkOut(ALICE) })), KEEPER, {
      photos: { tables: ['photos'], ops: [], write: async () => Promise.reject(new Error('disk full')) },
    })
    await expect(failing).rejects.toThrow('disk full')
    expect(await db.custody_events.count()).toBe(0)
    expect((await getAsset(db, a.id))?.status).toBe('in_stock')
    expect(await db.outbox.count()).toBe(before)
    // The good batch: three events, three ops, in order.
    const ok = await recordCustodyEvents(db, [a, b, c].map((asset) => ({ asset, type: 'check_out' as const, payload: checkOut(ALICE) })), KEEPER)
    expect(ok.ok).toBe(true)
    const ops = await db.outbox.where('kind').equals('custody.record').sortBy('seq')
    expect(ops.map((o) => o.payload.asset_id)).toEqual([a.id, b.id, c.id])
    expect((await db.assets.where('holder_id').equals(ALICE).toArray()).length).toBe(3)
  })
})

describe('lookups', () => {
  it('finds an asset by its active token, says "replaced" for an old one, unknown otherwise', async () => {
    const db = freshDb()
    const asset = await createAsset(db, sealInput(1))
    const oldToken = asset.label_token!
    expect(await findAssetByToken(db, oldToken)).toMatchObject({ kind: 'asset', asset: { id: asset.id } })
    const newToken = newLabelToken()
    const r = await recordCustodyEvents(db, [{ asset, type: 'label_replaced', payload: { new_token: newToken, old_token: oldToken } }], KEEPER)
    expect(r.ok).toBe(true)
    expect(await findAssetByToken(db, newToken)).toMatchObject({ kind: 'asset', asset: { id: asset.id, label_token: newToken } })
    expect(await findAssetByToken(db, oldToken)).toMatchObject({ kind: 'replaced', asset: { id: asset.id } })
    expect(await findAssetByToken(db, newLabelToken())).toEqual({ kind: 'unknown' })
  })

  it('finds an asset by a loosely typed number', async () => {
    const db = freshDb()
    const asset = await createAsset(db, sealInput(12))
    expect((await findAssetByNumber(db, 'seal 12'))?.id).toBe(asset.id)
    expect(await findAssetByNumber(db, 'SEAL-0099')).toBeUndefined()
  })
})
