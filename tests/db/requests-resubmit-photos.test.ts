// Photos on an edited and resubmitted application (issue 9, after 退回修改): request.act's resubmit
// carries the new version's photo_ids (kept + new); the new photos register as the application's
// (the 'requests' row of private.photo_owners); foreign photos, photo_ids on other actions and more
// than 10 are refused and change nothing; a stale resubmit changes no photos.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, push } from './support/sync'

let db: TestDb
const U = DEMO.users

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const sealForm = (copies = 2) => ({ document_title: '采购合同', document_type: 'contract', copies, seal_name: '合同专用章', purpose: '与供应商签约', mode: 'stamp_here', due_at: null })
const meta = (owner_id: string) => ({ owner_table: 'requests', owner_id, mime: 'image/jpeg', bytes: 120_000, width: 1600, height: 1200, taken_at: new Date(Date.now() - 60_000).toISOString() })

async function one(user: string, op: unknown) {
  const [r] = await push(db, user, [op])
  if (!r) throw new Error('no result')
  return r
}
const act = (user: string, request_id: string, action: string, extra: Record<string, unknown> = {}) =>
  one(user, makeOp('request.act', randomUUID(), { request_id, action, revision: 1, ...extra }))
const photosOf = async (id: string) => (await db.query<{ photo_ids: string[] }>('select photo_ids from public.requests where id = $1', [id]))[0]!.photo_ids

/** An employee's application with two photos, returned for changes by the admin head. */
async function returned(): Promise<{ id: string; first: string[] }> {
  const id = randomUUID()
  const first = [randomUUID(), randomUUID()]
  const results = await push(db, U.employee, [
    makeOp('request.submit', id, { event_id: randomUUID(), type: 'seal_use', form: sealForm(), photo_ids: first }),
    ...first.map((p) => makeOp('photo.register', p, meta(id))),
  ])
  expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied'])
  expect((await act(U.adminHead, id, 'return', { step: 0, note: '附件不清楚' })).status).toBe('applied')
  return { id, first }
}

describe('resubmitting with photos', () => {
  it('keeps one, adds one: the new version shows both, the new photo registered as the application’s, seen by its approver', async () => {
    const { id, first } = await returned()
    const added = randomUUID()
    const results = await push(db, U.employee, [
      makeOp('request.act', randomUUID(), { request_id: id, action: 'resubmit', revision: 1, form: sealForm(3), photo_ids: [first[1], added] }),
      makeOp('photo.register', added, meta(id)),
    ])
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied'])
    expect(await photosOf(id)).toEqual([first[1], added])
    const [row] = await db.query<{ status: string; revision: number }>('select status, revision from public.requests where id = $1', [id])
    expect(row).toMatchObject({ status: 'pending', revision: 2 })
    const seen = await db.asUser(U.adminHead, (q) => q<{ id: string }>('select id from public.photos where owner_id = $1 order by id', [id]))
    expect(seen.map((r) => r.id).sort()).toEqual([...first, added].sort())
  })

  it('left out, the photos stay as they were (ops queued by older clients)', async () => {
    const { id, first } = await returned()
    expect((await act(U.employee, id, 'resubmit', { form: sealForm(3) })).status).toBe('applied')
    expect(await photosOf(id)).toEqual(first)
  })

  it("refuses a photo of another record, photo_ids with another action, more than 10: nothing changes", async () => {
    const { id, first } = await returned()
    // A photo of another application (another record, same owner table), known by id.
    const other = await returned()
    const foreign = other.first[0]
    const refusals = [
      [await act(U.employee, id, 'resubmit', { form: sealForm(3), photo_ids: [first[0], foreign] }), 'photo_ids: a photo of another record'],
      [await act(U.employee, id, 'resubmit', { form: sealForm(3), photo_ids: Array.from({ length: 11 }, () => randomUUID()) }), 'photo_ids: up to 10 UUIDs'],
      [await act(U.employee, id, 'withdraw', { photo_ids: [] }), 'photo_ids: only with resubmit'],
      [await act(U.adminHead, id, 'approve', { step: 0, photo_ids: [] }), 'photo_ids: only with resubmit'],
    ] as const
    for (const [r, detail] of refusals) expect(r, detail).toMatchObject({ status: 'refused', reason: 'invalid', detail })
    expect(await photosOf(id)).toEqual(first)
    const [row] = await db.query<{ status: string; revision: number }>('select status, revision from public.requests where id = $1', [id])
    expect(row).toMatchObject({ status: 'returned', revision: 1 })
  })

  it('a stale resubmit (withdrawn meanwhile) is kept, flagged, and changes no photos', async () => {
    const { id, first } = await returned()
    expect((await act(U.employee, id, 'withdraw')).status).toBe('applied')
    const r = await act(U.employee, id, 'resubmit', { form: sealForm(3), photo_ids: [randomUUID()] })
    expect(r.status).toBe('flagged')
    expect(await photosOf(id)).toEqual(first)
  })
})
