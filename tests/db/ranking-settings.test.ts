// Issue #12 point 4 on the server: the admin head sets the minimum number of inspections to
// rank (per week and per month, on the company row every device pulls); nobody else may.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { act } from './support/checklists'
import { DEMO, openTestDb, type TestDb } from './support/database'

let db: TestDb
const U = DEMO.users
let company: string

beforeAll(async () => {
  db = await openTestDb()
  company = ((await db.query<{ id: string }>('select id from public.company'))[0] as { id: string }).id
})
afterAll(() => db?.close())

const settings = () => db.query('select rank_min_week, rank_min_month from public.company where id = $1', [company])
const update = (payload: Record<string, unknown>, user: string = U.adminHead, id = company) => act(db, user, 'ranking_settings.update', payload, undefined, id)

describe('ranking_settings.update', () => {
  it('defaults to 1 (everyone ranks); the admin head sets each period kind', async () => {
    expect(await settings()).toEqual([{ rank_min_week: 1, rank_min_month: 1 }])
    expect((await update({ rank_min_week: 3, rank_min_month: 10 })).status).toBe('applied')
    expect(await settings()).toEqual([{ rank_min_week: 3, rank_min_month: 10 }])
    expect((await update({ rank_min_month: 8 })).status).toBe('applied')
    expect(await settings()).toEqual([{ rank_min_week: 3, rank_min_month: 8 }])
  })

  it('refuses anyone else, a bad number, another row', async () => {
    expect(await update({ rank_min_week: 2 }, U.inspector)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await update({ rank_min_week: 0 })).toMatchObject({ status: 'refused', reason: 'invalid', detail: expect.stringMatching(/rank_min_week/) })
    expect(await update({ rank_min_month: 2.5 })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await update({ rank_min_month: 2, extra: 1 })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await update({ rank_min_week: 2 }, U.adminHead, '00000000-0000-4000-8000-000000000000')).toMatchObject({ status: 'refused', reason: 'not_found' })
    expect(await settings()).toEqual([{ rank_min_week: 3, rank_min_month: 8 }])
  })
})
