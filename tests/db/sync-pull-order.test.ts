// A new phone at a big site (issue 13): within a pull run, what Home and the scanner need
// (people, assets, labels ...) comes before the long histories (custody events ...), whatever
// order the transactions wrote them in; a cursor from before the ranks begins its run again.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PulledChange } from '../../src/platform/sync/protocol'
import { createAsset, record } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { decodeCursor, makeOp, pull, pullAll, push } from './support/sync'

let db: TestDb
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const U = DEMO.users
const key = (c: PulledChange) => `${c.table}:${c.id}`
const out = (to: string) => ({ to_person: to, due_at: null, purpose: '测试', condition: 'good' })

describe('sync_pull run order', () => {
  it('sends the first tables before the histories, even rows written after the events', async () => {
    const early = await createAsset(db, 'equipment')
    await record(db, U.assetKeeper, early, 'check_out', out(U.employee))
    await record(db, U.assetKeeper, early, 'check_in', { condition: 'good' })
    // Written after those events: a plain transaction-order pull would send it after them.
    const late = await createAsset(db, 'equipment')

    const ranks = await db.query<{ name: string; pull_rank: number }>('select name, pull_rank from private.synced_tables')
    const rank = new Map(ranks.map((r) => [r.name, r.pull_rank]))
    const { changes, pages } = await pullAll(db, U.assetKeeper, null, 5)
    expect(pages.length).toBeGreaterThan(3)
    const seen = changes.map((c) => rank.get(c.table))
    expect(seen).toEqual([...seen].sort((a, b) => (a ?? 0) - (b ?? 0)))
    const firstEvent = changes.findIndex((c) => c.table === 'custody_events')
    const lastAsset = changes.map((c) => c.table === 'assets' || c.table === 'asset_labels').lastIndexOf(true)
    expect(firstEvent).toBeGreaterThan(lastAsset)
    expect(changes.some((c) => c.table === 'assets' && c.id === late)).toBe(true)
    expect(changes.filter((c) => c.table === 'custody_events' && c.row?.asset_id === early)).toHaveLength(2)
    expect(rank.get('profiles')).toBe(0)
    expect(rank.get('custody_events')).toBe(2)

    // Paging changes nothing of what arrives.
    const whole = await pull(db, U.assetKeeper, null, 2000)
    expect(whole.has_more).toBe(false)
    expect(changes.map(key)).toEqual(whole.changes.map(key))
  })

  it('resumes exactly at every position of the run (pages of 1 and 2), tables of one rank interleaved by transaction', async () => {
    // Two assets with a department (both rank 0) written between them: a page stopped on the
    // department must still send the later asset ('assets' sorts before 'departments'), and one
    // stopped on the first asset the department.
    const a1 = await createAsset(db, 'equipment')
    const dept = randomUUID()
    const [r] = await push(db, U.adminHead, [makeOp('department.upsert', dept, { site_id: DEMO.sites['SH-HQ'], code: 'IL1', name: 'IL1' })])
    expect(r?.status).toBe('applied')
    const a2 = await createAsset(db, 'equipment')
    const whole = await pull(db, U.adminHead, null, 2000)
    expect(whole.has_more).toBe(false)
    const tables = new Set(whole.changes.map((c) => c.table))
    expect([...tables]).toEqual(expect.arrayContaining(['assets', 'asset_labels', 'custody_events', 'profiles']))
    for (const size of [1, 2]) {
      const { changes, pages } = await pullAll(db, U.adminHead, null, size)
      expect(pages.length).toBe(Math.ceil(whole.changes.length / size))
      expect(changes.map(key)).toEqual(whole.changes.map(key))
    }
    // The run does interleave them (by transaction within rank 0).
    const order = whole.changes.map(key)
    const [i1, id, i2] = [`assets:${a1}`, `departments:${dept}`, `assets:${a2}`].map((k) => order.indexOf(k))
    expect(i1).toBeGreaterThanOrEqual(0)
    expect([i1, id, i2]).toEqual([...[i1, id, i2]].sort((a, b) => (a ?? 0) - (b ?? 0)))
  })

  it('a mid-run cursor without a rank (from before the ranks) begins the run again', async () => {
    const first = await pull(db, U.assetKeeper, null, 5)
    expect(first.has_more).toBe(true)
    const cur = decodeCursor(first.cursor) as { v: number; since: string; upper: string; after: Record<string, unknown> }
    expect(cur.after).toHaveProperty('k', 0)
    const { k: _k, ...oldAfter } = cur.after
    const old = Buffer.from(JSON.stringify({ ...cur, after: oldAfter })).toString('base64')
    const again = await pull(db, U.assetKeeper, old, 5)
    expect(again.changes.map(key)).toEqual(first.changes.map(key))
    const bad = Buffer.from(JSON.stringify({ ...cur, after: { ...cur.after, k: 'x' } })).toString('base64')
    await expect(pull(db, U.assetKeeper, bad, 5)).rejects.toThrow(/invalid cursor/)
  })
})
