import { beforeAll, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import type { FollowUpRow, TaskRow } from '@/platform/db/rows'
import { bellCount, inboxFor, newFollowUp, type Task, type TaskActor } from '@/features/tasks/domain'
import { bellInput, inboxRead } from '@/features/tasks/data/bell'
import { followUpsWithTasks, tasksForPerson, tasksGivenBy, tasksInScope } from '@/features/tasks/data/taskReads'
import { followUpOf, taskOf } from '@/features/tasks/data/rows'
import { loadStatutoryDays, makeCalendar, type CompanyCalendar } from '@/shared/lib/calendar'
import { addDays } from '@/shared/lib/zonedTime'
import { freshDb } from '../features/testDb'
import { DEPT, OTHER_SITE, SITE, TZ, adminHead, alice, bob, carol, executive, makeTask, officer, otherAdminHead, staff } from '../tasks-domain/fixtures'

const NOW = '2026-03-13T04:00:00Z' // Friday 13 March, noon in Shanghai
const PEOPLE = [alice, bob, carol, null] as const
const STATUSES: Task['status'][] = ['assigned', 'accepted', 'problem', 'handover', 'completed', 'scored', 'cancelled']
const LEVELS = ['supervisor', 'department_head', 'admin_head', 'executive'] as const
/** Bob heads the tasks' department (departments.head_id): problems at the department head's level are his. */
const headBob: TaskActor = { ...bob, headOf: [DEPT] }

let db: AdminFieldDb
let cal: CompanyCalendar

/** Every combination of assignee, status, due day, summary and 督办 sheet the bell reads differently. */
beforeAll(async () => {
  cal = makeCalendar(await loadStatutoryDays())
  db = freshDb()
  const tasks: TaskRow[] = []
  const sheets: FollowUpRow[] = []
  let n = 0
  for (const who of PEOPLE)
    for (const status of STATUSES)
      // 0 to 4 levels up the line when overdue (2, 4, 7 and 22 working days late on Friday 13 March).
      for (const due of [-30, -9, -4, -2, 0, 3])
        for (const sheetLevel of [null, 0, 1, 3]) {
          n++
          const id = `f0000000-0000-4000-8000-${String(n).padStart(12, '0')}`
          const base = makeTask(n % 3 === 0 ? adminHead : staff, { id, assignee_id: who?.id ?? null, department_id: DEPT })
          const done = status === 'completed' || status === 'scored'
          const task: Task = {
            ...base,
            status,
            assignee_id: who?.id ?? (status === 'assigned' ? null : bob.id),
            due_on: addDays('2026-03-13', due),
            completed_at: done ? '2026-03-10T09:00:00+08:00' : null,
            summary: done && n % 2 === 0 ? '总结' : null,
            escalation_level: status === 'problem' ? LEVELS[n % 4]! : null,
            handover_from: status === 'handover' ? (who?.id ?? null) : null,
            handover_to: status === 'handover' ? carol.id : null,
            follow_up_id: null,
          }
          if (sheetLevel !== null) {
            const sheet = { ...newFollowUp({ id: id.replace('f0000000', 'f1000000'), task_id: id, opened_by: adminHead.id, officer_id: officer.id, reason: 'late', instructions: '尽快', at: '2026-03-11T09:00:00+08:00' }), level: sheetLevel, status: n % 5 === 0 ? ('reviewed' as const) : ('open' as const) }
            sheets.push(sheet)
            task.follow_up_id = sheet.id
          }
          tasks.push({ ...(task as unknown as TaskRow), officer_id: sheetLevel === null ? null : officer.id })
        }
  await db.tasks.bulkAdd(tasks)
  await db.follow_ups.bulkAdd(sheets)
  await db.departments.add({ id: DEPT, site_id: SITE, code: 'FIN', name: '财务部', head_id: bob.id, updated_at: NOW, deleted_at: null })
  await db.sites.bulkAdd([
    { id: SITE, code: 'HQ', name: '总部', updated_at: NOW, deleted_at: null },
    { id: OTHER_SITE, code: 'SZ', name: '深圳', updated_at: NOW, deleted_at: null },
  ])
})

const LATE = () => ({ calendar: cal, today: '2026-03-13' })
const HEADS = new Map([[DEPT, bob.id]])

/** The reminder centre over every task the person sees (what the tasks store listed before it read through the indexes). */
async function fullInbox(actor: TaskActor) {
  const [mine, given, scope, sheets] = await Promise.all([tasksForPerson(db, actor), tasksGivenBy(db, actor.id), tasksInScope(db, actor), followUpsWithTasks(db)])
  const visible = new Map<string, TaskRow>()
  for (const list of [mine, given, scope]) for (const t of list) visible.set(t.id, t)
  for (const t of sheets.tasks.values()) if (sheets.followUps.some((f) => f.task_id === t.id && f.officer_id === actor.id)) visible.set(t.id, t)
  return inboxFor({ tasks: [...visible.values()].map(taskOf), followUps: sheets.followUps.map(followUpOf), actor, calendar: cal, now: NOW, timeZone: TZ, departmentHeads: HEADS })
}

/** What the tasks store counts: the inbox over every task the person sees. */
async function fullCount(actor: TaskActor): Promise<number> {
  const [mine, given, scope, sheets] = await Promise.all([tasksForPerson(db, actor), tasksGivenBy(db, actor.id), tasksInScope(db, actor), followUpsWithTasks(db)])
  const visible = new Map<string, TaskRow>()
  for (const list of [mine, given, scope]) for (const t of list) visible.set(t.id, t)
  for (const t of sheets.tasks.values()) if (sheets.followUps.some((f) => f.task_id === t.id && f.officer_id === actor.id)) visible.set(t.id, t)
  return bellCount(inboxFor({ tasks: [...visible.values()].map(taskOf), followUps: sheets.followUps.map(followUpOf), actor, calendar: cal, now: NOW, timeZone: TZ, departmentHeads: HEADS }))
}

async function fastCount(actor: TaskActor): Promise<number> {
  // The bell finds the departments the person heads itself.
  const input = await bellInput(db, { ...actor, headOf: undefined }, LATE())
  return bellCount(inboxFor({ tasks: input.tasks.map(taskOf), followUps: input.followUps.map(followUpOf), actor: input.actor, calendar: cal, now: NOW, timeZone: TZ, departmentHeads: input.departmentHeads }))
}

describe('the bell reads only what can ring it', { timeout: 240_000 }, () => {
  it('counts the same as the whole inbox for every kind of person', async () => {
    for (const actor of [alice, headBob, carol, officer, staff, adminHead, otherAdminHead, executive]) {
      const full = await fullCount(actor)
      expect(await fastCount(actor), actor.id).toBe(full)
    }
    // The data rings for each of them (the comparison is not 0 = 0).
    expect(await fullCount(alice)).toBeGreaterThan(0)
    expect(await fullCount(adminHead)).toBeGreaterThan(0)
    expect(await fullCount(officer)).toBeGreaterThan(0)
    // Problems waiting at the department head's level ring for the head only.
    expect(await fullCount(headBob)).toBeGreaterThan(await fullCount(bob))
  })

  it('the reminder centre lists the same items as the inbox over everything, every kind of person', async () => {
    for (const actor of [alice, headBob, carol, officer, staff, adminHead, otherAdminHead, executive]) {
      const input = await inboxRead(db, { ...actor, headOf: undefined }, LATE())
      const fast = inboxFor({ tasks: input.tasks.map(taskOf), followUps: input.followUps.map(followUpOf), actor: input.actor, calendar: cal, now: NOW, timeZone: TZ, departmentHeads: input.departmentHeads })
      expect(fast, actor.id).toEqual(await fullInbox(actor))
    }
    // Items that do not ring are there too (to score, to review, to approve).
    const kinds = new Set([...(await fullInbox(adminHead)), ...(await fullInbox(executive))].map((i) => i.kind))
    expect([...kinds]).toEqual(expect.arrayContaining(['toScore', 'toReview', 'toApprove', 'late']))
    // Overdue tasks gone up the line reach each level (the giver, the department head, 行政部长, 执行长).
    for (const actor of [staff, headBob, adminHead, executive]) expect((await fullInbox(actor)).some((i) => i.kind === 'late'), actor.id).toBe(true)
  })

  it('reads far fewer tasks than the admin head sees', async () => {
    const input = await bellInput(db, adminHead, LATE())
    expect(input.tasks.length).toBeLessThan((await tasksInScope(db, adminHead)).length)
  })
})
