// Losing a role or a site (issue 8): the server begins a new pull run from the start and says
// 'restart'; when that run is complete the device drops the synced rows it did not send, and
// keeps every row with an op the server has not accepted. A run cut short is pulled again in full.
import { describe, expect, it } from 'vitest'
import { CURSOR_KEY, type PulledChange, type PullPage } from '@/platform/sync'
import { applyPage, pullAll } from '@/platform/sync/pull'
import { SWEEP_KEY } from '@/platform/sync/sweep'
import { getMeta } from '@/platform/db'
import { dept } from './helpers'
import { saveDept, setup } from './engineSetup'

const change = (id: string): PulledChange => ({ table: 'departments', id, row: { ...dept(id, id) }, deleted: false })

/** A pull that serves `pages` in turn (then empty pages) and records the cursors it was asked with. */
function serve(pages: (PullPage | Error)[]) {
  const asked: (string | null)[] = []
  const pull = async (cursor: string | null): Promise<PullPage> => {
    asked.push(cursor)
    const p = pages.shift() ?? { changes: [], cursor: cursor ?? 'z', has_more: false }
    if (p instanceof Error) throw p
    return p
  }
  return { pull, asked }
}

async function deviceWith(ids: string[]) {
  const { db } = setup()
  await applyPage(db, ids.map(change), 'c0')
  return db
}

const ids = async (db: Awaited<ReturnType<typeof deviceWith>>) => (await db.departments.toCollection().primaryKeys()).sort()

describe('pull: dropping rows no longer visible', () => {
  it('after a restarted run the rows it did not send are gone; rows with pending or refused ops stay', async () => {
    const db = await deviceWith(['seen', 'gone', 'also-gone'])
    await saveDept(db, 'pending')
    const refused = await saveDept(db, 'refused')
    await db.outbox.where('op_id').equals(refused.op_id).modify({ status: 'refused', reason: 'forbidden' })
    const settled = await saveDept(db, 'settled-but-hidden')
    await db.outbox.where('op_id').equals(settled.op_id).modify({ status: 'applied', settled_at: '2025-01-01T00:00:00.000Z' })

    const { pull } = serve([
      { changes: [change('seen')], cursor: 'r1', has_more: true, restart: true },
      { changes: [change('new')], cursor: 'r2', has_more: false },
    ])
    await pullAll(db, pull, 10)
    expect(await ids(db)).toEqual(['new', 'pending', 'refused', 'seen'])
    expect(await db.outbox.count()).toBe(3) // the outbox itself is untouched
    expect(await getMeta(db, SWEEP_KEY)).toBeUndefined()
    expect(await getMeta(db, CURSOR_KEY)).toBe('r2')
  })

  it('an ordinary pull drops nothing', async () => {
    const db = await deviceWith(['a', 'b'])
    const { pull } = serve([{ changes: [change('c')], cursor: 'c1', has_more: false }])
    await pullAll(db, pull, 10)
    expect(await ids(db)).toEqual(['a', 'b', 'c'])
  })

  it('a restarted run cut short: the sweep stays due, and the next pull starts over and sweeps', async () => {
    const db = await deviceWith(['seen', 'gone'])
    const first = serve([{ changes: [change('seen')], cursor: 'r1', has_more: true, restart: true }, new Error('network')])
    await expect(pullAll(db, first.pull, 10)).rejects.toThrow('network')
    expect(await getMeta(db, SWEEP_KEY)).toBe(true)
    expect(await ids(db)).toEqual(['gone', 'seen']) // not yet: the run is not complete

    const second = serve([
      { changes: [change('seen')], cursor: 'f1', has_more: true },
      { changes: [change('later')], cursor: 'f2', has_more: false },
    ])
    await pullAll(db, second.pull, 10)
    expect(second.asked[0]).toBeNull() // from the beginning, to know all that is visible
    expect(await ids(db)).toEqual(['later', 'seen'])
    expect(await getMeta(db, SWEEP_KEY)).toBeUndefined()
  })

  it('through the sync engine: the refused op stays for the user to see, the other site\'s row goes', async () => {
    const { db, server, make } = setup()
    await applyPage(db, [change('old-site')], 'c0')
    // Recorded before the role was lost; the server now refuses it (it lands in needs-attention).
    const mine = await saveDept(db, 'mine')
    server.refuse = (op) => (op.op_id === mine.op_id ? { op_id: op.op_id, status: 'refused', reason: 'forbidden' } : null)
    server.pages = [{ changes: [change('new-site')], cursor: 'n1', has_more: false, restart: true }]
    await make().syncNow()
    expect(server.pullCalls).toEqual(['c0'])
    expect(await ids(db)).toEqual(['mine', 'new-site'])
    expect((await db.outbox.where('op_id').equals(mine.op_id).first())?.status).toBe('refused')
  })
})
