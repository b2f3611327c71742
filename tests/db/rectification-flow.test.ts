// rectification.fix / rectification.verify (整改): fix → verify → closed, reopened and
// fixed again, stale acts kept and flagged (never refused), order by device time.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AREAS, SZ, act, fail, inspect, makeUser, rect } from './support/checklists'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, push } from './support/sync'

let db: TestDb
const U = DEMO.users
const WASHROOM = AREAS['3F 男卫生间'] as string

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

/** A fresh open task assigned to the demo cleaner. */
async function task(item = 'bins_clean') {
  const p = await inspect(db, WASHROOM, { [item]: fail() })
  return p.rectifications[0]?.id as string
}
const at = (min: number) => new Date(Date.now() + min * 60_000).toISOString()
const fix = (id: string, time?: string, user: string = U.cleaner, extra: Record<string, unknown> = {}) =>
  act(db, user, 'rectification.fix', { rectification_id: id, note: '已更换', photo_ids: [randomUUID()], ...extra }, time)
const verify = (id: string, decision: string, time?: string, user: string = U.inspector) =>
  act(db, user, 'rectification.verify', { rectification_id: id, decision, note: '复查' }, time)

describe('the happy path and the loop', () => {
  it('open → fixed (with the after photo) → closed', async () => {
    const id = await task()
    expect(await rect(db, id)).toMatchObject({ status: 'open', assignee_id: U.cleaner, severity: 'normal' })
    const f = await fix(id, at(1))
    expect(f.status).toBe('applied')
    const fixed = await rect(db, id)
    expect(fixed).toMatchObject({ status: 'fixed', fix_note: '已更换', verified_by: null })
    expect(fixed.fix_photo_ids).toHaveLength(1)
    expect((await verify(id, 'closed', at(2))).status).toBe('applied')
    expect(await rect(db, id)).toMatchObject({ status: 'closed', verified_by: U.inspector })
  })

  it('reopened → fixed again → closed', async () => {
    const id = await task('floor_clean')
    await fix(id, at(1))
    expect((await verify(id, 'reopened', at(2))).status).toBe('applied')
    expect(await rect(db, id)).toMatchObject({ status: 'reopened' })
    expect((await fix(id, at(3), U.cleaner, { note: '重新清洁' })).status).toBe('applied')
    expect(await rect(db, id)).toMatchObject({ status: 'fixed', fix_note: '重新清洁' })
    expect((await verify(id, 'closed', at(4), U.adminHead)).status).toBe('applied')
    expect(await rect(db, id)).toMatchObject({ status: 'closed', verified_by: U.adminHead })
  })
})

describe('stale acts are kept and flagged, never refused', () => {
  it('a verify of a task nobody fixed is flagged and changes nothing', async () => {
    const id = await task()
    const v = await verify(id, 'closed', at(1))
    expect(v).toMatchObject({ status: 'flagged' })
    expect(v.detail).toMatch(/verify does not fit its state/)
    expect(await rect(db, id)).toMatchObject({ status: 'open', verified_by: null })
    const [e] = await db.query('select type, flagged from public.rectification_events where id = $1', [v.id])
    expect(e).toEqual({ type: 'verify', flagged: true })
  })

  it('a second verify after closing, and a fix of a closed task, are flagged', async () => {
    const id = await task()
    await fix(id, at(1))
    await verify(id, 'closed', at(2))
    expect((await verify(id, 'reopened', at(3), U.adminHead)).status).toBe('flagged')
    expect((await fix(id, at(4))).status).toBe('flagged')
    expect(await rect(db, id)).toMatchObject({ status: 'closed', verified_by: U.inspector })
  })

  it('a fix that syncs after the verify it preceded on site refolds cleanly: closed, nothing flagged', async () => {
    const id = await task()
    // The inspector verifies on site at +2 min; the cleaner's fix (+1 min) was still offline.
    const v = await verify(id, 'closed', at(2))
    expect(v.status).toBe('flagged')
    const f = await fix(id, at(1))
    expect(f.status).toBe('applied')
    expect(await rect(db, id)).toMatchObject({ status: 'closed', verified_by: U.inspector })
    const flags = await db.query('select flagged from public.rectification_events where rectification_id = $1', [id])
    expect(flags).toEqual([{ flagged: false }, { flagged: false }])
  })
})

describe('who may act', () => {
  it('only the assignee fixes; only an inspector or the head of the site verifies', async () => {
    const id = await task()
    for (const u of [U.inspector, U.employee, U.adminHead]) expect(await fix(id, undefined, u)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    await fix(id)
    for (const u of [U.cleaner, U.employee, U.executive]) expect(await verify(id, 'closed', undefined, u)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    const szInspector = await makeUser(db, 'inspector', SZ, 'sz-inspector')
    expect(await verify(id, 'closed', undefined, szInspector)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await rect(db, id)).toMatchObject({ status: 'fixed' })
  })

  it('a fix needs an after photo; unknown tasks and decisions are refused', async () => {
    const id = await task()
    expect(await fix(id, undefined, U.cleaner, { photo_ids: [] })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await fix(randomUUID())).toMatchObject({ status: 'refused', reason: 'not_found' })
    expect(await verify(id, 'approved')).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await rect(db, id)).toMatchObject({ status: 'open' })
  })

  it('acts are idempotent by id; the facts are append-only; clients cannot write the task', async () => {
    const id = await task()
    const actId = randomUUID()
    const payload = { rectification_id: id, note: 'x', photo_ids: [randomUUID()] }
    const op = makeOp('rectification.fix', actId, payload)
    expect((await push(db, U.cleaner, [op]))[0]?.status).toBe('applied')
    expect((await push(db, U.cleaner, [op]))[0]?.status).toBe('duplicate')
    expect((await push(db, U.cleaner, [makeOp('rectification.fix', actId, payload)]))[0]?.status).toBe('duplicate')
    expect((await push(db, U.cleaner, [makeOp('rectification.fix', actId, { ...payload, note: 'y' })]))[0]).toMatchObject({ status: 'refused', reason: 'invalid' })
    await expect(db.query('update public.rectification_events set note = $2 where id = $1', [actId, 'z'])).rejects.toThrow(/append-only/)
    await expect(db.asUser(U.cleaner, (q) => q(`update public.rectifications set status = 'closed' where id = $1`, [id]))).rejects.toThrow(/permission denied/)
  })
})
