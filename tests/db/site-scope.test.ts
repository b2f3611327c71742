// A site-scoped admin head acts for their site only (issue 8, point 4). Company-wide things
// (reward rules, checklist templates, the ledger's publications, ranking settings) belong to
// company-wide roles; the audit log shows a site-scoped head only the rows of records their
// site's tables show them.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SANITATION_V1 } from '@/features/inspections/domain'
import { act, makeUser } from './support/checklists'
import { createAsset, HQ, SZ } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'

let db: TestDb
let szHead: string
const U = DEMO.users
beforeAll(async () => {
  db = await openTestDb()
  szHead = await makeUser(db, 'admin_head', SZ, 'sz-head')
})
afterAll(() => db?.close())

const rule = () => ({ name: '站点奖励', scope: 'area', period: 'month', kind: 'average_at_least', threshold: 95, points: 2 })
const template = () => ({ ...SANITATION_V1, code: `site_${randomUUID().slice(0, 8)}`, version: 1 })

describe('company-wide writes need a company-wide role', () => {
  it('a site-scoped admin head may not create reward rules or templates, publish the ledger or set rankings', async () => {
    const company = ((await db.query<{ id: string }>('select id from public.company'))[0] as { id: string }).id
    const cases: [string, string, Record<string, unknown>][] = [
      ['reward_rule.upsert', randomUUID(), rule()],
      ['template.upsert', randomUUID(), template()],
      ['ledger.publish', randomUUID(), { publication_id: randomUUID(), period_key: '2025-01', entries: [] }],
      ['ranking_settings.update', company, { rank_min_week: 3 }],
    ]
    for (const [kind, id, payload] of cases) {
      const r = await act(db, szHead, kind, payload, undefined, id)
      expect(r, kind).toMatchObject({ status: 'refused', reason: 'forbidden', detail: expect.stringMatching(/company-wide/) })
    }
    const [n] = await db.query<{ rules: number; templates: number }>(
      `select (select count(*)::int from public.reward_rules where id = $1) as rules,
              (select count(*)::int from public.checklist_templates where id = $2) as templates`, [cases[0]?.[1], cases[1]?.[1]])
    expect(n).toEqual({ rules: 0, templates: 0 })
  })

  it('the company-wide admin head still may', async () => {
    expect((await act(db, U.adminHead, 'reward_rule.upsert', rule())).status).toBe('applied')
    expect((await act(db, U.adminHead, 'template.upsert', template())).status).toBe('applied')
  })
})

describe('the audit log follows the tables', () => {
  it('a site-scoped admin head reads audit rows of their site\'s records, not the other site\'s', async () => {
    const hq = await createAsset(db, 'equipment', { site_id: HQ })
    const sz = await createAsset(db, 'equipment', { site_id: SZ })
    const seen = (user: string) =>
      db.asUser(user, (q) =>
        q<{ row_id: string }>(`select distinct row_id from public.audit_log where row_id = any($1::uuid[])`, [[hq, sz]]),
      )
    expect((await seen(szHead)).map((r) => r.row_id)).toEqual([sz])
    expect((await seen(U.adminHead)).map((r) => r.row_id).sort()).toEqual([hq, sz].sort())
    expect(await seen(U.employee)).toEqual([])
  })
})

describe('phone numbers in the audit log', () => {
  it('an audited profile row shows no phone number (a site-scoped head read the other site\'s); the history is kept apart', async () => {
    const hqPerson = await makeUser(db, 'employee', HQ, 'hq-person')
    const szPerson = await makeUser(db, 'employee', SZ, 'sz-person')
    const phones = { [hqPerson]: '13800000001', [szPerson]: '13900000002' }
    for (const [id, site] of [[hqPerson, HQ], [szPerson, SZ]] as const) {
      await db.query('update public.profiles set site_id = $2, phone = $3 where id = $1', [id, site, phones[id]])
      await db.query("update public.profiles set phone = $2 || '9' where id = $1", [id, phones[id]])
    }
    const phonesSeen = (user: string) =>
      db.asUser(user, async (q) => {
        const rows = await q<{ row_id: string; old_row: unknown; new_row: unknown }>(
          `select row_id, old_row, new_row from public.audit_log where table_name = 'profiles' and row_id = any($1::uuid[])`,
          [[hqPerson, szPerson]],
        )
        const text = JSON.stringify(rows)
        return Object.entries(phones)
          .filter(([, phone]) => text.includes(phone))
          .map(([id]) => id)
          .sort()
      })
    // RLS chooses rows, not keys in a JSON value: no reader gets phones from the audit log
    // (the current phone is authz.profile_phone's to give).
    expect(await phonesSeen(szHead)).toEqual([])
    expect(await phonesSeen(U.adminHead)).toEqual([])
    // The history of the numbers is kept, out of the clients' reach.
    const kept = await db.query<{ row_id: string; old_values: { phone?: string } | null; new_values: { phone?: string } | null }>(
      `select a.row_id, w.old_values, w.new_values from private.audit_withheld w join public.audit_log a on a.id = w.audit_id
       where a.row_id = $1 order by a.id`,
      [hqPerson],
    )
    expect(kept.map((k) => k.new_values?.phone)).toEqual(expect.arrayContaining([phones[hqPerson], `${phones[hqPerson]}9`]))
    expect(kept.at(-1)?.old_values?.phone).toBe(phones[hqPerson])
    await expect(db.asUser(U.adminHead, (q) => q('select * from private.audit_withheld'))).rejects.toThrow(/permission denied/)
    // A profile change without a phone in it is still there for the SZ head.
    await db.query("update public.profiles set display_name = '换名' where id = $1", [hqPerson])
    const named = await db.asUser(szHead, (q) =>
      q<{ n: number }>(
        `select count(*)::int as n from public.audit_log where table_name = 'profiles' and row_id = $1 and new_row ->> 'display_name' = '换名'`,
        [hqPerson],
      ),
    )
    expect(named[0]?.n).toBe(1)
  })
})
