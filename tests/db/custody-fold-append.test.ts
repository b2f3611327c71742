// The custody derivation appends (issue 8, point 11): an event that sorts after everything
// folded is one step from the stored position; one that arrives out of order folds the whole
// history. Either way the asset ends exactly where a fold of the whole history puts it.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAsset, eventOp, token } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { push } from './support/sync'

let db: TestDb
const U = DEMO.users
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const base = Date.now() - 24 * 3_600_000
const at = (min: number) => new Date(base + min * 60_000).toISOString()
const out = (to: string) => ({ to_person: to, due_at: at(24 * 60), purpose: '借用', condition: 'good' })

/** What the derivation wrote: the asset, its events' flags, its labels, and the stored position. */
async function snapshot(asset: string) {
  return db.query(
    `select to_jsonb(a) - 'updated_at' - 'row_xid' as asset,
            (select jsonb_agg(jsonb_build_array(ce.id, ce.flagged) order by ce.id) from public.custody_events ce where ce.asset_id = a.id) as flags,
            (select jsonb_agg(jsonb_build_array(l.token, l.status, l.replaced_at) order by l.token) from public.asset_labels l where l.asset_id = a.id) as labels,
            (select to_jsonb(f) from private.custody_folds f where f.asset_id = a.id) as fold
     from public.assets a where a.id = $1`, [asset],
  )
}

/** Folds the whole history again and says whether anything changed. */
async function refoldChanges(asset: string) {
  const before = await snapshot(asset)
  await db.query('select private.custody_derive($1)', [asset])
  return { before, after: await snapshot(asset) }
}

describe('appending equals folding everything', () => {
  it('in order (each event appended), with conflicts, a resolution and a new label', async () => {
    const first = token()
    const seal = await createAsset(db, 'seal', { label_token: first })
    const clash = randomUUID()
    const steps = [
      eventOp(seal, 'check_out', out(U.employee), at(1)),
      eventOp(seal, 'check_out', out(U.driver), at(2), clash), // conflict
      eventOp(seal, 'audit_seen', { location: '柜', condition: 'good', in_place: false }, at(3)),
      eventOp(seal, 'resolve_conflict', { conflict_ids: [clash], status: 'checked_out', holder_id: U.driver, due_at: null, note: '核实' }, at(4)),
      eventOp(seal, 'label_replaced', { new_token: token(), old_token: first }, at(5)),
      eventOp(seal, 'check_in', { condition: 'good' }, at(6)),
    ]
    for (const op of steps) {
      const [r] = await push(db, U.adminHead, [op])
      expect(['applied', 'flagged'], JSON.stringify(r)).toContain(r?.status)
    }
    const { before, after } = await refoldChanges(seal)
    expect(after).toEqual(before)
    expect((before[0] as { asset: { status: string; has_conflict: boolean } }).asset).toMatchObject({ status: 'in_stock', has_conflict: false })
  })

  it('out of order (an older scan synced late) refolds and still equals a full fold', async () => {
    const seal = await createAsset(db, 'seal')
    for (const op of [eventOp(seal, 'check_out', out(U.employee), at(10)), eventOp(seal, 'check_in', { condition: 'good' }, at(20))]) {
      await push(db, U.adminHead, [op])
    }
    const [late] = await push(db, U.adminHead, [eventOp(seal, 'check_out', out(U.driver), at(5))])
    expect(late?.status).toBe('flagged') // the later check-out now clashes with it
    const { before, after } = await refoldChanges(seal)
    expect(after).toEqual(before)
    const [next] = await push(db, U.adminHead, [eventOp(seal, 'check_out', out(U.executive), at(30))])
    expect(next?.status).toBe('applied')
    const again = await refoldChanges(seal)
    expect(again.after).toEqual(again.before)
  })
})
