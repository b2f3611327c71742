import { describe, expect, it } from 'vitest'
import { availableActs, handlesNow, seesTask, type TaskState } from '@/features/tasks/domain'
import { actOnTask } from '@/features/tasks/domain/act'
import { DEPT, TASK_ID, adminHead, alice, bob, carol, ev, executive, fold, makeTask, otherAdminHead, staff, stateOf } from './fixtures'

const act = (state: TaskState, actor: typeof alice, input: Record<string, unknown>, at = '2026-03-10T10:00:00+08:00') =>
  actOnTask(state, { task_id: TASK_ID, ...input }, actor, at)

function must(out: ReturnType<typeof act>): TaskState {
  if (!out.ok) throw new Error(out.reason)
  return out.value.state
}

describe('accepting and raising a problem', () => {
  it('the assignee accepts; nobody else may', () => {
    const s = stateOf(makeTask())
    expect(act(s, bob, { type: 'accept' })).toEqual({ ok: false, reason: 'tasks.errors.notAssignee' })
    const accepted = must(act(s, alice, { type: 'accept' }))
    expect(accepted.task).toMatchObject({ status: 'accepted', accepted_at: '2026-03-10T10:00:00+08:00' })
    expect(act(accepted, alice, { type: 'accept' })).toEqual({ ok: false, reason: 'tasks.errors.badTransition' })
  })

  it('any member of the department takes a department\'s task by accepting it', () => {
    const s = stateOf(makeTask(staff, { assignee_id: null }))
    expect(act(s, carol, { type: 'accept' })).toMatchObject({ ok: false, reason: 'tasks.errors.notAssignee' })
    expect(must(act(s, bob, { type: 'accept' })).task.assignee_id).toBe(bob.id)
  })

  it('a problem needs a note and goes to the person who gave the task', () => {
    const s = stateOf(makeTask())
    expect(act(s, alice, { type: 'raise', note: '' })).toMatchObject({ ok: false, reason: 'tasks.errors.required', field: 'note' })
    const p = must(act(s, alice, { type: 'raise', note: '档案室钥匙在外地同事处，周五前无法完成' }))
    expect(p.task).toMatchObject({ status: 'problem', escalation_level: 'supervisor', resume_status: 'assigned' })
    expect(handlesNow(p.task, staff)).toBe(true)
    expect(handlesNow(p.task, adminHead)).toBe(false)
  })
})

describe('escalation: the person above → 行政部长 → 执行长, one level at a time', () => {
  const raised = () => must(act(stateOf(makeTask()), alice, { type: 'raise', note: '超出权限' }))

  it('walks up the line and never past the top', () => {
    const p1 = raised()
    expect(act(p1, alice, { type: 'escalate' })).toMatchObject({ ok: false, reason: 'tasks.errors.notHandler' })
    const p2 = must(act(p1, staff, { type: 'escalate', note: '需部长协调' }))
    expect(p2.task.escalation_level).toBe('admin_head')
    // The staff member is below the problem now.
    expect(act(p2, staff, { type: 'resolve', note: 'x' })).toMatchObject({ ok: false, reason: 'tasks.errors.notHandler' })
    expect(act(p2, otherAdminHead, { type: 'escalate' })).toMatchObject({ ok: false, reason: 'tasks.errors.notHandler' })
    const p3 = must(act(p2, adminHead, { type: 'escalate' }))
    expect(p3.task.escalation_level).toBe('executive')
    expect(act(p3, executive, { type: 'escalate' })).toEqual({ ok: false, reason: 'tasks.errors.topLevel' })
  })

  it('a task the admin head gave starts at the admin head (the step is not theirs twice)', () => {
    const p = must(act(stateOf(makeTask(adminHead)), alice, { type: 'raise', note: '预算不足' }))
    expect(p.task.escalation_level).toBe('admin_head')
    expect(must(act(p, adminHead, { type: 'escalate' })).task.escalation_level).toBe('executive')
  })

  it('the one handling it, or anyone above, resolves it; the task returns where it was and the deadline may move', () => {
    const accepted = must(act(stateOf(makeTask()), alice, { type: 'accept' }))
    const p = must(act(accepted, alice, { type: 'raise', note: '需延期' }))
    const done = must(act(p, executive, { type: 'resolve', note: '同意延期至下周三', due_on: '2026-03-18' }))
    expect(done.task).toMatchObject({ status: 'accepted', escalation_level: null, due_on: '2026-03-18', assigned_due_on: '2026-03-13' })
  })

  it('shows the escalate button only to the one the problem waits on', () => {
    const p = raised()
    expect(availableActs(p, staff, '2026-03-10T11:00:00+08:00')).toEqual(expect.arrayContaining(['escalate', 'resolve']))
    expect(availableActs(p, adminHead, '2026-03-10T11:00:00+08:00')).not.toContain('escalate')
    expect(availableActs(p, adminHead, '2026-03-10T11:00:00+08:00')).toContain('resolve')
    expect(availableActs(p, alice, '2026-03-10T11:00:00+08:00')).not.toContain('resolve')
  })
})

