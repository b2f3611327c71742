// Issue #12 point 7: a reopened task gets a new deadline (24 h critical / 72 h normal from the
// verification, unless the verifier sets one after it); the person who fixed it never verifies it.
import { describe, expect, it } from 'vitest'
import { allowedActions, fixRectification, isOverdue, verifyRectification, type Rectification } from '@/features/inspections/domain/rectification'

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
  it('72 h (normal) or 24 h (critical) from the verification, so it is not overdue the moment it is reopened', () => {
    const at = '2026-12-05T02:00:00.000Z'
    const r = verifyRectification(fixedBy(cleaner, { ...base, assignee_id: 'cleaner' }), { actor: inspector, at, outcome: 'reopen' })
    expect(r.ok && r.row).toMatchObject({ status: 'reopened', due_at: '2026-12-08T02:00:00.000Z' })
    expect(r.ok && isOverdue(r.row, at)).toBe(false)
    const c = verifyRectification(fixedBy(cleaner, { ...base, assignee_id: 'cleaner', severity: 'critical' }), { actor: inspector, at, outcome: 'reopen' })
    expect(c.ok && c.row.due_at).toBe('2026-12-06T02:00:00.000Z')
  })

  it('the verifier may set the new deadline, but not one already passed', () => {
    const fixed = fixedBy(cleaner, { ...base, assignee_id: 'cleaner' })
    const at = '2026-12-05T02:00:00.000Z'
    const r = verifyRectification(fixed, { actor: inspector, at, outcome: 'reopen', due_at: '2026-12-06T10:00:00.000Z' })
    expect(r.ok && r.row.due_at).toBe('2026-12-06T10:00:00.000Z')
    expect(verifyRectification(fixed, { actor: inspector, at, outcome: 'reopen', due_at: '2026-12-04T10:00:00.000Z' })).toEqual({ ok: false, error: 'inspections.errors.dueBeforeNow' })
  })
})

describe('the fixer never verifies their own fix', () => {
  it('records who fixed it; that person gets no verify buttons and is refused', () => {
    const fixed = fixedBy(head)
    expect(fixed.fixed_by).toBe('head')
    expect(allowedActions(fixed, head)).toEqual([])
    expect(verifyRectification(fixed, { actor: head, at: '2026-12-05T02:00:00.000Z', outcome: 'close' })).toEqual({ ok: false, error: 'inspections.errors.ownFix' })
    expect(allowedActions(fixed, inspector)).toEqual(['close', 'reopen'])
    expect(verifyRectification(fixed, { actor: inspector, at: '2026-12-05T02:00:00.000Z', outcome: 'close' }).ok).toBe(true)
  })
})
