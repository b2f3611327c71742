// Issue #12 point 7 on the server: a reopened rectification gets a new deadline (from the
// verification, 1 (critical) / 3 (normal) working days on at 18:00 company time (point 8), or
// the one the verifier sends if it is later);
// the person who fixed it never verifies it (refused, and a verify of theirs that a late fix
// makes fit is flagged, not applied).
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AREAS, GREENING, SANITATION, act, fail, inspect } from './support/checklists'
import { DEMO, openTestDb, type TestDb } from './support/database'

let db: TestDb
const U = DEMO.users
const GREEN_BELT = AREAS['东侧绿化带'] as string
const WASHROOM = AREAS['3F 男卫生间'] as string

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const fix = (id: string, user: string, at?: string) => act(db, user, 'rectification.fix', { rectification_id: id, note: '已处理', photo_ids: [randomUUID()] }, at)
const verify = (id: string, user: string, decision: string, at?: string, extra: Record<string, unknown> = {}) =>
  act(db, user, 'rectification.verify', { rectification_id: id, decision, ...extra }, at)
const state = async (id: string) =>
  (await db.query<{ status: string; due: string; fixed_by: string | null; severity: string }>(
    `select status, to_json(due_at) #>> '{}' as due, fixed_by, severity from public.rectifications where id = $1`, [id]))[0]
const iso = (s: string | undefined) => new Date(s as string).toISOString()

describe('reopened rectification', () => {
  it('gets a new deadline from the verification (working days), not its old one', async () => {
    const p = await inspect(db, WASHROOM, { floor_clean: fail() }, U.inspector, SANITATION)
    const id = p.rectifications[0]?.id as string
    const before = await state(id)
    expect((await fix(id, U.cleaner, '2026-11-05T01:00:00.000Z')).status).toBe('applied')
    expect((await verify(id, U.inspector, 'reopened', '2026-11-06T02:00:00.000Z', { note: '仍有污渍' })).status).toBe('applied')
    const after = await state(id)
    expect(after?.status).toBe('reopened')
    // Reopened on Friday 2026-11-06: 1 working day → Monday 18:00 Shanghai, 3 → Wednesday.
    expect(iso(after?.due)).toBe(after?.severity === 'critical' ? '2026-11-09T10:00:00.000Z' : '2026-11-11T10:00:00.000Z')
    expect(iso(after?.due)).not.toBe(iso(before?.due))
  })

  it('takes the verifier\'s later deadline, and refuses one before the verification', async () => {
    const p = await inspect(db, WASHROOM, { floor_clean: fail() }, U.inspector, SANITATION)
    const id = p.rectifications[0]?.id as string
    expect((await fix(id, U.cleaner, '2026-11-05T01:00:00.000Z')).status).toBe('applied')
    expect(await verify(id, U.inspector, 'reopened', '2026-11-06T02:00:00.000Z', { note: '再处理', due_at: '2026-11-06T01:00:00.000Z' }))
      .toMatchObject({ status: 'refused', reason: 'invalid', detail: expect.stringMatching(/due_at/) })
    expect(await verify(id, U.inspector, 'closed', '2026-11-06T02:00:00.000Z', { due_at: '2026-11-09T01:00:00.000Z' }))
      .toMatchObject({ status: 'refused', reason: 'invalid' })
    expect((await verify(id, U.inspector, 'reopened', '2026-11-06T02:00:00.000Z', { note: '再处理', due_at: '2026-11-07T09:00:00.000Z' })).status).toBe('applied')
    expect(iso((await state(id))?.due)).toBe('2026-11-07T09:00:00.000Z')
  })
})

describe('the fixer never verifies their own fix', () => {
  it('the admin head who fixed an unassigned task may not close it; an inspector may', async () => {
    const p = await inspect(db, GREEN_BELT, { no_weeds: fail() }, U.inspector, GREENING)
    const id = p.rectifications[0]?.id as string
    expect((await fix(id, U.adminHead, '2026-11-05T01:00:00.000Z')).status).toBe('applied')
    expect(await state(id)).toMatchObject({ status: 'fixed', fixed_by: U.adminHead })
    expect(await verify(id, U.adminHead, 'closed', '2026-11-05T02:00:00.000Z')).toMatchObject({ status: 'refused', reason: 'forbidden', detail: expect.stringMatching(/fixed it/) })
    expect((await verify(id, U.inspector, 'closed', '2026-11-05T03:00:00.000Z')).status).toBe('applied')
    expect((await state(id))?.status).toBe('closed')
  })

  it('a verify that reached the server before the fixer\'s own fix does not close it', async () => {
    const p = await inspect(db, GREEN_BELT, { no_weeds: fail() }, U.inspector, GREENING)
    const id = p.rectifications[0]?.id as string
    // The admin head's verify (device time 03:00) arrives first: nothing fixed yet, flagged.
    expect((await verify(id, U.adminHead, 'closed', '2026-11-05T03:00:00.000Z')).status).toBe('flagged')
    // Their fix (device time 01:00) arrives later: the verify still does not count.
    expect((await fix(id, U.adminHead, '2026-11-05T01:00:00.000Z')).status).toBe('applied')
    expect(await state(id)).toMatchObject({ status: 'fixed', fixed_by: U.adminHead })
  })
})
