// A user who gains a role or a site receives the older rows it shows (issue 8, point 9). The
// pull cursor is computed for the caller's roles and sites; when they change, the next pull
// starts over (applying rows again is idempotent on the device), so rows changed before the new
// role are not skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeUser } from './support/checklists'
import { createAsset, HQ, SZ } from './support/custody'
import { openTestDb, type TestDb } from './support/database'
import { pullAll } from './support/sync'

let db: TestDb
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const assetIds = (changes: { table: string; id: string }[]) => changes.filter((c) => c.table === 'assets').map((c) => c.id)

describe('the pull cursor and the caller\'s roles', () => {
  it('a keeper given a second site receives that site\'s older assets on the next pull', async () => {
    const keeper = await makeUser(db, 'asset_keeper', HQ, 'keeper')
    const older = await createAsset(db, 'equipment', { site_id: SZ })
    const first = await pullAll(db, keeper, null)
    expect(assetIds(first.changes)).not.toContain(older)

    // Nothing changed: the cursor carries on where it was.
    const again = await pullAll(db, keeper, first.cursor)
    expect(assetIds(again.changes)).not.toContain(older)

    await db.query('insert into public.user_roles (user_id, role, site_id) values ($1, $2, $3)', [keeper, 'asset_keeper', SZ])
    const after = await pullAll(db, keeper, again.cursor)
    expect(assetIds(after.changes)).toContain(older)

    // And from there on it is incremental again.
    const later = await pullAll(db, keeper, after.cursor)
    expect(assetIds(later.changes)).not.toContain(older)
  })

  it('a new role (not a new site) counts too', async () => {
    const person = await makeUser(db, 'employee', SZ, 'newly-keeper')
    const older = await createAsset(db, 'equipment', { site_id: SZ })
    const first = await pullAll(db, person, null)
    expect(assetIds(first.changes)).not.toContain(older)
    await db.query('insert into public.user_roles (user_id, role, site_id) values ($1, $2, $3)', [person, 'asset_keeper', SZ])
    expect(assetIds((await pullAll(db, person, first.cursor)).changes)).toContain(older)
  })

  it('another user\'s cursor is not taken as this user\'s', async () => {
    const a = await makeUser(db, 'employee', HQ, 'a')
    const b = await makeUser(db, 'asset_keeper', SZ, 'b')
    const older = await createAsset(db, 'equipment', { site_id: SZ })
    const fromA = await pullAll(db, a, null)
    expect(assetIds((await pullAll(db, b, fromA.cursor)).changes)).toContain(older)
  })
})
