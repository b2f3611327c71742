// round.record (保洁记录) and round.review (remote photo scoring): who may, the derived
// review on the round, later reviews standing over older ones, and append-only facts.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AREAS, SZ, act, createArea, makeUser } from './support/checklists'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, push } from './support/sync'

let db: TestDb
const U = DEMO.users
const WASHROOM = AREAS['3F 男卫生间'] as string
const CANTEEN = AREAS['员工食堂'] as string
let szCleaner: string

beforeAll(async () => {
  db = await openTestDb()
  szCleaner = await makeUser(db, 'cleaner', SZ, 'sz-cleaner')
})
afterAll(() => db?.close())

const roundPayload = (area: string, extra: Record<string, unknown> = {}) => ({
  area_id: area,
  done_at: new Date(Date.now() - 5 * 60_000).toISOString(),
  via: 'scan',
  photo_ids: [randomUUID()],
  note: '已清洁',
  ...extra,
})
const record = async (user: string, area: string, extra: Record<string, unknown> = {}) => act(db, user, 'round.record', roundPayload(area, extra))
const review = (user: string, roundId: string, p: Record<string, unknown>, at?: string) =>
  act(db, user, 'round.review', { round_id: roundId, score: 90, decision: 'accepted', ...p }, at)
const roundRow = async (id: string) =>
  (await db.query('select review_status, review_score::float8 as review_score, review_comment, reviewed_by from public.cleaning_rounds where id = $1', [id]))[0]

describe('round.record', () => {
  it('the responsible cleaner records a round with its "after" photo; it starts pending', async () => {
    const r = await record(U.cleaner, WASHROOM)
    expect(r.status).toBe('applied')
    const [row] = await db.query('select cleaner_id, via, cardinality(photo_ids)::int as photos, note, review_status from public.cleaning_rounds where id = $1', [r.id])
    expect(row).toEqual({ cleaner_id: U.cleaner, via: 'scan', photos: 1, note: '已清洁', review_status: 'pending' })
  })

  it('any cleaner of the area\'s site may record it; a cleaner of another site, or a non-cleaner, may not', async () => {
    expect((await record(szCleaner, CANTEEN)).status).toBe('applied')
    expect(await record(szCleaner, WASHROOM)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    for (const u of [U.employee, U.inspector, U.driver]) expect(await record(u, WASHROOM)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    // The responsible person without the cleaner role (a gardener on another contract) may.
    const gardener = await makeUser(db, 'employee', null, 'gardener')
    const lawn = await createArea(db, { area_type: 'lawn', template_code: 'greening', responsible_id: gardener })
    expect((await record(gardener, lawn)).status).toBe('applied')
  })

  it('needs a photo, a known area, and is recorded as the caller', async () => {
    expect(await record(U.cleaner, WASHROOM, { photo_ids: [] })).toMatchObject({ status: 'refused', reason: 'invalid', detail: 'photo_ids: at least one "after" photo' })
    expect(await record(U.cleaner, randomUUID())).toMatchObject({ status: 'refused', reason: 'not_found' })
    expect(await record(U.cleaner, WASHROOM, { cleaner_id: szCleaner })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await record(U.cleaner, WASHROOM, { via: 'gps' })).toMatchObject({ status: 'refused', reason: 'invalid' })
  })

  it('is idempotent by round id; other content with its id is refused', async () => {
    const id = randomUUID()
    const p = roundPayload(WASHROOM)
    const op = makeOp('round.record', id, p)
    expect((await push(db, U.cleaner, [op]))[0]?.status).toBe('applied')
    expect((await push(db, U.cleaner, [op]))[0]?.status).toBe('duplicate')
    expect((await push(db, U.cleaner, [makeOp('round.record', id, p)]))[0]?.status).toBe('duplicate')
    expect((await push(db, U.cleaner, [makeOp('round.record', id, { ...p, note: '改了' })]))[0]).toMatchObject({ status: 'refused', reason: 'invalid' })
  })
})

describe('round.review', () => {
  it('an inspector scores the photos: accepted or sent back, shown on the round', async () => {
    const a = await record(U.cleaner, WASHROOM)
    expect((await review(U.inspector, a.id, { score: 92, comment: '很好' })).status).toBe('applied')
    expect(await roundRow(a.id)).toEqual({ review_status: 'accepted', review_score: 92, review_comment: '很好', reviewed_by: U.inspector })
    const b = await record(U.cleaner, WASHROOM)
    expect((await review(U.adminHead, b.id, { score: 40, decision: 'sent_back', comment: '镜面有水渍' })).status).toBe('applied')
    expect(await roundRow(b.id)).toMatchObject({ review_status: 'sent_back', review_score: 40, reviewed_by: U.adminHead })
  })

  it('the latest review by device time stands; an older one is kept and flagged', async () => {
    const r = await record(U.cleaner, WASHROOM)
    const t = Date.now()
    expect((await review(U.inspector, r.id, { score: 50, decision: 'sent_back' }, new Date(t).toISOString())).status).toBe('applied')
    const old = await review(U.adminHead, r.id, { score: 95 }, new Date(t - 60_000).toISOString())
    expect(old).toMatchObject({ status: 'flagged', detail: 'round: a later review already stands' })
    expect(await roundRow(r.id)).toMatchObject({ review_status: 'sent_back', review_score: 50, reviewed_by: U.inspector })
    expect((await review(U.adminHead, r.id, { score: 80 }, new Date(t + 60_000).toISOString())).status).toBe('applied')
    expect(await roundRow(r.id)).toMatchObject({ review_status: 'accepted', review_score: 80, reviewed_by: U.adminHead })
    const [n] = await db.query<{ n: number }>('select count(*)::int as n from public.round_reviews where round_id = $1', [r.id])
    expect(n?.n).toBe(3)
  })

  it('cleaners and inspectors of another site may not review; bad scores are refused', async () => {
    const r = await record(U.cleaner, WASHROOM)
    expect(await review(U.cleaner, r.id, {})).toMatchObject({ status: 'refused', reason: 'forbidden' })
    const szInspector = await makeUser(db, 'inspector', SZ, 'sz-inspector')
    expect(await review(szInspector, r.id, {})).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await review(U.inspector, r.id, { score: 101 })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await review(U.inspector, r.id, { score: 7.5 })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await review(U.inspector, r.id, { decision: 'maybe' })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await review(U.inspector, randomUUID(), {})).toMatchObject({ status: 'refused', reason: 'not_found' })
    expect(await roundRow(r.id)).toMatchObject({ review_status: 'pending', reviewed_by: null })
  })

  it('rounds and reviews are append-only; only the derived review columns move', async () => {
    const r = await record(U.cleaner, WASHROOM)
    await review(U.inspector, r.id, {})
    await expect(db.query('update public.cleaning_rounds set note = $2 where id = $1', [r.id, 'x'])).rejects.toThrow(/append-only/)
    await expect(db.query('delete from public.cleaning_rounds where id = $1', [r.id])).rejects.toThrow(/append-only/)
    await expect(db.query('update public.round_reviews set score = 1 where round_id = $1', [r.id])).rejects.toThrow(/append-only/)
    await expect(db.asUser(U.inspector, (q) => q(`update public.cleaning_rounds set review_status = 'accepted' where id = $1`, [r.id]))).rejects.toThrow(/permission denied/)
  })
})