describe('the department head (部门负责人) between the giver and 行政部长', () => {
  // Bob heads Alice's department (DEPT) here: departments.head_id, not a role.
  const head = { ...bob, headOf: [DEPT] }
  const withHead = (state: TaskState, actor: typeof alice, input: Record<string, unknown>, headId: string | null = head.id, at = '2026-03-10T10:00:00+08:00') =>
    actOnTask(state, { task_id: TASK_ID, ...input }, actor, at, { departmentHeadId: headId })
  const raised = (task = makeTask()) => must(act(stateOf(task), alice, { type: 'raise', note: '超出权限' }))

  it('the giver escalates to the head, the head to 行政部长, then 执行长; the fact records where it went', () => {
    const p1 = raised()
    const out = withHead(p1, staff, { type: 'escalate' })
    if (!out.ok) throw new Error(out.reason)
    expect(out.value.event.data).toMatchObject({ to: 'department_head' })
    // The op carries no level: the server decides it the same way.
    expect(out.value.payload).toEqual({ type: 'escalate', task_id: TASK_ID })
    const p2 = out.value.state
    expect(p2.task.escalation_level).toBe('department_head')
    expect(handlesNow(p2.task, head)).toBe(true)
    expect(handlesNow(p2.task, bob)).toBe(false)
    expect(handlesNow(p2.task, adminHead)).toBe(false)
    expect(availableActs(p2, head, '2026-03-10T11:00:00+08:00')).toEqual(expect.arrayContaining(['escalate', 'resolve']))
    expect(withHead(p2, staff, { type: 'resolve', note: 'x' })).toMatchObject({ ok: false, reason: 'tasks.errors.notHandler' })
    const p3 = must(withHead(p2, head, { type: 'escalate', note: '需部长协调' }))
    expect(p3.task.escalation_level).toBe('admin_head')
    expect(must(withHead(p3, adminHead, { type: 'escalate' })).task.escalation_level).toBe('executive')
  })

  it('the head resolves a problem still at the giver (anyone above may)', () => {
    const done = must(withHead(raised(), head, { type: 'resolve', note: '由部门协调' }))
    expect(done.task).toMatchObject({ status: 'assigned', escalation_level: null })
  })

  it('skips the head when the department has none, or the head gave the task or carries it out', () => {
    expect(must(withHead(raised(), staff, { type: 'escalate' }, null)).task.escalation_level).toBe('admin_head')
    expect(must(withHead(raised(), staff, { type: 'escalate' }, staff.id)).task.escalation_level).toBe('admin_head')
    expect(must(withHead(raised(), staff, { type: 'escalate' }, alice.id)).task.escalation_level).toBe('admin_head')
  })

  it('folds an escalation as recorded; one from before the head\'s step (no level) goes to 行政部长 as it did', () => {
    const task = makeTask()
    const raise = ev('raise', alice, '2026-03-10T09:00:00+08:00', { note: '超出权限' })
    expect(fold(task, [raise, ev('escalate', staff, '2026-03-10T10:00:00+08:00', { to: 'department_head' })]).task.escalation_level).toBe('department_head')
    expect(fold(task, [raise, ev('escalate', staff, '2026-03-10T10:00:00+08:00')]).task.escalation_level).toBe('admin_head')
    // A recorded level that is not above the problem's does not fit: kept and flagged.
    const down = ev('escalate', staff, '2026-03-10T10:00:00+08:00', { to: 'supervisor' })
    const folded = fold(task, [raise, down])
    expect(folded.task.escalation_level).toBe('supervisor')
    expect(folded.flagged.has(down.id)).toBe(true)
  })

  it('the head sees the department\'s tasks', () => {
    expect(seesTask(makeTask(), head)).toBe(true)
    expect(seesTask(makeTask(), bob)).toBe(false)
  })
})

