import { describe, expect, it } from 'vitest'
import type { TaskAssignInput } from '@/features/tasks/domain'
import { assignTask } from '@/features/tasks/domain/act'
import { DEPT, SITE, TZ, adminHead, alice, executive, makeTask, otherAdminHead, staff } from './fixtures'

const input = (over: Partial<TaskAssignInput> = {}): TaskAssignInput => ({
  id: 'f0000000-0000-4000-8000-0000000000aa',
  site_id: SITE,
  title: '准备季度安全检查',
  source: 'resolution',
  assignee_id: alice.id,
  department_id: DEPT,
  due_on: '2026-03-20',
  assigned_at: '2026-03-09T09:00:00+08:00',
  ...over,
})

describe('assigning a task', () => {
  it('stores the creation facts and starts assigned, at the assigner\'s level', () => {
    const t = makeTask()
    expect(t).toMatchObject({ status: 'assigned', assigner_id: staff.id, assigner_level: 'supervisor', assigned_to: alice.id, assignee_id: alice.id })
    expect(t).toMatchObject({ due_on: '2026-03-13', assigned_due_on: '2026-03-13', priority: 'normal', co_assignee_ids: [], photo_ids: [] })
    expect(makeTask(adminHead).assigner_level).toBe('admin_head')
    expect(makeTask(executive).assigner_level).toBe('executive')
  })

  it('names the field and the i18n key of what is wrong', () => {
    expect(assignTask(input({ title: '  ' }), staff, TZ)).toEqual({ ok: false, reason: 'tasks.errors.required', field: 'title' })
    expect(assignTask(input({ title: 'x'.repeat(201) }), staff, TZ)).toMatchObject({ reason: 'tasks.errors.tooLong', field: 'title' })
    expect(assignTask(input({ due_on: '2026-02-30' }), staff, TZ)).toMatchObject({ reason: 'tasks.errors.date', field: 'due_on' })
    expect(assignTask(input({ source: 'rumour' as never }), staff, TZ)).toMatchObject({ reason: 'tasks.errors.choice', field: 'source' })
    expect(assignTask(input({ assignee_id: null, department_id: null }), staff, TZ)).toMatchObject({ reason: 'tasks.errors.assigneeRequired', field: 'assignee_id' })
    expect(assignTask(input({ co_assignee_ids: [alice.id] }), staff, TZ)).toMatchObject({ reason: 'tasks.errors.coAssigneeIsAssignee' })
  })

  it('a deadline before the company\'s today is refused (00:30 in Shanghai is already the next day)', () => {
    expect(assignTask(input({ due_on: '2026-03-08' }), staff, TZ)).toMatchObject({ reason: 'tasks.errors.dueInPast', field: 'due_on' })
    const late = input({ assigned_at: '2026-03-09T16:30:00Z', due_on: '2026-03-09' })
    expect(assignTask(late, staff, TZ)).toMatchObject({ reason: 'tasks.errors.dueInPast' })
    expect(assignTask(late, staff, 'UTC').ok).toBe(true)
  })

  it('only the admin head, the executive and administration staff of the site give tasks', () => {
    expect(assignTask(input(), alice, TZ)).toEqual({ ok: false, reason: 'tasks.errors.notAllowed' })
    expect(assignTask(input(), otherAdminHead, TZ)).toEqual({ ok: false, reason: 'tasks.errors.notAllowed' })
    expect(assignTask(input(), executive, TZ).ok).toBe(true)
  })

  it('a department\'s task needs no person yet', () => {
    const out = assignTask(input({ assignee_id: null }), staff, TZ)
    expect(out.ok && out.value.assignee_id).toBe(null)
  })
})
