import { describe, expect, it } from 'vitest'
import {
  RECTIFICATION_DUE_WORKING_DAYS,
  allowedActions,
  fixRectification,
  isOverdue,
  needsEscalation,
  rectificationPayload,
  rectificationsFor,
  verifyRectification,
  type Rectification,
} from '@/features/inspections/domain'
import type { RectificationRow } from '@/platform/db/rows'
import { NO_STATUTORY_DAYS, makeCalendar } from '@/shared/lib/calendar'
import { PHOTO, pf, pts, tpl } from './fixtures'

const template = tpl([pf('floor'), pf('washroom', 10, { critical: true }), pts('dust', 10), pf('bins')])
const inspection = {
  id: 'insp-1',
  area_id: 'area-1',
  submitted_at: '2026-11-27T09:00:00.000Z',
  answers: [
    { item_key: 'floor', result: 'fail' },
    { item_key: 'washroom', result: 'fail' },
    { item_key: 'dust', result: 'points', points: 4 },
    { item_key: 'bins', result: 'pass' },
  ],
}
// Weekends only (no statutory data): the working-day rules are tested on their own.
const C = { calendar: makeCalendar(NO_STATUTORY_DAYS), timeZone: 'Asia/Shanghai', siteId: null }
const cleaner = { id: 'cleaner-1', roles: ['cleaner'] }
const inspector = { id: 'insp-user', roles: ['inspector'] }
const head = { id: 'head', roles: ['admin_head'] }

function make(): Rectification[] {
  let n = 0
  return rectificationsFor(inspection, template, { responsible_id: 'cleaner-1' }, () => `r${++n}`, C)
}

describe('rectificationsFor', () => {
  it('makes one open task per failed item, in template order, with device-made ids', () => {
    const rows = make()
    expect(rows.map((r) => [r.id, r.item_key, r.severity, r.due_at])).toEqual([
      // Submitted Friday 17:00 Shanghai: critical due Monday 18:00, normal Wednesday 18:00 (working days).
      ['r1', 'floor', 'normal', '2026-12-02T10:00:00.000Z'],
      ['r2', 'washroom', 'critical', '2026-11-30T10:00:00.000Z'],
      ['r3', 'dust', 'normal', '2026-12-02T10:00:00.000Z'],
    ])
    const first = rows[0]
    expect(first).toMatchObject({ inspection_id: 'insp-1', area_id: 'area-1', item_text: '项floor', assignee_id: 'cleaner-1', status: 'open', fix_photo_ids: [] })
    expect(RECTIFICATION_DUE_WORKING_DAYS).toEqual({ critical: 1, normal: 3 })
    expect(rectificationPayload(rows)).toEqual([
      { id: 'r1', item_key: 'floor' },
      { id: 'r2', item_key: 'washroom' },
      { id: 'r3', item_key: 'dust' },
    ])
  })

  it('fits the device row shape', () => {
    const row: RectificationRow = make()[0] as Rectification
    const back: Rectification = row
    expect(back.id).toBe('r1')
  })

  it('makes nothing when nothing failed, and leaves an unassigned area unassigned', () => {
    const allPass = { ...inspection, answers: template.sections[0]?.items.map((i) => (i.mode === 'points' ? { item_key: i.key, result: 'points', points: 10 } : { item_key: i.key, result: 'pass' })) }
    expect(rectificationsFor(allPass, template, { responsible_id: null }, () => 'x', C)).toEqual([])
    expect(rectificationsFor(inspection, template, { responsible_id: null }, () => 'x', C)[0]?.assignee_id).toBeNull()
  })
})

