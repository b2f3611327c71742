import { beforeEach, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import type { AssetRow } from '@/platform/db/rows'
import { PHOTO_TABLES, photoRegisterOps, savePhotos, type ProcessedPhoto } from '@/platform/photos'
import { custodyEventSchema } from '@/features/assets/domain/custodyEventSchema'
import { sealUsageCheckOut } from '@/features/assets/domain/sealUsage'
import { sealUsageSchema } from '@/features/assets/domain/sealUsageSchema'
import { recordSealChecks, recordSealUsage } from '@/features/seals/data/sealWrites'
import { sealCheckEvents } from '@/features/seals/domain/check'
import { pendingEntityIds } from '@/platform/sync'
import { freshDb } from '../features/testDb'

const SEAL = '5e000000-0000-4000-8000-000000000001'
const ME = '0a000000-0000-4000-8000-000000000003'
const REQ = '0a000000-0000-4000-8000-000000000010'
const NOW = new Date('2026-03-02T01:00:00.000Z')
let db: AdminFieldDb

const seal: AssetRow = {
  id: SEAL, kind: 'seal', number: 'SEAL-0001', name: '合同专用章', site_id: '05000000-0000-4000-8000-000000000001', keeper_id: null,
  keeper_role: 'seal_keeper', notes: null, details: { cabinet: '保险柜 A' }, status: 'in_stock', holder_id: null, due_at: null, condition: 'good',
  label_token: null, has_conflict: false, updated_at: '2026-01-01T00:00:00Z', deleted_at: null,
}

function usage(mode: 'stamp_here' | 'take_out', photoIds: string[] = []) {
  return sealUsageSchema.parse({
    id: crypto.randomUUID(), seal_id: SEAL, used_at: NOW.toISOString(), recorded_by: ME, document_title: '采购合同', document_type: 'contract',
    copies: 2, purpose: '签约', requester_id: REQ, requester_name: '张三', requester_department: '采购部', approver_name: '王晓燕', mode,
    due_at: mode === 'take_out' ? '2026-03-02T10:00:00.000Z' : null, photo_ids: photoIds,
  })
}

beforeEach(async () => {
  db = freshDb()
  await db.assets.add(seal)
})

describe('recording a seal use', () => {
  it('stamp here: the register row and one seal_usage.record op with check_out_event null', async () => {
    const u = usage('stamp_here')
    await recordSealUsage(db, u, null, null, NOW)
    expect(await db.seal_usages.get(u.id)).toMatchObject({ mode: 'stamp_here', check_out_event_id: null, copies: 2 })
    const ops = await db.outbox.toArray()
    expect(ops.map((o) => o.kind)).toEqual(['seal_usage.record'])
    expect(ops[0]!.payload).toMatchObject({ id: u.id, document_title: '采购合同', check_out_event: null })
    expect((await db.assets.get(SEAL))!.status).toBe('in_stock')
  })

  it('take out: the check-out is written locally (seal shows as out) and travels inside the same op, with photo ops after', async () => {
    const photo: ProcessedPhoto = {
      id: crypto.randomUUID(), blob: new Blob(['x']), thumb: new Blob(['t']), mime: 'image/jpeg', width: 10, height: 10, bytes: 1,
      taken_at: NOW.toISOString(), warnings: [], quality: { mean: 128, sharpness: 10 } as unknown as ProcessedPhoto['quality'],
    }
    const u = usage('take_out', [photo.id])
    const co = custodyEventSchema.parse(sealUsageCheckOut(u, crypto.randomUUID()))
    const owner = { table: 'seal_usages', id: u.id, takenBy: ME }
    await recordSealUsage(db, u, co, { tables: PHOTO_TABLES, ops: photoRegisterOps([photo], owner, NOW), write: async () => void (await savePhotos(db, [photo], owner)) }, NOW)

    expect(await db.seal_usages.get(u.id)).toMatchObject({ check_out_event_id: co.id, photo_ids: [photo.id] })
    expect(await db.custody_events.get(co.id)).toMatchObject({ type: 'check_out', asset_id: SEAL, payload: { to_person: REQ } })
    expect(await db.assets.get(SEAL)).toMatchObject({ status: 'checked_out', holder_id: REQ, due_at: '2026-03-02T10:00:00.000Z' })
    expect(await db.photos.get(photo.id)).toMatchObject({ owner_table: 'seal_usages', owner_id: u.id })

    const ops = await db.outbox.orderBy('seq').toArray()
    // No separate custody.record: the server applies the check-out inside seal_usage.record.
    expect(ops.map((o) => o.kind)).toEqual(['seal_usage.record', 'photo.register'])
    expect(ops[0]!.payload.check_out_event).toMatchObject({ id: co.id, type: 'check_out', asset_id: SEAL })
    // The check-out shows "not synced" on the seal's timeline until the register op settles.
    expect(await pendingEntityIds(db)).toEqual(new Set([u.id, co.id, photo.id]))
    await db.outbox.where('kind').equals('seal_usage.record').modify({ status: 'applied' })
    expect((await pendingEntityIds(db)).has(co.id)).toBe(false)
  })

  it('the periodic check: one audit_seen event and one custody.record op per seal, in one go', async () => {
    const events = sealCheckEvents([{ seal_id: SEAL, cabinet: '保险柜 A', condition: 'good', in_place: true }], ME, NOW).map((e) => custodyEventSchema.parse(e))
    await recordSealChecks(db, events, NOW)
    expect(await db.custody_events.where('asset_id').equals(SEAL).count()).toBe(1)
    const ops = await db.outbox.toArray()
    expect(ops.map((o) => [o.kind, o.entity_id])).toEqual([['custody.record', events[0]!.id]])
    expect(ops[0]!.payload).toMatchObject({ type: 'audit_seen', payload: { in_place: true, condition: 'good' } })
  })
})
