import { beforeEach, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import { pendingEntityIds } from '@/platform/sync'
import { fixRectification, verifyRectification } from '@/features/rectification/data/rectificationWrites'
import { loadTaskDetail, tasksAssignedTo, tasksToVerify, unfixedTasks } from '@/features/rectification/data/rectificationReads'
import { escalated } from '@/features/rectification/domain/escalation'
import { freshDb } from '../features/testDb'
import { fakePhoto } from '../photos/support'
import { CLEANER, HEAD, INSPECTOR, seedTask } from './fixtures'

const NOW = new Date('2026-03-02T02:00:00.000Z')
let db: AdminFieldDb

beforeEach(() => {
  db = freshDb()
})

describe('fixing a rectification', () => {
  it('refuses without an "after" photo and writes nothing', async () => {
    const { task } = await seedTask(db)
    const r = await fixRectification(db, { id: task.id, actorId: CLEANER, roles: ['cleaner'], note: '已拖干', photos: [] }, NOW)
    expect(r).toEqual({ ok: false, error: 'afterPhotoRequired' })
    expect(await db.rectifications.get(task.id)).toMatchObject({ status: 'open' })
    expect(await db.outbox.count()).toBe(0)
  })

  it('refuses someone who is not the assignee', async () => {
    const { task } = await seedTask(db)
    const r = await fixRectification(db, { id: task.id, actorId: INSPECTOR, roles: ['inspector'], note: '', photos: [fakePhoto()] }, NOW)
    expect(r).toEqual({ ok: false, error: 'notAssignee' })
    expect(await db.outbox.count()).toBe(0)
  })

  it('writes the row, the photo and the ops (fix first, then photo.register) in one transaction', async () => {
    const { task } = await seedTask(db)
    const photo = fakePhoto()
    const r = await fixRectification(db, { id: task.id, actorId: CLEANER, roles: ['cleaner'], note: '  已拖干并放置防滑垫 ', photos: [photo] }, NOW)
    expect(r.ok).toBe(true)
    expect(await db.rectifications.get(task.id)).toMatchObject({
      status: 'fixed', fix_note: '已拖干并放置防滑垫', fix_photo_ids: [photo.id], fixed_at: NOW.toISOString(),
    })
    expect(await db.photos.get(photo.id)).toMatchObject({ owner_table: 'rectifications', owner_id: task.id, taken_by: CLEANER })
    expect(await db.photo_blobs.get(photo.id)).toBeTruthy()
    const ops = await db.outbox.orderBy('seq').toArray()
    expect(ops.map((o) => o.kind)).toEqual(['rectification.fix', 'photo.register'])
    // The act's own id travels as entity_id (idempotent re-push); the task is marked through `related`.
    expect(ops[0]).toMatchObject({ entity_table: 'rectification_events', related: [`rectifications:${task.id}`] })
    expect(ops[0]!.entity_id).not.toBe(task.id)
    expect(ops[0]!.payload).toEqual({ rectification_id: task.id, note: '已拖干并放置防滑垫', photo_ids: [photo.id] })
    expect(ops[1]!.payload).toMatchObject({ id: photo.id, owner_table: 'rectifications', owner_id: task.id })
    expect(await pendingEntityIds(db)).toEqual(new Set([ops[0]!.entity_id, task.id, photo.id]))
  })

  it('rolls everything back when the transaction fails half-way', async () => {
    const { task } = await seedTask(db)
    const photo = fakePhoto()
    // The outbox write fails after the row and the photo were put: all of it must go.
    const add = db.outbox.add.bind(db.outbox)
    db.outbox.add = (() => Promise.reject(new Error('disk full'))) as unknown as typeof db.outbox.add
    await expect(fixRectification(db, { id: task.id, actorId: CLEANER, roles: ['cleaner'], note: '', photos: [photo] }, NOW)).rejects.toThrow('disk full')
    db.outbox.add = add
    expect(await db.rectifications.get(task.id)).toMatchObject({ status: 'open', fix_photo_ids: [] })
    expect(await db.photos.get(photo.id)).toBeUndefined()
    expect(await db.photo_blobs.get(photo.id)).toBeUndefined()
  })

  it('a reopened task can be fixed again; a fixed one cannot', async () => {
    const { rows } = await seedTask(db, { status: 'reopened' }, { status: 'fixed' })
    expect((await fixRectification(db, { id: rows[0]!.id, actorId: CLEANER, roles: ['cleaner'], note: '', photos: [fakePhoto()] }, NOW)).ok).toBe(true)
    expect(await fixRectification(db, { id: rows[1]!.id, actorId: CLEANER, roles: ['cleaner'], note: '', photos: [fakePhoto()] }, NOW)).toEqual({ ok: false, error: 'badTransition' })
  })
})

describe('verifying a rectification', () => {
  it('closes a fixed task (inspector), with the op the server expects', async () => {
    const { task } = await seedTask(db, { status: 'fixed', fixed_at: '2026-03-02T01:00:00.000Z' })
    const r = await verifyRectification(db, { id: task.id, actorId: INSPECTOR, roles: ['inspector'], decision: 'closed', note: '' }, NOW)
    expect(r.ok).toBe(true)
    expect(await db.rectifications.get(task.id)).toMatchObject({ status: 'closed', verified_by: INSPECTOR, verified_at: NOW.toISOString() })
    const ops = await db.outbox.toArray()
    expect(ops.map((o) => [o.kind, o.payload])).toEqual([['rectification.verify', { rectification_id: task.id, decision: 'closed', note: '' }]])
  })

  it('reopens only with a note; the admin head may verify too', async () => {
    const { task } = await seedTask(db, { status: 'fixed' })
    expect(await verifyRectification(db, { id: task.id, actorId: HEAD, roles: ['admin_head'], decision: 'reopened', note: ' ' }, NOW)).toEqual({ ok: false, error: 'noteRequired' })
    const r = await verifyRectification(db, { id: task.id, actorId: HEAD, roles: ['admin_head'], decision: 'reopened', note: '角落仍有污渍' }, NOW)
    expect(r.ok).toBe(true)
    expect(await db.rectifications.get(task.id)).toMatchObject({ status: 'reopened', verified_by: HEAD })
    expect((await tasksAssignedTo(db, CLEANER)).map((t) => t.id)).toEqual([task.id])
  })

  it('issue #12: a reopened task gets a new deadline (sent with the act); the one who fixed it may not verify it', async () => {
    const { task } = await seedTask(db, { status: 'fixed', severity: 'normal', fixed_by: HEAD })
    expect(await verifyRectification(db, { id: task.id, actorId: HEAD, roles: ['admin_head'], decision: 'closed', note: '' }, NOW)).toEqual({ ok: false, error: 'ownFix' })
    const r = await verifyRectification(db, { id: task.id, actorId: INSPECTOR, roles: ['inspector'], decision: 'reopened', note: '仍有积水' }, NOW)
    // Monday 10:00 Shanghai + 3 working days → Thursday 18:00 (issue #12 point 8).
    const due = '2026-03-05T10:00:00.000Z'
    expect(r.ok && r.row).toMatchObject({ status: 'reopened', due_at: due })
    const ops = await db.outbox.toArray()
    expect(ops.map((o) => o.payload)).toEqual([{ rectification_id: task.id, decision: 'reopened', note: '仍有积水', due_at: due }])
  })

  it('refuses a cleaner, and any task that is not waiting for verification', async () => {
    const { rows } = await seedTask(db, { status: 'fixed' }, { status: 'open' }, { status: 'closed' })
    expect(await verifyRectification(db, { id: rows[0]!.id, actorId: CLEANER, roles: ['cleaner'], decision: 'closed', note: '' }, NOW)).toEqual({ ok: false, error: 'notInspector' })
    for (const r of rows.slice(1)) {
      expect(await verifyRectification(db, { id: r.id, actorId: INSPECTOR, roles: ['inspector'], decision: 'closed', note: '' }, NOW)).toEqual({ ok: false, error: 'badTransition' })
    }
    expect(await db.outbox.count()).toBe(0)
  })
})

describe('lists', () => {
  it("the assignee's list: open and reopened only, soonest due first; the verify list: fixed only", async () => {
    const { rows } = await seedTask(
      db,
      { due_at: '2026-03-05T00:00:00.000Z' },
      { due_at: '2026-03-01T00:00:00.000Z', status: 'reopened' },
      { status: 'fixed', fixed_at: '2026-03-02T00:00:00.000Z' },
      { status: 'closed' },
      { assignee_id: INSPECTOR },
    )
    expect((await tasksAssignedTo(db, CLEANER)).map((r) => r.id)).toEqual([rows[1]!.id, rows[0]!.id])
    expect((await tasksToVerify(db)).map((r) => r.id)).toEqual([rows[2]!.id])
    expect((await unfixedTasks(db)).map((r) => r.id).sort()).toEqual([rows[0]!.id, rows[1]!.id, rows[4]!.id].sort())
  })

  it('escalation: only unfixed tasks past their due time, for the admin head', async () => {
    const { rows } = await seedTask(db, { due_at: '2026-03-05T00:00:00.000Z' }, { due_at: '2026-02-20T00:00:00.000Z' })
    const list = escalated(await unfixedTasks(db), NOW.getTime())
    expect(list.map((r) => r.id)).toEqual([rows[1]!.id])
  })

  it("the task page's data: area, inspection, the item's note", async () => {
    const { task, area } = await seedTask(db)
    const d = await loadTaskDetail(db, task.id)
    expect(d).toMatchObject({ area: { id: area.id }, inspectionNote: '地面有积水', beforePhotoIds: [] })
    expect(await loadTaskDetail(db, crypto.randomUUID())).toBeNull()
  })
})
