/** What I hold, what is overdue, and conflicts for my kinds: Home, Work and their list pages. */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { getDb, observe } from '@/platform/db'
import type { AssetRow } from '@/platform/db/rows'
import { useSessionStore } from '@/features/auth'
import { RETURN_CONFIRMED_KINDS, keepsKind, keptKinds } from '../domain/assetRoles'
import { overdueItems, type OverdueEntry } from '../domain/overdue'
import { assetsAwaitingKeeper, assetsHeldBy, assetsInConflict, assetsWithDue } from '../data/myItems'
import { useDirectoryStore, type LoadStatus } from './directory'

export const useMyItemsStore = defineStore('assets-my-items', () => {
  const session = useSessionStore()
  const directory = useDirectoryStore()
  const status = ref<LoadStatus>('loading')
  const held = shallowRef<AssetRow[]>([])
  const withDue = shallowRef<AssetRow[]>([])
  const conflicted = shallowRef<AssetRow[]>([])
  /** 待我确认: returns of what I keep that wait for my check-in. */
  const awaiting = shallowRef<AssetRow[]>([])
  /** Re-read every minute so "how late" moves while the page is open. */
  const now = ref(Date.now())
  let stop: (() => void) | null = null
  let stopConflicts: (() => void) | null = null
  let stopAwaiting: (() => void) | null = null
  let forKey: string | null = null
  let timer: ReturnType<typeof setInterval> | null = null

  function load(): void {
    const userId = session.userId
    const kinds = keptKinds(session.roles)
    const key = `${userId}|${kinds.join(',')}`
    directory.load()
    if (stop && forKey === key && status.value !== 'error') return
    stop?.()
    stopConflicts?.()
    stopAwaiting?.()
    forKey = key
    status.value = 'loading'
    const db = getDb()
    const fail = (e: unknown) => {
      console.error('custody lists query failed', e)
      status.value = 'error'
    }
    stop = observe(
      async () => {
        const [h, d] = await Promise.all([userId ? assetsHeldBy(db, userId) : Promise.resolve([]), assetsWithDue(db)])
        return { h, d }
      },
      ({ h, d }) => {
        held.value = h
        withDue.value = d
        status.value = 'ready'
      },
      fail,
    )
    // Separate, so a keeper's slower conflict read never delays what I hold.
    conflicted.value = []
    stopConflicts = kinds.length === 0 ? null : observe(() => assetsInConflict(db, kinds), (c) => (conflicted.value = c), fail)
    awaiting.value = []
    const confirming = kinds.filter((k) => RETURN_CONFIRMED_KINDS.includes(k))
    stopAwaiting = confirming.length === 0 ? null : observe(() => assetsAwaitingKeeper(db, confirming), (a) => (awaiting.value = a), fail)
    timer ??= setInterval(() => (now.value = Date.now()), 60_000)
  }

  const overdue = computed<OverdueEntry<AssetRow>[]>(() => overdueItems(withDue.value, now.value, directory.timeZone))
  const myOverdue = computed(() => overdue.value.filter((o) => o.item.holder_id === session.userId))
  /** Overdue items of the kinds I keep (all for the head and the executive). */
  const keptOverdue = computed(() =>
    overdue.value.filter((o) => session.roles.includes('executive') || keepsKind(o.item.kind, session.roles)),
  )
  const conflicts = computed(() => conflicted.value.filter((a) => keepsKind(a.kind, session.roles)))

  return { status, held, overdue, myOverdue, keptOverdue, conflicts, awaiting, now, load }
})