describe('handover (交接) with a written record both sides confirm', () => {
  const accepted = () => must(act(stateOf(makeTask()), alice, { type: 'accept' }))

  it('the line hands over; the task moves only when both sides confirmed', () => {
    const a = accepted()
    expect(act(a, alice, { type: 'handover', to_id: bob.id, note: 'x' })).toMatchObject({ reason: 'tasks.errors.notAllowed' })
    expect(act(a, staff, { type: 'handover', to_id: alice.id, note: '进度一半' })).toMatchObject({ reason: 'tasks.errors.sameAssignee' })
    expect(act(a, staff, { type: 'handover', to_id: bob.id, note: '' })).toMatchObject({ reason: 'tasks.errors.required', field: 'note' })
    const h = must(act(a, staff, { type: 'handover', to_id: bob.id, note: '已装盒 2019–2022 年，剩余 2023–2025；要求不变', due_on: '2026-03-17' }))
    expect(h.task).toMatchObject({ status: 'handover', handover_from: alice.id, handover_to: bob.id, assignee_id: alice.id, due_on: '2026-03-17' })
    expect(act(h, carol, { type: 'handover_confirm' })).toMatchObject({ reason: 'tasks.errors.notHandoverParty' })
    const one = must(act(h, bob, { type: 'handover_confirm' }))
    expect(one.task).toMatchObject({ status: 'handover', handover_to_ok: true, handover_from_ok: false })
    expect(act(one, bob, { type: 'handover_confirm' })).toMatchObject({ reason: 'tasks.errors.notHandoverParty' })
    const both = must(act(one, alice, { type: 'handover_confirm', note: '钥匙已交' }, '2026-03-11T09:00:00+08:00'))
    expect(both.task).toMatchObject({ status: 'accepted', assignee_id: bob.id, handover_to: null, accepted_at: '2026-03-11T09:00:00+08:00' })
    expect(both.task.handover_note).toContain('2023–2025')
  })

  it('a department\'s task nobody took needs only the new assignee\'s confirmation', () => {
    const s = stateOf(makeTask(staff, { assignee_id: null }))
    const h = must(act(s, adminHead, { type: 'handover', to_id: carol.id, note: '改由综合部办理' }))
    expect(h.task.handover_from_ok).toBe(true)
    expect(must(act(h, carol, { type: 'handover_confirm' })).task).toMatchObject({ status: 'accepted', assignee_id: carol.id })
  })
})

