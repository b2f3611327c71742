// Issue #12 point 6 on the server: an inspection keeps who was responsible for the area when
// it arrived (the same person its rectifications are assigned to); a later change of the area's
// responsible person does not move past inspections.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { areaPayload, createArea, inspect, makeUser } from './support/checklists'
import { HQ } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, push } from './support/sync'

let db: TestDb
const U = DEMO.users

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

describe('inspections.responsible_id', () => {
  it('is the area\'s responsible person at submission, and stays when the area changes hands', async () => {
    const li = await makeUser(db, 'cleaner', HQ, 'li')
    const payload = areaPayload({ responsible_id: li })
    const areaId = await createArea(db, payload)
    const first = await inspect(db, areaId)
    const [r] = await push(db, U.adminHead, [makeOp('area.upsert', areaId, { ...payload, responsible_id: U.cleaner })])
    expect(r?.status).toBe('applied')
    const second = await inspect(db, areaId)
    const rows = await db.query<{ id: string; responsible_id: string | null }>(
      'select id, responsible_id from public.inspections where area_id = $1 order by submitted_at, id', [areaId])
    expect(new Map(rows.map((x) => [x.id, x.responsible_id]))).toEqual(new Map([[first.id, li], [second.id, U.cleaner]]))
  })

  it('is null for an area with nobody responsible', async () => {
    const areaId = await createArea(db, { responsible_id: null, label_token: undefined, name: `无人 ${randomUUID().slice(0, 6)}` })
    const p = await inspect(db, areaId)
    expect(await db.query('select responsible_id from public.inspections where id = $1', [p.id])).toEqual([{ responsible_id: null }])
  })
})
