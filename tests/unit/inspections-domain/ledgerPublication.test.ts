// Issue #12 point 5 on the device: publish ended periods only; a correction is a new publication
// linked to the one it corrects; nothing to do when the ledger already says what the rules say.
import { describe, expect, it } from 'vitest'
import { latestPublication, liveEntries, publicationPlan, sameEntry, type PublishedEntry } from '@/features/inspections/domain/ledgerPublication'
import type { LedgerDraft } from '@/features/inspections/domain/rewards'
import { periodClosed } from '@/features/rankings/domain/periods'

const draft = (subject_id: string, points = -5, value: number | null = 65, inspection_ids = ['i1']): LedgerDraft => ({
  rule_id: 'r1', period_key: '2026-11', subject_type: 'area', subject_id, points, value, inspection_ids,
})
const entry = (d: LedgerDraft, publication_id: string, o: Partial<PublishedEntry> = {}): PublishedEntry => ({ ...d, id: `${publication_id}:${d.subject_id}`, publication_id, ...o })

describe('periodClosed', () => {
  it('a month is over at midnight of the next month in the company zone, not before', () => {
    expect(periodClosed('2026-11', Date.parse('2026-11-30T15:59:59Z'), 'Asia/Shanghai')).toBe(false)
    expect(periodClosed('2026-11', Date.parse('2026-11-30T16:00:00Z'), 'Asia/Shanghai')).toBe(true)
    expect(periodClosed('2099-01', Date.parse('2026-12-02T00:00:00Z'), 'Asia/Shanghai')).toBe(false)
    expect(periodClosed('2026-W48', Date.parse('2026-11-29T16:00:00Z'), 'Asia/Shanghai')).toBe(true)
  })
})

describe('publicationPlan', () => {
  it('an open period cannot be published', () => {
    expect(publicationPlan([draft('a')], [], false)).toMatchObject({ kind: 'open', drafts: [] })
  })

  it('first publication of an ended period; nothing when no rule gave an entry', () => {
    expect(publicationPlan([draft('a')], [], true)).toMatchObject({ kind: 'first', corrects: null, drafts: [draft('a')] })
    expect(publicationPlan([], [], true)).toMatchObject({ kind: 'nothing' })
  })

  it('the ledger already says what the rules say: nothing to publish', () => {
    const published = [entry(draft('a'), 'p1'), entry(draft('b', -5, 60, ['i3', 'i2']), 'p1')]
    const drafts = [draft('a'), draft('b', -5, 60, ['i2', 'i3'])]
    expect(publicationPlan(drafts, published, true)).toMatchObject({ kind: 'current', corrects: 'p1', drafts: [] })
  })

  it('a late inspection changes the figures: a correction of the latest publication, with what changed', () => {
    const published = [entry(draft('a'), 'p1'), entry(draft('b'), 'p1')]
    const now = [draft('a', -5, 66, ['i1', 'i9']), draft('c')]
    expect(publicationPlan(now, published, true)).toMatchObject({ kind: 'correction', corrects: 'p1', added: 1, removed: 1, changed: 1, drafts: now })
    // Everything withdrawn is a correction too.
    expect(publicationPlan([], published, true)).toMatchObject({ kind: 'correction', corrects: 'p1', removed: 2, drafts: [] })
  })

  it('after corrections, the latest publication is the end of the chain, even one that withdrew everything', () => {
    const chain = [
      entry(draft('a'), 'p1', { superseded_by: 'p2' }),
      entry(draft('a', -5, 64), 'p2', { corrects_publication_id: 'p1', superseded_by: 'p3' }),
    ]
    expect(liveEntries(chain)).toEqual([])
    expect(latestPublication(chain)).toBe('p3')
    expect(publicationPlan([draft('a')], chain, true)).toMatchObject({ kind: 'correction', corrects: 'p3', added: 1 })
    expect(latestPublication([...chain, entry(draft('a'), 'p4', { corrects_publication_id: 'p3' })])).toBe('p4')
  })

  it('sameEntry compares points, figure and the inspections as a set', () => {
    expect(sameEntry(draft('a', -5, 65, ['x', 'y']), draft('a', -5, 65, ['y', 'x']))).toBe(true)
    expect(sameEntry(draft('a', -5), draft('a', -1000))).toBe(false)
    expect(sameEntry(draft('a', -5, 65), draft('a', -5, 65.1))).toBe(false)
  })
})
