import { foldTask, type Task, type TaskActor, type TaskEvent, type TaskState } from '@/features/tasks/domain'
import { assignTask } from '@/features/tasks/domain/act'

export const TZ = 'Asia/Shanghai'
export const SITE = '05000000-0000-4000-8000-000000000001'
export const OTHER_SITE = '05000000-0000-4000-8000-000000000002'
export const DEPT = '0d000000-0000-4000-8000-000000000002'

const person = (n: number, grants: TaskActor['grants'] = [], departmentId: string | null = DEPT): TaskActor => ({
  id: `0a000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
  grants,
  departmentId,
})

/** 行政人员 (an asset keeper) who gives the task: "the person above" for its problems. */
export const staff = person(4, [{ role: 'asset_keeper', siteId: SITE }], '0d000000-0000-4000-8000-000000000001')
export const adminHead = person(1, [{ role: 'admin_head', siteId: SITE }], '0d000000-0000-4000-8000-000000000001')
export const otherAdminHead = person(11, [{ role: 'admin_head', siteId: OTHER_SITE }])
export const executive = person(2, [{ role: 'executive', siteId: null }], null)
export const alice = person(20, [{ role: 'employee', siteId: SITE }])
export const bob = person(21, [{ role: 'employee', siteId: SITE }])
export const carol = person(22, [{ role: 'employee', siteId: SITE }], '0d000000-0000-4000-8000-000000000003')
export const officer = person(23, [{ role: 'employee', siteId: SITE }], '0d000000-0000-4000-8000-000000000001')

export const TASK_ID = 'f0000000-0000-4000-8000-000000000001'
export const FOLLOW_UP_ID = 'f1000000-0000-4000-8000-000000000001'

/** A task given by `by` to Alice on Monday 2026-03-09, due Friday 2026-03-13. */
export function makeTask(by: TaskActor = staff, over: Partial<Parameters<typeof assignTask>[0]> = {}): Task {
  const out = assignTask(
    {
      id: TASK_ID,
      site_id: SITE,
      title: '整理三楼档案室',
      source: 'instruction',
      source_ref: '行办〔2026〕12号',
      assignee_id: alice.id,
      department_id: DEPT,
      method: '按年度装盒，贴标签',
      due_on: '2026-03-13',
      assigned_at: '2026-03-09T09:00:00+08:00',
      ...over,
    },
    by,
    TZ,
  )
  if (!out.ok) throw new Error(out.reason)
  return out.value
}

export const stateOf = (task: Task): TaskState => ({ task, followUps: new Map() })

let seq = 0
/** An event as the server stores it. */
export function ev(type: TaskEvent['type'], actor: TaskActor, at: string, data: Record<string, unknown> = {}): TaskEvent {
  seq++
  return { id: `e0000000-0000-4000-8000-${String(seq).padStart(12, '0')}`, task_id: TASK_ID, type, actor_id: actor.id, device_time: at, data, flagged: false }
}

export const fold = (task: Task, events: TaskEvent[]) => foldTask(task, events)