describe('progress, completion report, summary and score', () => {
  it('runs the whole way and only the admin head of the site scores', () => {
    let s = must(act(stateOf(makeTask()), alice, { type: 'accept' }))
    expect(act(s, alice, { type: 'progress', note: '已完成一半', photo_ids: ['not-a-uuid'] })).toMatchObject({ reason: 'tasks.errors.uuid' })
    s = must(act(s, alice, { type: 'progress', note: '已完成一半', photo_ids: ['9c000000-0000-4000-8000-000000000001'] }, '2026-03-11T10:00:00+08:00'))
    expect(s.task.last_progress_at).toBe('2026-03-11T10:00:00+08:00')
    expect(act(s, alice, { type: 'score', score: 90 })).toMatchObject({ reason: 'tasks.errors.notAllowed' })
    s = must(act(s, alice, { type: 'complete', report: '全部装盒并登记', photo_ids: [] }, '2026-03-12T17:00:00+08:00'))
    expect(s.task).toMatchObject({ status: 'completed', completed_at: '2026-03-12T17:00:00+08:00', report: '全部装盒并登记' })
    expect(act(s, otherAdminHead, { type: 'score', score: 90 })).toMatchObject({ reason: 'tasks.errors.notAllowed' })
    expect(act(s, adminHead, { type: 'score', score: 101 })).toMatchObject({ reason: 'tasks.errors.range', field: 'score' })
    s = must(act(s, adminHead, { type: 'score', score: 92, note: '及时、规范' }))
    expect(s.task).toMatchObject({ status: 'scored', score: 92, scored_by: adminHead.id })
    // The summary may still come after scoring, once.
    s = must(act(s, alice, { type: 'summary', summary: '总结：建议每季度归档一次' }))
    expect(act(s, alice, { type: 'summary', summary: '再写一次' })).toMatchObject({ reason: 'tasks.errors.summaryDone' })
  })

  it('a co-assignee reports progress but does not complete', () => {
    const s = must(act(stateOf(makeTask(staff, { co_assignee_ids: [bob.id] })), alice, { type: 'accept' }))
    expect(act(s, bob, { type: 'progress', note: '协助搬运' }).ok).toBe(true)
    expect(act(s, bob, { type: 'complete', report: 'x' })).toMatchObject({ reason: 'tasks.errors.notAssignee' })
  })

  it('cancel needs a reason and ends an open task', () => {
    const s = stateOf(makeTask())
    expect(act(s, alice, { type: 'cancel', note: 'x' })).toMatchObject({ reason: 'tasks.errors.notAllowed' })
    const c = must(act(s, adminHead, { type: 'cancel', note: '领导指示取消' }))
    expect(c.task.status).toBe('cancelled')
    expect(act(c, alice, { type: 'accept' })).toMatchObject({ reason: 'tasks.errors.badTransition' })
  })

  it('cancelling during a handover ends the pending handover too', () => {
    const h = must(act(must(act(stateOf(makeTask()), alice, { type: 'accept' })), staff, { type: 'handover', to_id: bob.id, note: '改由 bob' }))
    const c = must(act(h, adminHead, { type: 'cancel', note: '取消' }))
    expect(c.task).toMatchObject({ status: 'cancelled', handover_to: null, handover_from: null })
    expect(act(c, bob, { type: 'handover_confirm' })).toMatchObject({ ok: false, reason: 'tasks.errors.notHandoverParty' })
  })

  it('refuses an unknown act or another task\'s id', () => {
    expect(act(stateOf(makeTask()), alice, { type: 'ignore' })).toMatchObject({ reason: 'tasks.errors.choice' })
    expect(actOnTask(stateOf(makeTask()), { type: 'accept', task_id: bob.id }, alice, '2026-03-10T10:00:00+08:00')).toMatchObject({ reason: 'tasks.errors.uuid' })
  })
})

describe('folding the facts in device-time order (what the server does)', () => {
  it('an acceptance synced after the completion still counts first; a misfit is flagged and changes nothing', () => {
    const task = makeTask()
    const complete = ev('complete', alice, '2026-03-12T17:00:00+08:00', { report: '完成', photo_ids: [] })
    const accept = ev('accept', alice, '2026-03-10T09:00:00+08:00')
    const lateAccept = ev('accept', alice, '2026-03-12T18:00:00+08:00')
    const out = fold(task, [complete, lateAccept, accept])
    expect(out.task).toMatchObject({ status: 'completed', accepted_at: '2026-03-10T09:00:00+08:00' })
    expect([...out.flagged]).toEqual([[lateAccept.id, 'tasks.errors.badTransition']])
  })

  it('a handover refolds to the original assignee first', () => {
    const task = { ...makeTask(), assignee_id: bob.id, status: 'accepted' as const }
    const out = fold(task, [ev('accept', alice, '2026-03-10T09:00:00+08:00')])
    expect(out.task.assignee_id).toBe(alice.id)
  })
})
