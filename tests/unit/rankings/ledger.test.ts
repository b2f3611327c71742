import { beforeEach, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import type { RewardRuleRow } from '@/platform/db/rows'
import { pendingEntityIds } from '@/platform/sync'
import { ledgerCsv } from '@/features/inspections/domain/rewards'
import { CSV_BOM } from '@/shared/lib/csv'
import { previewLedger, publishLedger, ledgerOf } from '@/features/rankings/data/ledger'
import { loadDirectory } from '@/features/rankings/data/rankingData'
import { saveRule } from '@/features/rankings/data/rewardRules'
import { ledgerFileName } from '@/features/rankings/data/download'
import { ruleSchema } from '@/features/rankings/domain/ruleSchema'
import { freshDb } from '../features/testDb'
import { HEAD, area, inspection } from '../rectification/fixtures'

let db: AdminFieldDb
/** After March 2026 has ended (its ledger may be published). */
const AFTER = new Date('2026-04-02T00:00:00Z')

const rule = (over: Partial<RewardRuleRow>) =>
  ruleSchema.parse({ id: crypto.randomUUID(), name: '月均分低于 70 扣分', scope: 'area', period: 'month', kind: 'average_below', threshold: 70, rank_n: null, points: -5, active: true, ...over })

async function seedMonth() {
  const good = area({ name: '大堂' })
  const bad = area({ name: '男卫生间' })
  await db.areas.bulkAdd([good, bad])
  const ins = [
    inspection(good.id, { submitted_at: '2026-03-02T01:00:00.000Z', score: 95 }),
    inspection(bad.id, { submitted_at: '2026-03-03T01:00:00.000Z', score: 60 }),
    inspection(bad.id, { submitted_at: '2026-03-10T01:00:00.000Z', score: 70 }),
  ]
  await db.inspections.bulkAdd(ins)
  return { good, bad, ins }
}

beforeEach(() => {
  db = freshDb()
})

describe('reward rules', () => {
  it('validates with translated keys: threshold for average kinds, rank for rank kinds, points never 0', () => {
    const bad = ruleSchema.safeParse({ id: crypto.randomUUID(), name: ' ', scope: 'area', period: 'month', kind: 'top_rank', threshold: null, rank_n: null, points: 0, active: true })
    expect(bad.success).toBe(false)
    const keys = bad.error!.issues.map((i) => i.message).sort()
    expect(keys).toEqual(['rankings.errors.points', 'rankings.errors.rank', 'rankings.errors.required'])
    expect(rule({ kind: 'top_rank', rank_n: 1, threshold: 70 })).toMatchObject({ threshold: null, rank_n: 1 })
  })

  it('saves the row and a reward_rule.upsert op in one go', async () => {
    const r = rule({})
    await saveRule(db, r)
    expect(await db.reward_rules.get(r.id)).toMatchObject({ name: r.name, points: -5 })
    const ops = await db.outbox.toArray()
    expect(ops.map((o) => [o.kind, o.entity_id])).toEqual([['reward_rule.upsert', r.id]])
    expect(ops[0]!.payload).toEqual({ id: r.id, name: r.name, scope: 'area', period: 'month', kind: 'average_below', threshold: 70, rank_n: null, points: -5, active: true })
  })
})

describe('rules → ledger', () => {
  it('previews the entries with the figure and the inspections behind it, publishes them once', async () => {
    const { good, bad, ins } = await seedMonth()
    const penalty = rule({})
    const top = rule({ name: '第一名奖励', kind: 'top_rank', rank_n: 1, threshold: null, points: 10 })
    await db.reward_rules.bulkAdd([{ ...penalty, updated_at: '', deleted_at: null }, { ...top, updated_at: '', deleted_at: null }])
    const dir = await loadDirectory(db)
    const rules = [{ ...penalty, updated_at: '', deleted_at: null }, { ...top, updated_at: '', deleted_at: null }]
    const p = await previewLedger(db, dir, rules, '2026-03', AFTER)
    expect(p.plan.kind).toBe('first')
    const bySubject = Object.fromEntries(p.drafts.map((d) => [d.subject_id, d]))
    expect(bySubject[bad.id]).toMatchObject({ rule_id: penalty.id, points: -5, value: 65, inspection_ids: [ins[1]!.id, ins[2]!.id] })
    expect(bySubject[good.id]).toMatchObject({ rule_id: top.id, points: 10, value: 95, inspection_ids: [ins[0]!.id] })

    const rows = await publishLedger(db, '2026-03', p.plan, HEAD)
    expect(rows).toHaveLength(2)
    expect(await ledgerOf(db, '2026-03')).toHaveLength(2)
    const ops = await db.outbox.toArray()
    expect(ops).toHaveLength(1)
    expect(ops[0]!.kind).toBe('ledger.publish')
    const publication = rows[0]!.publication_id
    expect(ops[0]!.payload).toMatchObject({ publication_id: publication, period_key: '2026-03', corrects: null })
    const entries = ops[0]!.payload.entries as { id: string; inspection_ids: string[] }[]
    expect(entries.map((e) => e.id).sort()).toEqual(rows.map((r) => r.id).sort())
    expect(Object.keys(entries[0]!).sort()).toEqual(['id', 'inspection_ids', 'period_key', 'points', 'rule_id', 'subject_id', 'subject_type', 'value'])
    const pending = await pendingEntityIds(db)
    for (const r of rows) expect(pending.has(r.id)).toBe(true)

    // Published already and still what the rules say: nothing to publish.
    const again = await previewLedger(db, dir, rules, '2026-03', AFTER)
    expect(again.plan.kind).toBe('current')
    expect(await publishLedger(db, '2026-03', again.plan, HEAD)).toEqual([])
  })

  it('issue #12: an open period is previewed, never published', async () => {
    await seedMonth()
    const r = rule({})
    const p = await previewLedger(db, await loadDirectory(db), [{ ...r, updated_at: '', deleted_at: null }], '2026-03', new Date('2026-03-20T00:00:00Z'))
    expect(p.drafts).toHaveLength(1)
    expect(p.plan.kind).toBe('open')
    expect(await publishLedger(db, '2026-03', p.plan, HEAD)).toEqual([])
    expect(await db.outbox.count()).toBe(0)
  })

  it('issue #12: a late inspection makes a correction: a new publication linked to the first, replacing its entries', async () => {
    const { bad } = await seedMonth()
    const r = { ...rule({}), updated_at: '', deleted_at: null }
    await db.reward_rules.add(r)
    const dir = await loadDirectory(db)
    const first = await publishLedger(db, '2026-03', (await previewLedger(db, dir, [r], '2026-03', AFTER)).plan, HEAD)
    expect(first).toHaveLength(1)
    // A late, good inspection lifts the area above 70: the penalty no longer applies.
    await db.inspections.add(inspection(bad.id, { submitted_at: '2026-03-20T01:00:00.000Z', score: 100 }))
    const p = await previewLedger(db, dir, [r], '2026-03', AFTER)
    expect(p.plan).toMatchObject({ kind: 'correction', corrects: first[0]!.publication_id, removed: 1, drafts: [] })
    expect(await publishLedger(db, '2026-03', p.plan, HEAD)).toEqual([])
    expect(await ledgerOf(db, '2026-03')).toEqual([])
    const old = await db.ledger_entries.get(first[0]!.id)
    expect(old?.superseded_by).toBeTruthy()
    const op = (await db.outbox.toArray()).at(-1)!
    expect(op.payload).toEqual({ publication_id: old?.superseded_by, period_key: '2026-03', corrects: first[0]!.publication_id, entries: [] })
    expect(op.related).toEqual([`ledger_entries:${first[0]!.id}`])
    expect((await previewLedger(db, dir, [r], '2026-03', AFTER)).plan.kind).toBe('current')
  })

  it('exports CSV for Excel: BOM, Chinese headers, names, the inspections; the file is 卫生奖惩-YYYY-MM.csv', async () => {
    const { bad, ins } = await seedMonth()
    const r = rule({})
    const p = await previewLedger(db, await loadDirectory(db), [{ ...r, updated_at: '', deleted_at: null }], '2026-03')
    const csv = ledgerCsv(p.drafts, { rules: new Map([[r.id, r.name]]), subjects: new Map([[bad.id, 'A栋 · 3F · 男卫生间']]) })
    expect(csv.startsWith(CSV_BOM)).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[0]).toBe('期间,规则,对象类型,对象,分值,平均分,检查次数,检查记录编号')
    expect(lines[1]).toBe(`2026-03,月均分低于 70 扣分,区域,A栋 · 3F · 男卫生间,-5,65,2,${ins[1]!.id} ${ins[2]!.id}`)
    expect(ledgerFileName('2026-03')).toBe('卫生奖惩-2026-03.csv')
  })
})
