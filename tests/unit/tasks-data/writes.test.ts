import { beforeEach, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import { actOnTask, openFollowUp, remindFollowUp } from '@/features/tasks/domain/act'
import { saveAct, saveAssignedTask } from '@/features/tasks/data/taskWrites'
import { loadTaskDetail, tasksForPerson, tasksGivenBy, tasksInScope } from '@/features/tasks/data/taskReads'
import { loadCompanyCalendar, setCalendarDay } from '@/features/tasks/data/calendar'
import { stateOf } from '@/features/tasks/data/rows'
import { addWorkingDays } from '@/shared/lib/calendar'
import { freshDb } from '../features/testDb'
import { fakePhoto } from '../photos/support'
import { FOLLOW_UP_ID, SITE, TASK_ID, adminHead, alice, bob, carol, makeTask, officer, otherAdminHead, staff } from '../tasks-domain/fixtures'

let db: AdminFieldDb
beforeEach(() => {
  db = freshDb()
})

const NOW = new Date('2026-03-10T02:00:00.000Z')

async function state() {
  const d = await loadTaskDetail(db, TASK_ID)
  if (!d) throw new Error('no task')
  return stateOf(d.task, d.followUps)
}

describe('writing tasks on the device', () => {
  it('a new task lands with its ops (assign, then its photo) in one go, with the server\'s payload', async () => {
    const photo = fakePhoto()
    const task = makeTask(staff, { photo_ids: [photo.id] })
    await saveAssignedTask(db, task, [photo], NOW)
    expect(await db.tasks.get(TASK_ID)).toMatchObject({ status: 'assigned', assignee_id: alice.id, officer_id: null })
    const ops = await db.outbox.orderBy('seq').toArray()
    expect(ops.map((o) => o.kind)).toEqual(['task.assign', 'photo.register'])
    expect(ops[0]?.payload).toEqual({
      site_id: SITE, title: '整理三楼档案室', source: 'instruction', source_ref: '行办〔2026〕12号', assignee_id: alice.id,
      department_id: task.department_id, co_assignee_ids: [], method: '按年度装盒，贴标签', due_on: '2026-03-13', priority: 'normal', photo_ids: [photo.id],
    })
    expect(ops[1]?.payload).toMatchObject({ owner_table: 'tasks', owner_id: TASK_ID })
  })

  it('each act stores the moved task, its fact and any sheet, with an op whose device time is the act\'s', async () => {
    await saveAssignedTask(db, makeTask(), [], NOW)
    const at = '2026-03-10T03:00:00.000Z'
    const accept = actOnTask(await state(), { type: 'accept', task_id: TASK_ID }, alice, at)
    if (!accept.ok) throw new Error(accept.reason)
    await saveAct(db, 'task.act', accept.value, [], new Date(at))
    const photo = fakePhoto()
    const at2 = '2026-03-11T03:00:00.000Z'
    const progress = actOnTask(await state(), { type: 'progress', task_id: TASK_ID, note: '过半', photo_ids: [photo.id] }, alice, at2)
    if (!progress.ok) throw new Error(progress.reason)
    await saveAct(db, 'task.act', progress.value, [photo], new Date(at2))
    const at3 = '2026-03-11T04:00:00.000Z'
    const open = openFollowUp(await state(), { follow_up_id: FOLLOW_UP_ID, task_id: TASK_ID, officer_id: officer.id, reason: 'important', instructions: '每周汇报' }, adminHead, at3)
    if (!open.ok) throw new Error(open.reason)
    await saveAct(db, 'follow_up.open', open.value, [], new Date(at3))
    const at4 = '2026-03-11T05:00:00.000Z'
    const remind = remindFollowUp(await state(), { follow_up_id: FOLLOW_UP_ID, level: 'first', channel: 'phone', reminded_at: at4 }, officer, at4)
    if (!remind.ok) throw new Error(remind.reason)
    await saveAct(db, 'follow_up.remind', remind.value, [], new Date(at4))

    const detail = await loadTaskDetail(db, TASK_ID)
    expect(detail?.task).toMatchObject({ status: 'accepted', last_progress_at: at2, follow_up_id: FOLLOW_UP_ID, officer_id: officer.id })
    expect(detail?.events.map((e) => e.type)).toEqual(['accept', 'progress', 'follow_up', 'remind'])
    expect(detail?.followUps[0]).toMatchObject({ id: FOLLOW_UP_ID, level: 1, first_at: at4 })
    const ops = (await db.outbox.orderBy('seq').toArray()).slice(1)
    expect(ops.map((o) => [o.kind, o.device_time])).toEqual([
      ['task.act', at],
      ['task.act', at2],
      ['photo.register', at2],
      ['follow_up.open', at3],
      ['follow_up.remind', at4],
    ])
    expect(ops[0]?.payload).toEqual({ type: 'accept', task_id: TASK_ID })
    expect(ops[2]?.payload).toMatchObject({ owner_table: 'task_events', owner_id: ops[1]?.entity_id })
    // The sheet's fact shares the sheet's id; its payload is what follow_up.open reads.
    expect(ops[3]).toMatchObject({ entity_id: FOLLOW_UP_ID, payload: { task_id: TASK_ID, officer_id: officer.id, reason: 'important', instructions: '每周汇报' } })
    expect(ops[4]?.payload).toEqual({ follow_up_id: FOLLOW_UP_ID, level: 'first', channel: 'phone', reminded_at: at4 })
    expect(ops[1]?.related).toEqual([`tasks:${TASK_ID}`])
  })
})

describe('reading what each person sees', () => {
  it('mirrors the server: the assignee, co-assignees, the department while untaken, the giver, the site\'s heads', async () => {
    await saveAssignedTask(db, makeTask(staff, { co_assignee_ids: [bob.id] }), [], NOW)
    const deptTask = { ...makeTask(staff, { assignee_id: null, id: 'f0000000-0000-4000-8000-000000000002' }) }
    await saveAssignedTask(db, deptTask, [], NOW)
    const ids = async (p: Promise<{ id: string }[]>) => (await p).map((r) => r.id).sort()
    expect(await ids(tasksForPerson(db, alice))).toEqual([TASK_ID, deptTask.id].sort())
    expect(await ids(tasksForPerson(db, bob))).toEqual([TASK_ID, deptTask.id].sort())
    expect(await ids(tasksForPerson(db, carol))).toEqual([])
    expect(await ids(tasksGivenBy(db, staff.id))).toEqual([TASK_ID, deptTask.id].sort())
    expect((await tasksInScope(db, adminHead)).length).toBe(2)
    expect(await tasksInScope(db, otherAdminHead)).toEqual([])
    expect(await tasksInScope(db, alice)).toEqual([])
  })
})

describe('the company calendar on the device', () => {
  it('a company day off set by the admin head moves working-day deadlines, and the same day reuses its row', async () => {
    expect(addWorkingDays(await loadCompanyCalendar(db), '2026-03-12', 1)).toBe('2026-03-13')
    await setCalendarDay(db, { day: '2026-03-13', siteId: null, kind: 'off', note: '公司年会' }, NOW)
    expect(addWorkingDays(await loadCompanyCalendar(db), '2026-03-12', 1)).toBe('2026-03-16')
    await setCalendarDay(db, { day: '2026-03-13', siteId: null, kind: 'off', note: null, clear: true }, NOW)
    expect(addWorkingDays(await loadCompanyCalendar(db), '2026-03-12', 1)).toBe('2026-03-13')
    const ops = await db.outbox.orderBy('seq').toArray()
    expect(ops.map((o) => o.kind)).toEqual(['calendar_day.set', 'calendar_day.set'])
    expect(ops[0]?.entity_id).toBe(ops[1]?.entity_id)
    expect(ops[1]?.payload).toEqual({ day: '2026-03-13', kind: 'off', deleted: true })
  })
})
