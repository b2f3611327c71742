import { beforeEach, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { loadRequestContext } from '@/features/requests/data/context'
import { actOnRequest, submitRequest } from '@/features/requests/data/requestWrites'
import { validateForm } from '@/features/requests/domain'
import { freshDb } from '../features/testDb'
import { fakePhoto } from '../photos/support'

const HEAD = '0a000000-0000-4000-8000-000000000001'
const EMPLOYEE = '0a000000-0000-4000-8000-000000000010'
const SZ = '05000000-0000-4000-8000-000000000002'
const NOW = new Date('2026-12-02T02:00:00.000Z')
const later = (min: number) => new Date(NOW.getTime() + min * 60_000)
let db: AdminFieldDb

beforeEach(async () => {
  db = freshDb()
  await seedDemoCompany(db, NOW)
})

const form = (copies = 2) => {
  const r = validateForm('seal_use', { document_title: '采购合同', document_type: 'contract', copies, seal_name: '合同专用章', purpose: '签约', mode: 'stamp_here', due_at: '' })
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.form
}

/** Submitted with two photos, then returned for changes by the admin head. */
async function returned() {
  const ctx = await loadRequestContext(db)
  const first = [fakePhoto(), fakePhoto()]
  const row = await submitRequest(db, { type: 'seal_use', form: form(), applicant: { id: EMPLOYEE, site_id: SZ, department_id: null }, fulfillerRole: 'seal_keeper', ctx, photos: first }, NOW)
  const back = await actOnRequest(db, { request: row, actorId: HEAD, act: { action: 'return', note: '附件不清楚' }, ctx }, later(1))
  return { ctx, back, first }
}

describe('photos on an edited and resubmitted application (issue 9)', () => {
  it('the resubmitted version has the kept photos then the new ones; the new ones are saved and registered after the resubmit', async () => {
    const { ctx, back, first } = await returned()
    expect(back.status).toBe('returned')
    const added = fakePhoto()
    const before = await db.outbox.count()
    const next = await actOnRequest(db, { request: back, actorId: EMPLOYEE, act: { action: 'resubmit', form: form(3), photos: { kept: [first[1]!.id], added: [added] } }, ctx }, later(2))
    expect(next).toMatchObject({ status: 'pending', revision: 2, photo_ids: [first[1]!.id, added.id] })
    expect((await db.requests.get(back.id))?.photo_ids).toEqual([first[1]!.id, added.id])
    const ops = (await db.outbox.orderBy('seq').toArray()).slice(before)
    expect(ops.map((o) => o.kind)).toEqual(['request.act', 'photo.register'])
    expect(ops[0]!.payload).toMatchObject({ action: 'resubmit', revision: 1, photo_ids: [first[1]!.id, added.id] })
    expect(ops[1]).toMatchObject({ entity_id: added.id, payload: { owner_table: 'requests', owner_id: back.id } })
    expect(await db.photos.get(added.id)).toMatchObject({ owner_table: 'requests', owner_id: back.id, taken_by: EMPLOYEE })
    expect(await db.photo_blobs.get(added.id)).toBeDefined()
    // The removed photo is not deleted: the first version keeps it.
    expect(await db.photos.get(first[0]!.id)).toMatchObject({ owner_id: back.id, deleted_at: null })
  })

  it('a resubmit without photos leaves them as they were and sends no photo_ids', async () => {
    const { ctx, back, first } = await returned()
    const next = await actOnRequest(db, { request: back, actorId: EMPLOYEE, act: { action: 'resubmit', form: form(3) }, ctx }, later(2))
    expect(next.photo_ids).toEqual(first.map((p) => p.id))
    const [op] = await db.outbox.where('kind').equals('request.act').reverse().sortBy('seq')
    expect(op!.payload).not.toHaveProperty('photo_ids')
  })

  it('a stale resubmit (the copy was out of date) is kept and flagged: the photos do not change', async () => {
    const { ctx, back, first } = await returned()
    await actOnRequest(db, { request: back, actorId: EMPLOYEE, act: { action: 'withdraw' }, ctx }, later(2))
    const stored = (await db.requests.get(back.id))!
    const stale = await actOnRequest(db, { request: stored, actorId: EMPLOYEE, act: { action: 'resubmit', form: form(3), photos: { kept: [], added: [fakePhoto()] } }, ctx }, later(3))
    expect(stale.photo_ids).toEqual(first.map((p) => p.id))
    expect((await db.requests.get(back.id))).toMatchObject({ status: 'withdrawn', photo_ids: first.map((p) => p.id) })
  })
})
