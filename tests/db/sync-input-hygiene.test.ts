// Hostile input at the one write door (issue 8, point 7): one name per op kind (the old
// alias seal.usage_record is unknown), control and bidirectional characters refused in any
// text of a payload, numbers bounded (no 5,000-digit threshold), with the field named.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OpResult } from '../../src/platform/sync/protocol'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, push } from './support/sync'

let db: TestDb
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const HQ = DEMO.sites['SH-HQ'] as string
const admin = DEMO.users.adminHead
const dept = (name: string, code = `H${Math.floor(Math.random() * 1e6)}`) => makeOp('department.upsert', randomUUID(), { site_id: HQ, code, name })
const rule = (threshold: unknown) =>
  makeOp('reward_rule.upsert', randomUUID(), { name: '低分扣分', scope: 'area', period: 'month', kind: 'average_below', threshold, points: -2 })

/** sync_push with the ops as raw JSON text (numbers JavaScript cannot hold). */
const pushRaw = (json: string) =>
  db.asUser(admin, async (q) => (await q<{ r: OpResult[] }>('select public.sync_push($1::jsonb) as r', [json]))[0]?.r ?? [])

describe('op kinds', () => {
  it('have one name each: the alias seal.usage_record is an unknown kind', async () => {
    const [alias] = await push(db, DEMO.users.sealKeeper, [makeOp('seal.usage_record', randomUUID(), {})])
    expect(alias).toMatchObject({ status: 'refused', reason: 'unknown_kind', detail: 'kind: seal.usage_record' })
    const [real] = await push(db, DEMO.users.sealKeeper, [makeOp('seal_usage.record', randomUUID(), {})])
    expect(real).toMatchObject({ status: 'refused', reason: 'invalid' })
  })
})

describe('text', () => {
  it.each([
    ['a right-to-left override', '财务\u202E部'],
    ['a bidirectional isolate', '\u2066财务部\u2069'],
    ['a bell', '财务\u0007部'],
    ['a C1 control', '财务\u0085部'],
  ])('with %s is refused, naming the field; nothing is written', async (_name, name) => {
    const op = dept(name)
    const [r] = await push(db, admin, [op])
    expect(r).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(r?.detail).toMatch(/^name: control or bidirectional characters/)
    expect(await db.query('select 1 from public.departments where id = $1', [op.entity_id])).toEqual([])
  })

  it('deep in a payload is named by its path', async () => {
    const [r] = await push(db, DEMO.users.sealKeeper, [
      makeOp('custody.record', randomUUID(), { asset_id: randomUUID(), type: 'check_in', device_time: new Date().toISOString(), payload: { condition: 'good', note: 'ok\u200F' } }),
    ])
    expect(r).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(r?.detail).toMatch(/^payload\.note: control or bidirectional characters/)
  })

  it('with a tab, an emoji sequence and Chinese punctuation is fine', async () => {
    const [r] = await push(db, admin, [dept('财务部（一）\t👩‍💼')])
    expect(r?.status).toBe('applied')
  })
})

describe('numbers', () => {
  it('a 5,000-digit threshold is refused, naming the field', async () => {
    const op = rule('__BIG__')
    const [r] = await pushRaw(JSON.stringify([op]).replace('"__BIG__"', `50.${'0'.repeat(4998)}1`))
    expect(r).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(r?.detail).toMatch(/^threshold: number out of range/)
    expect(await db.query('select 1 from public.reward_rules where id = $1', [op.entity_id])).toEqual([])
  })

  it.each([['1e16', '1e16'], ['-1e16', '-1e16'], ['21 significant digits', '12.3456789012345678901']])('%s is refused', async (_name, raw) => {
    const [r] = await pushRaw(JSON.stringify([rule('__N__')]).replace('"__N__"', raw))
    expect(r).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(r?.detail).toMatch(/^threshold: number out of range/)
  })

  it('what a phone sends is fine: a double with 17 significant digits, trailing zeros', async () => {
    expect((await push(db, admin, [rule(0.1 + 0.2 + 60)]))[0]?.status).toBe('applied')
    expect((await pushRaw(JSON.stringify([rule('__N__')]).replace('"__N__"', '70.50000000000000000000')))[0]?.status).toBe('applied')
  })
})
