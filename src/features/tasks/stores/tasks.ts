/**
 * The tasks a person sees (theirs, those they gave, their scope as admin head or executive), the
 * 督办 sheets on the device, the company calendar, and the reminder centre computed from them.
 * Live (Dexie liveQuery), so the bell and Home move as soon as an act is saved or pulled.
 */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { getDb, observe } from '@/platform/db'
import type { CalendarDayRow, FollowUpRow, TaskRow } from '@/platform/db/rows'
import { useSessionStore } from '@/features/auth'
import { loadStatutoryDays, type StatutoryDays } from '@/shared/lib/calendar'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'
import { bellCount, inboxFor, mayAssign, ASSIGNER_ROLES, type TaskActor } from '../domain'
import { calendarDays, calendarFrom } from '../data/calendar'
import { byDue, departmentsHeadedBy, followUpsWithTasks, loadNames, tasksForPerson, tasksGivenBy, tasksInScope, type Names } from '../data/taskReads'
import { followUpOf, taskOf } from '../data/rows'

export type LoadStatus = 'loading' | 'ready' | 'error'

interface Lists {
  mine: TaskRow[]
  given: TaskRow[]
  scope: TaskRow[]
  followUps: FollowUpRow[]
  sheetTasks: Map<string, TaskRow>
  days: CalendarDayRow[]
  names: Names
}

const EMPTY: Lists = {
  mine: [],
  given: [],
  scope: [],
  followUps: [],
  sheetTasks: new Map(),
  days: [],
  names: { people: new Map(), profiles: [], departments: new Map(), sites: new Map(), timeZone: DEFAULT_TIME_ZONE },
}

export const useTasksStore = defineStore('tasks', () => {
  const session = useSessionStore()
  const status = ref<LoadStatus>('loading')
  const lists = shallowRef<Lists>(EMPTY)
  const statutory = shallowRef<StatutoryDays | null>(null)
  /** Ticks every minute so "due today" turns "overdue" at the company's midnight while a page is open. */
  const now = ref(Date.now())
  let stop: (() => void) | null = null
  let forKey: string | null = null
  let timer: ReturnType<typeof setInterval> | null = null

  /** The person from the session; the departments they head come from the device's departments (below). */
  const person = computed<TaskActor | null>(() =>
    session.userId
      ? { id: session.userId, grants: session.grants.map((g) => ({ role: g.role, siteId: g.siteId })), departmentId: session.profile?.departmentId ?? null }
      : null,
  )
  const actor = computed<TaskActor | null>(() => {
    const who = person.value
    if (!who) return null
    const headOf = [...lists.value.names.departments].filter(([, d]) => d.headId === who.id).map(([id]) => id)
    return headOf.length > 0 ? { ...who, headOf } : who
  })

  async function read(base: TaskActor): Promise<Lists> {
    const db = getDb()
    const headOf = await departmentsHeadedBy(db, base.id)
    const who: TaskActor = { ...base, headOf }
    const [mine, given, scope, sheets, days, names] = await Promise.all([
      tasksForPerson(db, who),
      tasksGivenBy(db, who.id),
      tasksInScope(db, who),
      followUpsWithTasks(db),
      calendarDays(db),
      loadNames(db),
    ])
    return { mine: mine.sort(byDue), given: given.sort(byDue), scope: scope.sort(byDue), followUps: sheets.followUps, sheetTasks: sheets.tasks, days, names }
  }

  function load(): void {
    const who = person.value
    if (!who) return
    const key = JSON.stringify(who)
    if (stop && forKey === key && status.value !== 'error') return
    stop?.()
    forKey = key
    status.value = 'loading'
    stop = observe(
      () => read(who),
      (value) => {
        lists.value = value
        status.value = 'ready'
      },
      (e) => {
        console.error('tasks query failed', e)
        status.value = 'error'
      },
    )
    if (!statutory.value) void loadStatutoryDays().then((s) => (statutory.value = s))
    timer ??= setInterval(() => (now.value = Date.now()), 60_000)
  }

  const timeZone = computed(() => lists.value.names.timeZone)
  const calendar = computed(() => (statutory.value ? calendarFrom(statutory.value, lists.value.days) : null))
  /** Every task this person sees, once each. */
  const visible = computed(() => {
    const byId = new Map<string, TaskRow>()
    for (const list of [lists.value.mine, lists.value.given, lists.value.scope]) for (const t of list) byId.set(t.id, t)
    for (const t of lists.value.sheetTasks.values()) if (!byId.has(t.id) && lists.value.followUps.some((f) => f.task_id === t.id && f.officer_id === actor.value?.id)) byId.set(t.id, t)
    return byId
  })
  const inbox = computed(() =>
    actor.value
      ? inboxFor({
          tasks: [...visible.value.values()].map(taskOf),
          followUps: lists.value.followUps.map(followUpOf),
          actor: actor.value,
          calendar: calendar.value,
          now: now.value,
          timeZone: timeZone.value,
        })
      : [],
  )
  const bell = computed(() => bellCount(inbox.value))
  /** Sites where this person may give tasks. */
  const assignSites = computed(() => {
    const who = actor.value
    if (!who) return []
    const sites = [...lists.value.names.sites.keys()]
    return sites.filter((s) => mayAssign(who, s))
  })
  const canAssign = computed(() => session.roles.some((r) => (ASSIGNER_ROLES as readonly string[]).includes(r)))

  const personName = (id: string | null | undefined): string => (id ? (lists.value.names.people.get(id) ?? '') : '')
  const departmentName = (id: string | null | undefined): string => (id ? (lists.value.names.departments.get(id)?.name ?? '') : '')
  const taskById = (id: string): TaskRow | undefined => visible.value.get(id) ?? lists.value.sheetTasks.get(id)
  /** The head of a department (部门负责人), if it has one: the level above a task's giver. */
  const departmentHead = (id: string | null | undefined): string | null => (id ? (lists.value.names.departments.get(id)?.headId ?? null) : null)

  return { status, lists, now, actor, timeZone, calendar, visible, inbox, bell, assignSites, canAssign, load, personName, departmentName, departmentHead, taskById }
})
