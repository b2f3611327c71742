// Helpers for the tasks engine's database tests: people, a task, one act.
import { randomUUID } from 'node:crypto'
import type { TestDb } from './database'
import { DEMO } from './database'
import { makeUser } from './checklists'
import { makeOp, push } from './sync'

export const HQ = DEMO.sites['SH-HQ'] as string
export const SZ = DEMO.sites['SZ-PLANT'] as string
export const FIN = DEMO.departments.FIN as string
export const HR = DEMO.departments.HR as string

/** A person with a role at a site, in a department. */
export async function person(db: TestDb, role: string, site: string | null, department: string | null, name = role) {
  const id = await makeUser(db, role, site, name)
  await db.query('update public.profiles set department_id = $2, site_id = $3 where id = $1', [id, department, site])
  return id
}

export interface OpOut {
  id: string
  status: string
  reason?: string
  detail?: string
}

/** One op as the user, with its device time (facts are folded by it). */
export async function op(db: TestDb, user: string, kind: string, payload: Record<string, unknown>, deviceTime?: string, id: string = randomUUID()): Promise<OpOut> {
  const [r] = await push(db, user, [makeOp(kind, id, payload, deviceTime ? { device_time: deviceTime } : {})])
  if (!r) throw new Error('no result')
  return { ...r, id }
}

export const assignPayload = (assignee: string | null, extra: Record<string, unknown> = {}) => ({
  site_id: HQ,
  title: '整理三楼档案室',
  source: 'instruction',
  source_ref: '行办〔2026〕12号',
  assignee_id: assignee,
  department_id: FIN,
  method: '按年度装盒',
  due_on: '2026-03-13',
  ...extra,
})

export async function assign(db: TestDb, by: string, assignee: string | null, extra: Record<string, unknown> = {}, at = '2026-03-09T09:00:00+08:00') {
  const id = randomUUID()
  const r = await op(db, by, 'task.assign', assignPayload(assignee, extra), at, id)
  if (r.status !== 'applied') throw new Error(`assign: ${r.status} ${r.detail ?? ''}`)
  return id
}

export const actOn = (db: TestDb, user: string, taskId: string, type: string, data: Record<string, unknown> = {}, at?: string) =>
  op(db, user, 'task.act', { type, task_id: taskId, ...data }, at)

export async function taskRow(db: TestDb, id: string) {
  const [row] = await db.query<Record<string, unknown>>('select * from public.tasks where id = $1', [id])
  if (!row) throw new Error('no task')
  return row
}
