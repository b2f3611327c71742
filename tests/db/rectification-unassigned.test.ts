// A task on an area with no responsible person (the demo's green belts) has no assignee:
// the admin head of the area's site records its fix, so it can ever be closed.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AREAS, GREENING, act, fail, inspect, rect } from './support/checklists'
import { DEMO, openTestDb, type TestDb } from './support/database'

let db: TestDb
const U = DEMO.users
const GREEN_BELT = AREAS['东侧绿化带'] as string

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const fix = (id: string, user: string) =>
  act(db, user, 'rectification.fix', { rectification_id: id, note: '已清理', photo_ids: [randomUUID()] })

describe('unassigned rectification', () => {
  it('is fixed by the admin head of its site, refused for anyone else, then verified', async () => {
    const p = await inspect(db, GREEN_BELT, { no_weeds: fail() }, U.inspector, GREENING)
    const id = p.rectifications[0]?.id as string
    expect(await rect(db, id)).toMatchObject({ status: 'open', assignee_id: null })

    for (const user of [U.cleaner, U.inspector, U.employee]) {
      expect(await fix(id, user)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    }
    expect(await rect(db, id)).toMatchObject({ status: 'open' })

    expect((await fix(id, U.adminHead)).status).toBe('applied')
    expect(await rect(db, id)).toMatchObject({ status: 'fixed' })
    const v = await act(db, U.inspector, 'rectification.verify', { rectification_id: id, decision: 'closed' })
    expect(v.status).toBe('applied')
    expect(await rect(db, id)).toMatchObject({ status: 'closed' })
  })
})
