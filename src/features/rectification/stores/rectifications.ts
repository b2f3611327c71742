/** The rectification lists for Home, Work and the list page: mine, to verify, escalated. Live. */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { getDb, observe } from '@/platform/db'
import type { AreaRow, RectificationRow } from '@/platform/db/rows'
import { useSessionStore } from '@/features/auth'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'
import { areasById, inspectorsById, tasksAssignedTo, tasksToVerify, unfixedTasks } from '../data/rectificationReads'
import { loadNames } from '../data/names'
import { canVerify, seesEscalations } from '../domain/rules'
import { escalated as escalatedOf } from '../domain/escalation'

export type LoadStatus = 'loading' | 'ready' | 'error'

interface Lists {
  mine: RectificationRow[]
  toVerify: RectificationRow[]
  unfixed: RectificationRow[]
  areas: Map<string, AreaRow>
  inspectors: Map<string, string>
  people: Map<string, string>
  timeZone: string
}

const EMPTY: Lists = { mine: [], toVerify: [], unfixed: [], areas: new Map(), inspectors: new Map(), people: new Map(), timeZone: DEFAULT_TIME_ZONE }

export const useRectificationStore = defineStore('rectification-lists', () => {
  const session = useSessionStore()
  const status = ref<LoadStatus>('loading')
  const lists = shallowRef<Lists>(EMPTY)
  /** Ticks every minute so "how late" and the escalation list move while a page is open. */
  const now = ref(Date.now())
  let stop: (() => void) | null = null
  let forKey: string | null = null
  let timer: ReturnType<typeof setInterval> | null = null

  async function read(userId: string | null, verifier: boolean, head: boolean): Promise<Lists> {
    const db = getDb()
    const [mine, toVerify, unfixed, names] = await Promise.all([
      userId ? tasksAssignedTo(db, userId) : Promise.resolve([]),
      verifier ? tasksToVerify(db) : Promise.resolve([]),
      head ? unfixedTasks(db) : Promise.resolve([]),
      loadNames(db),
    ])
    const all = [...mine, ...toVerify, ...unfixed]
    const [areas, inspectors] = await Promise.all([areasById(db, all.map((r) => r.area_id)), inspectorsById(db, toVerify.map((r) => r.inspection_id))])
    return { mine, toVerify, unfixed, areas, inspectors, people: names.people, timeZone: names.timeZone }
  }

  function load(): void {
    const userId = session.userId
    const verifier = canVerify(session.roles)
    const head = seesEscalations(session.roles)
    const key = `${userId}|${verifier}|${head}`
    if (stop && forKey === key && status.value !== 'error') return
    stop?.()
    forKey = key
    status.value = 'loading'
    stop = observe(
      () => read(userId, verifier, head),
      (value) => {
        lists.value = value
        status.value = 'ready'
      },
      (e) => {
        console.error('rectification lists query failed', e)
        status.value = 'error'
      },
    )
    timer ??= setInterval(() => (now.value = Date.now()), 60_000)
  }

  const mine = computed(() => lists.value.mine)
  /** The ones from my own inspections first: I was there, I know what to look at. */
  const toVerify = computed(() => {
    const me = session.userId
    const own = (r: RectificationRow) => (lists.value.inspectors.get(r.inspection_id) === me ? 0 : 1)
    return [...lists.value.toVerify].sort((a, b) => own(a) - own(b))
  })
  const escalated = computed(() => escalatedOf(lists.value.unfixed, now.value))
  const overdueMine = computed(() => mine.value.filter((r) => Date.parse(r.due_at) < now.value))

  const areaOf = (r: RectificationRow): AreaRow | null => lists.value.areas.get(r.area_id) ?? null
  const personName = (id: string | null | undefined): string => (id ? (lists.value.people.get(id) ?? '') : '')
  const timeZone = computed(() => lists.value.timeZone)

  return { status, mine, toVerify, escalated, overdueMine, now, timeZone, load, areaOf, personName }
})
