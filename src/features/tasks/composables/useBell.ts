/**
 * The header bell's count, live: a tally (data/bellTally.ts) read once through the bell's indexes
 * (not the whole tasks store: the shell shows it on every page, and an admin head's store holds the
 * site's every task), then kept up to date task by task as they are written, here or in another
 * tab. Ticks every minute so "due today" turns "overdue" at the company's midnight (a new company
 * day counts again); a role switch starts a new tally.
 */
import { computed, onScopeDispose, ref } from 'vue'
import { getDb } from '@/platform/db'
import { loadStatutoryDays, type StatutoryDays } from '@/shared/lib/calendar'
import type { TaskActor } from '../domain'
import { tallyBell, type BellTally } from '../data/bellTally'

export function useBell(actor: () => TaskActor | null) {
  const counted = ref(0)
  let statutory: StatutoryDays | null = null
  let tally: BellTally | null = null
  let forKey = ''

  function start(who: TaskActor): BellTally {
    const mine: BellTally = tallyBell(getDb(), who, { statutory, onError: (e) => console.error('bell query failed', e) }, (n) => {
      if (tally === mine) counted.value = n
    })
    return mine
  }

  function load(force = false): void {
    const who = actor()
    const key = who ? JSON.stringify(who) : ''
    if (!force && key === forKey && tally) return
    tally?.stop()
    tally = null
    forKey = key
    // Another person's count is not shown while this one's is read; the same person's stays.
    if (!force) counted.value = 0
    if (who) tally = start(who)
  }
  // The calendar arrives once (a lazy chunk): count again with it.
  void loadStatutoryDays().then((s) => {
    statutory = s
    if (tally) load(true)
  })
  const timer = setInterval(() => tally?.tick(), 60_000)
  onScopeDispose(() => {
    clearInterval(timer)
    tally?.stop()
    tally = null
  })

  const count = computed(() => (actor() ? counted.value : 0))
  return { count, load }
}