describe('overdue and escalation', () => {
  const [normal] = make() as [Rectification]

  it('is overdue only after the due time, and only while open or reopened', () => {
    expect(isOverdue(normal, '2026-12-02T10:00:00Z')).toBe(false)
    expect(isOverdue(normal, '2026-12-02T10:00:01Z')).toBe(true)
    expect(isOverdue({ ...normal, status: 'reopened' }, Date.parse('2026-12-03T00:00:00Z'))).toBe(true)
    expect(isOverdue({ ...normal, status: 'fixed' }, new Date('2026-12-03T00:00:00Z'))).toBe(false)
    expect(isOverdue({ ...normal, status: 'closed' }, '2026-12-03T00:00:00Z')).toBe(false)
    expect(isOverdue({ ...normal, deleted_at: '2026-11-28T00:00:00Z' }, '2026-12-03T00:00:00Z')).toBe(false)
    expect(needsEscalation(normal, '2026-12-03T00:00:00Z')).toBe(true)
    expect(needsEscalation(normal, '2026-11-29T00:00:00Z')).toBe(false)
  })
})

describe('transitions', () => {
  const [open] = make() as [Rectification]
  const at = '2026-11-28T10:00:00.000Z'

  it('the assignee fixes with an after photo; nobody else, and not without a photo', () => {
    expect(allowedActions(open, cleaner)).toEqual(['fix'])
    expect(allowedActions(open, inspector)).toEqual([])
    expect(fixRectification(open, { actor: inspector, at, photo_ids: [PHOTO] })).toEqual({ ok: false, error: 'inspections.errors.notAssignee' })
    expect(fixRectification(open, { actor: cleaner, at, photo_ids: [] })).toEqual({ ok: false, error: 'inspections.errors.afterPhotoRequired' })
    const r = fixRectification(open, { actor: cleaner, at, photo_ids: [PHOTO], note: '  已拖干  ' })
    expect(r.ok && r.row).toMatchObject({ status: 'fixed', fix_note: '已拖干', fix_photo_ids: [PHOTO], fixed_at: at, updated_at: at })
  })

  it('an inspector closes or reopens a fixed task; the assignee cannot', () => {
    const fixed = fixRectification(open, { actor: cleaner, at, photo_ids: [PHOTO] })
    if (!fixed.ok) throw new Error('fix failed')
    expect(allowedActions(fixed.row, inspector)).toEqual(['close', 'reopen'])
    expect(allowedActions(fixed.row, cleaner)).toEqual([])
    expect(verifyRectification(fixed.row, { actor: cleaner, at, outcome: 'close', calendar: C })).toEqual({ ok: false, error: 'inspections.errors.notInspector' })
    const closed = verifyRectification(fixed.row, { actor: inspector, at: '2026-11-28T11:00:00Z', outcome: 'close', calendar: C })
    expect(closed.ok && closed.row).toMatchObject({ status: 'closed', verified_by: 'insp-user', verified_at: '2026-11-28T11:00:00Z' })
    const reopened = verifyRectification(fixed.row, { actor: head, at, outcome: 'reopen', calendar: C, due_at: '2026-11-29T10:00:00.000Z' })
    expect(reopened.ok && reopened.row).toMatchObject({ status: 'reopened', due_at: '2026-11-29T10:00:00.000Z' })
    if (!reopened.ok) throw new Error('reopen failed')
    // A reopened task goes back to the assignee.
    expect(allowedActions(reopened.row, cleaner)).toEqual(['fix'])
    expect(fixRectification(reopened.row, { actor: cleaner, at, photo_ids: [PHOTO] }).ok).toBe(true)
  })

  it('refuses transitions out of order', () => {
    expect(verifyRectification(open, { actor: inspector, at, outcome: 'close', calendar: C })).toEqual({ ok: false, error: 'inspections.errors.badTransition' })
    const closed: Rectification = { ...open, status: 'closed' }
    expect(fixRectification(closed, { actor: cleaner, at, photo_ids: [PHOTO] })).toEqual({ ok: false, error: 'inspections.errors.badTransition' })
    expect(allowedActions(closed, inspector)).toEqual([])
  })

  it('an unassigned task falls to the admin head', () => {
    const orphan: Rectification = { ...open, assignee_id: null }
    expect(allowedActions(orphan, cleaner)).toEqual([])
    expect(allowedActions(orphan, head)).toEqual(['fix'])
  })
})
