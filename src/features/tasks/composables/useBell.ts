/**
 * The header bell's count, live, from the bell's own index-backed read (data/bell.ts) rather than the
 * whole tasks store: the shell shows it on every page, and an admin head's store holds the site's
 * every task. Ticks every minute so "due today" turns "overdue" at the company's midnight.
 */
import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import { getDb, observe } from '@/platform/db'
import type { CalendarDayRow } from '@/platform/db/rows'
import { loadStatutoryDays, type StatutoryDays } from '@/shared/lib/calendar'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'
import type { TaskActor } from '../domain'
import { bellCount, inboxFor } from '../domain'
import { bellInput, type BellInput } from '../data/bell'
import { calendarDays, calendarFrom } from '../data/calendar'
import { followUpOf, taskOf } from '../data/rows'

interface Read extends BellInput {
  days: CalendarDayRow[]
  timeZone: string
}

export function useBell(actor: () => TaskActor | null) {
  const read = shallowRef<Read | null>(null)
  const statutory = shallowRef<StatutoryDays | null>(null)
  const now = ref(Date.now())
  let stop: (() => void) | null = null
  let forKey = ''

  function load(): void {
    const who = actor()
    const key = who ? JSON.stringify(who) : ''
    if (key === forKey && stop) return
    stop?.()
    stop = null
    forKey = key
    read.value = null
    if (!who) return
    stop = observe(
      async () => {
        const db = getDb()
        const [input, days, company] = await Promise.all([bellInput(db, who), calendarDays(db), db.company.toArray()])
        return { ...input, days, timeZone: company.find((c) => !c.deleted_at)?.timezone ?? DEFAULT_TIME_ZONE }
      },
      (value) => (read.value = value),
      (e) => console.error('bell query failed', e),
    )
  }
  void loadStatutoryDays().then((s) => (statutory.value = s))
  const timer = setInterval(() => (now.value = Date.now()), 60_000)
  onScopeDispose(() => {
    clearInterval(timer)
    stop?.()
  })

  const count = computed(() => {
    const r = read.value
    if (!r || !actor()) return 0
    const who = r.actor
    const calendar = statutory.value ? calendarFrom(statutory.value, r.days) : null
    return bellCount(inboxFor({ tasks: r.tasks.map(taskOf), followUps: r.followUps.map(followUpOf), actor: who, calendar, now: now.value, timeZone: r.timeZone }))
  })
  return { count, load }
}
