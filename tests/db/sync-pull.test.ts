// sync_pull: full and incremental pulls, tombstones, paging, RLS filtering.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PulledChange } from '../../src/platform/sync/protocol'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { decodeCursor, makeOp, pull, pullAll, push } from './support/sync'

let db: TestDb
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const HQ = DEMO.sites['SH-HQ'] as string
const admin = DEMO.users.adminHead
const emp = DEMO.users.employee
const key = (c: PulledChange) => `${c.table}:${c.id}`
const tally = (changes: PulledChange[]) =>
  changes.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.table]: (acc[c.table] ?? 0) + 1 }), {})
const newDepartment = async (code: string) => {
  const id = randomUUID()
  const [r] = await push(db, admin, [makeOp('department.upsert', id, { site_id: HQ, code, name: code })])
  expect(r?.status).toBe('applied')
  return id
}

describe('sync_pull', () => {
  it('a null cursor pulls everything the user may read, in one run', async () => {
    const page = await pull(db, emp, null, 2000)
    expect(page.has_more).toBe(false)
    expect(tally(page.changes)).toEqual({ company: 1, sites: 2, departments: 5, profiles: 10, user_roles: 1, checklist_templates: 5, reward_rules: 2,
      // the demo employee lives in a dormitory: their stay, its event, and the building, room and beds while it lasts,
      // and the room's two labelled keys (handed over at check-in) with their labels
      dorm_buildings: 1, dorm_rooms: 1, dorm_beds: 4, dorm_stays: 1, dorm_bed_events: 1, assets: 2, asset_labels: 2 })
    const mine = page.changes.find((c) => c.table === 'profiles' && c.id === emp)
    expect(mine).toMatchObject({ deleted: false, row: { id: emp, display_name: '郑浩', phone: '13800000010' } })
    expect(mine?.row).not.toHaveProperty('row_xid')
    expect(page.changes.find((c) => c.table === 'user_roles')?.row).toMatchObject({ user_id: emp, role: 'employee' })
    expect(new Set(page.changes.map(key)).size).toBe(page.changes.length)
  })

  it('RLS decides: the head of administration also gets everyone\'s roles', async () => {
    const page = await pull(db, admin, null, 2000)
    expect(tally(page.changes).user_roles).toBe(10)
  })

  it('with a cursor: nothing new gives nothing; a change gives just that row', async () => {
    const { cursor } = await pullAll(db, emp, null)
    expect((await pull(db, emp, cursor)).changes).toEqual([])
    const id = await newDepartment('INC')
    const page = await pull(db, emp, cursor)
    expect(page.changes).toEqual([
      { table: 'departments', id, deleted: false, row: expect.objectContaining({ id, code: 'INC', site_id: HQ }) },
    ])
    expect((await pull(db, emp, page.cursor)).changes).toEqual([])
  })

  it('a deletion arrives as a tombstone: row null, deleted true', async () => {
    const id = await newDepartment('TOMB')
    const { cursor } = await pullAll(db, emp, null)
    await push(db, admin, [makeOp('department.delete', id, {})])
    expect((await pull(db, emp, cursor)).changes).toEqual([{ table: 'departments', id, row: null, deleted: true }])
  })

  it('small pages cover the same rows as one big page, none lost or repeated', async () => {
    const whole = await pull(db, admin, null, 2000)
    const { pages, changes } = await pullAll(db, admin, null, 3)
    // max_rows + 1 is read to know has_more, so no empty trailing page.
    expect(pages.length).toBe(Math.ceil(whole.changes.length / 3))
    expect(pages.length).toBeGreaterThanOrEqual(5)
    for (const p of pages) expect(p.changes.length).toBeLessThanOrEqual(3)
    expect(changes.map(key)).toEqual(whole.changes.map(key))
    // The run ends at the horizon of its own start (the snapshot's xmin), which another transaction
    // anywhere on the server may have moved on since the big pull: not before it, same caller.
    const last = decodeCursor(pages.at(-1)!.cursor)
    const big = decodeCursor(whole.cursor)
    expect({ v: last.v, who: last.who }).toEqual({ v: 1, who: big.who })
    expect(BigInt(last.since)).toBeGreaterThanOrEqual(BigInt(big.since))
  })

  it('rows changed in the middle of a paged run still arrive, in their latest state', async () => {
    const { cursor: start } = await pullAll(db, emp, null)
    const ids = [await newDepartment('M1'), await newDepartment('M2'), await newDepartment('M3')]
    const first = await pull(db, emp, start, 1)
    expect(first.has_more).toBe(true)
    // Change one already sent and one not yet sent, while the run is open.
    await push(db, admin, ids.map((id, i) => makeOp('department.upsert', id, { site_id: HQ, code: `M${i + 1}`, name: `改${i + 1}` })))
    const rest = await pullAll(db, emp, first.cursor, 1)
    const next = await pullAll(db, emp, rest.cursor, 1)
    const seen = new Map<string, unknown>()
    for (const c of [...first.changes, ...rest.changes, ...next.changes]) seen.set(c.id, (c.row as { name?: string } | null)?.name)
    expect(ids.map((id) => seen.get(id))).toEqual(['改1', '改2', '改3'])
  })

  it('caps max_rows to 1..2000', async () => {
    expect((await pull(db, emp, null, 0)).changes).toHaveLength(1)
    expect((await pull(db, emp, null, -5)).changes).toHaveLength(1)
    const big = await pull(db, emp, null, 1_000_000)
    expect(big.has_more).toBe(false)
  })

  it('refuses a cursor it did not make, and anon', async () => {
    await expect(pull(db, emp, 'not-a-cursor')).rejects.toMatchObject({ code: '22023' })
    const forged = Buffer.from(JSON.stringify({ v: 1, since: 'x' })).toString('base64')
    await expect(pull(db, emp, forged)).rejects.toMatchObject({ code: '22023' })
    const future = Buffer.from(JSON.stringify({ v: 1, since: '999999999999' })).toString('base64')
    await expect(pull(db, emp, future)).rejects.toThrow(/another database/)
    await expect(db.asAnon((q) => q('select public.sync_pull(null, 10)'))).rejects.toThrow(/permission denied/)
  })
})
