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
