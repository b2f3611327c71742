// The requests read fetches later acts only for the applications whose last act read left a step
// open (kpiReads.stepsOpenAtEnd): the fold's order and skips, and an application approved by that
// very act (its row says so) needs none.
import { describe, expect, it } from 'vitest'
import { stepsOpenAtEnd } from '@/features/kpis/data/kpiReads'
import type { RequestEventRow, RequestRow } from '@/platform/db/rows'

let n = 0
const act = (request_id: string, action: RequestEventRow['action'], at: string, more: Partial<RequestEventRow> = {}) =>
  ({ id: `e${String(++n).padStart(3, '0')}`, request_id, action, actor_id: 'p', on_behalf_of: null, at, flag: null, deleted_at: null, ...more }) as RequestEventRow
const row = (id: string, status: string, status_at: string) => [id, { id, status, status_at } as RequestRow] as const

describe('stepsOpenAtEnd', () => {
  it('keeps applications whose last live act opened a step, by instant then id, skipping stale and deleted acts', () => {
    const acts = [
      act('submitted', 'submit', '2026-11-30T10:00:00Z'),
      act('returned', 'submit', '2026-11-01T10:00:00Z'),
      act('returned', 'return', '2026-11-02T10:00:00Z'),
      act('resubmitted', 'return', '2026-11-02T10:00:00Z'),
      act('resubmitted', 'resubmit', '2026-11-03T02:00:00+08:00'),
      // The last act is stale or deleted: the one before decides.
      act('staleLast', 'submit', '2026-11-01T10:00:00Z'),
      act('staleLast', 'reject', '2026-11-05T10:00:00Z', { flag: 'stale' }),
      act('deletedLast', 'reject', '2026-11-01T10:00:00Z'),
      act('deletedLast', 'resubmit', '2026-11-05T10:00:00Z', { deleted_at: '2026-11-06T00:00:00Z' }),
      // Same instant: the greater id comes last (the submit, made second).
      act('tie', 'reject', '2026-11-04T10:00:00Z'),
      act('tie', 'submit', '2026-11-04T10:00:00Z'),
      // Same instant written in another offset, listed out of order.
      act('offset', 'approve', '2026-11-04T18:00:00+08:00'),
      act('offset', 'withdraw', '2026-11-04T09:59:59Z'),
    ]
    expect(stepsOpenAtEnd(acts, new Map()).sort()).toEqual(['offset', 'resubmitted', 'staleLast', 'submitted', 'tie'])
  })

  it('skips an application approved by its last act, not one approved later or by another act', () => {
    const acts = [
      act('final', 'approve', '2026-11-10T10:00:00Z'),
      act('finalOffset', 'approve', '2026-11-10T18:00:00+08:00'),
      act('approvedAfter', 'approve', '2026-11-10T10:00:00Z'),
      act('pending', 'approve', '2026-11-10T10:00:00Z'),
      act('notSynced', 'approve', '2026-11-10T10:00:00Z'),
    ]
    const rows = new Map([
      row('final', 'approved', '2026-11-10T10:00:00Z'),
      row('finalOffset', 'approved', '2026-11-10T10:00:00.000Z'),
      row('approvedAfter', 'approved', '2026-12-03T10:00:00Z'),
      row('pending', 'pending', '2026-11-10T10:00:00Z'),
    ])
    expect(stepsOpenAtEnd(acts, rows).sort()).toEqual(['approvedAfter', 'notSynced', 'pending'])
  })
})
