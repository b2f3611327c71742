// A user who gains a role or a site receives the older rows it shows (issue 8, point 9). The
// pull cursor is computed for the caller's roles and sites; when they change, the next pull
// starts over (applying rows again is idempotent on the device), so rows changed before the new
// role are not skipped.
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import Dexie from 'dexie'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../../src/platform/db'
import { buildOp, commitWithOutbox } from '../../src/platform/sync/outbox'
import { pullAll as devicePull } from '../../src/platform/sync/pull'
import { createSqlTransport } from '../support/sqlTransport'
import { makeUser } from './support/checklists'
import { createAsset, HQ, SZ } from './support/custody'
import { openTestDb, type TestDb } from './support/database'
import { decodeCursor, pull, pullAll } from './support/sync'

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

describe('losing a role or a site', () => {
  it('the first page of the new run says restart; the run no longer sends the lost site\'s rows', async () => {
    const keeper = await makeUser(db, 'asset_keeper', HQ, 'two-site-keeper')
    await db.query('insert into public.user_roles (user_id, role, site_id) values ($1, $2, $3)', [keeper, 'asset_keeper', SZ])
    const sz = await createAsset(db, 'equipment', { site_id: SZ })
    const first = await pullAll(db, keeper, null)
    expect(assetIds(first.changes)).toContain(sz)
    expect(first.pages.every((p) => !p.restart)).toBe(true)
    const same = await pull(db, keeper, first.cursor, 500)
    expect(same.restart).toBe(false)

    await db.query('update public.user_roles set deleted_at = now() where user_id = $1 and site_id = $2', [keeper, SZ])
    const after = await pullAll(db, keeper, first.cursor, 50)
    expect(after.pages[0]?.restart).toBe(true)
    expect(after.pages.slice(1).every((p) => !p.restart)).toBe(true)
    expect(assetIds(after.changes)).not.toContain(sz)
    expect(decodeCursor(after.cursor).who).not.toBe(decodeCursor(first.cursor).who)
  })

  it('the device drops the lost site\'s rows after the new run, and keeps the one with a pending op', async () => {
    const keeper = await makeUser(db, 'asset_keeper', HQ, 'losing-keeper')
    await db.query('insert into public.user_roles (user_id, role, site_id) values ($1, $2, $3)', [keeper, 'asset_keeper', SZ])
    const hq = await createAsset(db, 'equipment', { site_id: HQ })
    const szGone = await createAsset(db, 'equipment', { site_id: SZ })
    const szEdited = await createAsset(db, 'equipment', { site_id: SZ })
    const device = openDb(`roles-device-${randomUUID()}`)
    try {
      const transport = createSqlTransport(db, keeper)
      const pullPages = (cursor: string | null, max: number) => transport.pull(cursor, max)
      await devicePull(device, pullPages, 200)
      expect(await device.assets.bulkGet([hq, szGone, szEdited]).then((rows) => rows.map((r) => r?.id))).toEqual([hq, szGone, szEdited])

      // Edited offline while the keeper still held the site: the op is not pushed yet.
      const row = await device.assets.get(szEdited)
      const op = buildOp('asset.upsert', 'assets', szEdited, { name: '离线改名' })
      await commitWithOutbox(device, ['assets'], op, async () => {
        await device.assets.put({ ...row!, name: '离线改名' })
      })

      await db.query('update public.user_roles set deleted_at = now() where user_id = $1 and site_id = $2', [keeper, SZ])
      await devicePull(device, pullPages, 200)
      expect(await device.assets.get(szGone)).toBeUndefined()
      expect((await device.assets.get(szEdited))?.name).toBe('离线改名')
      expect((await device.assets.get(hq))?.id).toBe(hq)
      expect((await device.outbox.where('op_id').equals(op.op_id).first())?.status).toBe('pending')
    } finally {
      device.close()
      await Dexie.delete(device.name)
    }
  })
})
