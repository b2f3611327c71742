/**
 * The tasks a person carries out, the reminder centre (read through the indexes: data/bell.ts
 * inboxRead), the open counts of the long lists (the tasks given, the scope of an admin head,
 * executive or department head: paged by data/taskPages.ts, never read whole here), the company
 * calendar and the names. Live (Dexie liveQuery), so the bell and Home move as soon as an act is
 * saved or pulled.
 */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { getDb, observe } from '@/platform/db'
import type { CalendarDayRow, TaskRow } from '@/platform/db/rows'
import { useSessionStore } from '@/features/auth'
import { loadStatutoryDays, type StatutoryDays } from '@/shared/lib/calendar'
import { DEFAULT_TIME_ZONE, calendarDate } from '@/shared/lib/zonedTime'
import { bellCount, inboxFor, mayAssign, ASSIGNER_ROLES, type TaskActor } from '../domain'
import { calendarDays, calendarFrom } from '../data/calendar'
import { byDue, departmentsHeadedBy, loadNames, tasksForPerson, type Names } from '../data/taskReads'
import { inboxRead, type BellInput } from '../data/bell'
import { openCount } from '../data/taskPages'
import { followUpOf, taskOf } from '../data/rows'

export type LoadStatus = 'loading' | 'ready' | 'error'

interface Lists {
  mine: TaskRow[]
  /** What the reminder centre lists: the tasks and 督办 sheets that can be in it. */
  inbox: Omit<BellInput, 'actor'>
  /** The company's day the read was made for (the late tasks are read by due day). */
  today: string
  /** Open tasks in the paged lists (their tab badges); 0 until a page asks for them (load's `counts`). */
  openGiven: number
  openScope: number
  days: CalendarDayRow[]
  names: Names
}

const EMPTY: Lists = {
  mine: [],
  inbox: { tasks: [], followUps: [], departmentHeads: new Map() },
  today: '',
  openGiven: 0,
  openScope: 0,
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

  /**
   * The paged lists' open counts (two index counts per site) are read only once a page that shows
   * them asks (the task list's tab badges): Home's first screen does not wait for them.
   */
  let counting = false

  async function read(base: TaskActor, statutoryDays: StatutoryDays | null, counts: boolean): Promise<Lists> {
    const db = getDb()
    const [headOf, days, names] = await Promise.all([departmentsHeadedBy(db, base.id), calendarDays(db), loadNames(db)])
    const who: TaskActor = { ...base, headOf }
    const today = calendarDate(Date.now(), names.timeZone)
    const late = statutoryDays ? { calendar: calendarFrom(statutoryDays, days), today } : null
    const [mine, inbox, openGiven, openScope] = await Promise.all([
      tasksForPerson(db, who),
      inboxRead(db, who, late),
      counts ? openCount(db, who, 'given') : 0,
      counts ? openCount(db, who, 'scope') : 0,
    ])
    const { tasks, followUps, departmentHeads } = inbox
    return { mine: mine.sort(byDue), inbox: { tasks, followUps, departmentHeads }, today, openGiven, openScope, days, names }
  }

  /** `counts`: also read openGiven/openScope (and keep reading them from then on). */
  function load(force = false, options: { counts?: boolean } = {}): void {
    const who = person.value
    if (!who) return
    const key = JSON.stringify(who)
    const same = !!stop && forKey === key && status.value !== 'error'
    const addCounts = !!options.counts && !counting
    if (!force && same && !addCounts) return
    stop?.()
    forKey = key
    counting ||= !!options.counts
    // Adding the counts to lists already shown reads again without going back to 'loading'.
    if (!force && !(same && addCounts)) status.value = 'loading'
    const statutoryDays = statutory.value
    const counts = counting
    stop = observe(
      () => read(who, statutoryDays, counts),
      (value) => {
        lists.value = value
        status.value = 'ready'
      },
      (e) => {
        console.error('tasks query failed', e)
        status.value = 'error'
      },
    )
    // The calendar arrives once (a lazy chunk): read again with it.
    if (!statutory.value)
      void loadStatutoryDays().then((s) => {
        statutory.value = s
        if (stop) load(true)
      })
    timer ??= setInterval(() => {
      now.value = Date.now()
      // A new company day: read again (the late tasks are read by due day).
      if (stop && lists.value.today !== '' && calendarDate(now.value, timeZone.value) !== lists.value.today) load(true)
    }, 60_000)
  }

  const timeZone = computed(() => lists.value.names.timeZone)
  const calendar = computed(() => (statutory.value ? calendarFrom(statutory.value, lists.value.days) : null))
  /** The tasks on the device this store holds (mine and the reminder centre's), once each. */
  const visible = computed(() => {
    const byId = new Map<string, TaskRow>()
    for (const list of [lists.value.mine, lists.value.inbox.tasks]) for (const t of list) byId.set(t.id, t)
    return byId
  })
  const inbox = computed(() =>
    actor.value
      ? inboxFor({
          tasks: lists.value.inbox.tasks.map(taskOf),
          followUps: lists.value.inbox.followUps.map(followUpOf),
          actor: actor.value,
          calendar: calendar.value,
          now: now.value,
          timeZone: timeZone.value,
          departmentHeads: lists.value.inbox.departmentHeads,
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
  const taskById = (id: string): TaskRow | undefined => visible.value.get(id)
  /** The head of a department (部门负责人), if it has one: the level above a task's giver. */
  const departmentHead = (id: string | null | undefined): string | null => (id ? (lists.value.names.departments.get(id)?.headId ?? null) : null)

  return { status, lists, now, actor, timeZone, calendar, visible, inbox, bell, assignSites, canAssign, load, personName, departmentName, departmentHead, taskById }
})
