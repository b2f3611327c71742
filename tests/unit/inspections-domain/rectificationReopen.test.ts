// Issue #12 point 7: a reopened task gets a new deadline (1 critical / 3 normal working days from
// the verification, point 8, unless the verifier sets one after it); the person who fixed it never
// verifies it.
import { describe, expect, it } from 'vitest'
import { allowedActions, fixRectification, isOverdue, verifyRectification, type Rectification } from '@/features/inspections/domain/rectification'
import { NO_STATUTORY_DAYS, makeCalendar } from '@/shared/lib/calendar'

const C = { calendar: makeCalendar(NO_STATUTORY_DAYS), timeZone: 'Asia/Shanghai', siteId: null }

const PHOTO = '00000000-0000-4000-8000-0000000000aa'
const base: Rectification = {
  id: 'r1', inspection_id: 'i1', area_id: 'a1', item_key: 'floor', item_text: '地面', assignee_id: null, severity: 'normal',
  due_at: '2026-11-30T09:00:00.000Z', status: 'open', fix_note: null, fix_photo_ids: [], fixed_at: null, fixed_by: null,
  verified_by: null, verified_at: null, updated_at: '2026-11-27T09:00:00.000Z', deleted_at: null,
}
const head = { id: 'head', roles: ['admin_head'] }
const inspector = { id: 'insp', roles: ['inspector'] }
const cleaner = { id: 'cleaner', roles: ['cleaner'] }

function fixedBy(actor: { id: string; roles: string[] }, rect: Rectification = base): Rectification {
  const r = fixRectification(rect, { actor, at: '2026-12-05T01:00:00.000Z', photo_ids: [PHOTO] })
  if (!r.ok) throw new Error(r.error)
  return r.row
}

describe('reopening gives a new deadline', () => {
  it('3 (normal) or 1 (critical) working days from the verification, so it is not overdue the moment it is reopened', () => {
    // Saturday 10:00 Shanghai: normal due Wednesday 18:00, critical Monday 18:00.
    const at = '2026-12-05T02:00:00.000Z'
    const r = verifyRectification(fixedBy(cleaner, { ...base, assignee_id: 'cleaner' }), { actor: inspector, at, outcome: 'reopen', calendar: C })
    expect(r.ok && r.row).toMatchObject({ status: 'reopened', due_at: '2026-12-09T10:00:00.000Z' })
    expect(r.ok && isOverdue(r.row, at)).toBe(false)
    const c = verifyRectification(fixedBy(cleaner, { ...base, assignee_id: 'cleaner', severity: 'critical' }), { actor: inspector, at, outcome: 'reopen', calendar: C })
    expect(c.ok && c.row.due_at).toBe('2026-12-07T10:00:00.000Z')
  })

  it('the verifier may set the new deadline, but not one already passed', () => {
    const fixed = fixedBy(cleaner, { ...base, assignee_id: 'cleaner' })
    const at = '2026-12-05T02:00:00.000Z'
    const r = verifyRectification(fixed, { actor: inspector, at, outcome: 'reopen', calendar: C, due_at: '2026-12-06T10:00:00.000Z' })
    expect(r.ok && r.row.due_at).toBe('2026-12-06T10:00:00.000Z')
    expect(verifyRectification(fixed, { actor: inspector, at, outcome: 'reopen', calendar: C, due_at: '2026-12-04T10:00:00.000Z' })).toEqual({ ok: false, error: 'inspections.errors.dueBeforeNow' })
  })
})

describe('the fixer never verifies their own fix', () => {
  it('records who fixed it; that person gets no verify buttons and is refused', () => {
    const fixed = fixedBy(head)
    expect(fixed.fixed_by).toBe('head')
    expect(allowedActions(fixed, head)).toEqual([])
    expect(verifyRectification(fixed, { actor: head, at: '2026-12-05T02:00:00.000Z', outcome: 'close', calendar: C })).toEqual({ ok: false, error: 'inspections.errors.ownFix' })
    expect(allowedActions(fixed, inspector)).toEqual(['close', 'reopen'])
    expect(verifyRectification(fixed, { actor: inspector, at: '2026-12-05T02:00:00.000Z', outcome: 'close', calendar: C }).ok).toBe(true)
  })
})
