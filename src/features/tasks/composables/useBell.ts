/**
 * The header bell's count, live, from the bell's own index-backed read (data/bell.ts) rather than the
 * whole tasks store: the shell shows it on every page, and an admin head's store holds the site's
 * every task. Ticks every minute so "due today" turns "overdue" at the company's midnight; a new
 * company day reads again (the overdue tasks gone up the line are read by due day).
 */
import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import { getDb, observe } from '@/platform/db'
import { loadStatutoryDays, type CompanyCalendar, type StatutoryDays } from '@/shared/lib/calendar'
import { DEFAULT_TIME_ZONE, calendarDate, type CalendarDate } from '@/shared/lib/zonedTime'
import type { TaskActor } from '../domain'
import { bellCount, inboxFor } from '../domain'
import { bellInput, type BellInput } from '../data/bell'
import { calendarDays, calendarFrom } from '../data/calendar'
import { followUpOf, taskOf } from '../data/rows'

interface Read extends BellInput {
  calendar: CompanyCalendar | null
  timeZone: string
  today: CalendarDate
}

export function useBell(actor: () => TaskActor | null) {
  const read = shallowRef<Read | null>(null)
  const now = ref(Date.now())
  let statutory: StatutoryDays | null = null
  let stop: (() => void) | null = null
  let forKey = ''

  function start(who: TaskActor, statutoryDays: StatutoryDays | null): () => void {
    return observe(
      async () => {
        const db = getDb()
        const [days, company] = await Promise.all([calendarDays(db), db.company.toArray()])
        const timeZone = company.find((c) => !c.deleted_at)?.timezone ?? DEFAULT_TIME_ZONE
        const calendar = statutoryDays ? calendarFrom(statutoryDays, days) : null
        const today = calendarDate(Date.now(), timeZone)
        const input = await bellInput(db, who, calendar ? { calendar, today } : null)
        return { ...input, calendar, timeZone, today }
      },
      (value) => (read.value = value),
      (e) => console.error('bell query failed', e),
    )
  }

  function load(force = false): void {
    const who = actor()
    const key = who ? JSON.stringify(who) : ''
    if (!force && key === forKey && stop) return
    stop?.()
    stop = null
    forKey = key
    if (!force) read.value = null
    if (who) stop = start(who, statutory)
  }
  // The calendar arrives once (a lazy chunk): read again with it.
  void loadStatutoryDays().then((s) => {
    statutory = s
    if (stop) load(true)
  })
  const timer = setInterval(() => {
    now.value = Date.now()
    const r = read.value
    if (r && stop && calendarDate(now.value, r.timeZone) !== r.today) load(true)
  }, 60_000)
  onScopeDispose(() => {
    clearInterval(timer)
    stop?.()
  })

  const count = computed(() => {
    const r = read.value
    if (!r || !actor()) return 0
    const items = inboxFor({
      tasks: r.tasks.map(taskOf),
      followUps: r.followUps.map(followUpOf),
      actor: r.actor,
      calendar: r.calendar,
      now: now.value,
      timeZone: r.timeZone,
      departmentHeads: r.departmentHeads,
    })
    return bellCount(items)
  })
  return { count, load }
}
