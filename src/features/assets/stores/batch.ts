/**
 * Batch mode: labels scanned in a row build a list (repeats ignored), then one action for all of
 * them is written in ONE transaction: all recorded, or none. Texts resolve as on the Scan tab
 * (its resolveAndLog): a replaced label finds its asset, what finds nothing goes to scan_log.
 */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { getDb } from '@/platform/db'
import type { AssetRow } from '@/platform/db/rows'
import { useSessionStore } from '@/features/auth'
import { resolveAndLog } from '@/features/scan'
import type { CustodyEventType } from '../domain/custodyEvents'
import { warmImport } from '@/shared/lib/idle'
import { loadCustodyEventSchema, recordCustodyEvents, type CustodyRecordResult } from '../data/custodyRepository'

export type BatchAction = Extract<CustodyEventType, 'check_out' | 'check_in' | 'audit_seen'>
export const BATCH_ACTIONS: readonly BatchAction[] = ['check_out', 'check_in', 'audit_seen']

export type AddOutcome =
  /** `replaced`: found by a retired label; listed, and the keeper is told to re-label it. */
  | { kind: 'added'; asset: AssetRow; replaced: boolean }
  | { kind: 'duplicate'; asset: AssetRow }
  | { kind: 'unknown' }
  | { kind: 'badge' }
  | { kind: 'foreign' }
  | { kind: 'malformed' }

export const useBatchStore = defineStore('assets-batch', () => {
  // In memory before the first save, even offline on a first visit (issue 13).
  warmImport(loadCustodyEventSchema)
  const session = useSessionStore()
  const items = shallowRef<AssetRow[]>([])
  const saving = ref(false)
  const ids = computed(() => new Set(items.value.map((a) => a.id)))

  /** Texts that found a listed asset: the page's "already in the list" check for camera repeats. */
  const listedBy = new Map<string, string>()

  function push(text: string, asset: AssetRow, replaced: boolean): AddOutcome {
    listedBy.set(text, asset.id)
    // Checked after the await, synchronously: two quick scans of one label add it once.
    if (ids.value.has(asset.id)) return { kind: 'duplicate', asset }
    items.value = [asset, ...items.value]
    return { kind: 'added', asset, replaced }
  }

  /** A decoded QR or typed text → the asset appended, or why not. */
  async function add(text: string, origin: string = window.location.origin): Promise<AddOutcome> {
    const outcome = await resolveAndLog(getDb(), text, [origin], { userId: session.userId })
    switch (outcome.kind) {
      case 'asset':
        return push(text, outcome.asset, false)
      case 'replaced':
        return push(text, outcome.asset, true)
      case 'badge':
      case 'foreign':
      case 'malformed':
        return { kind: outcome.kind }
      default:
        return { kind: 'unknown' }
    }
  }

  /** True when `text` found an asset that is in the list now. */
  function isListed(text: string): boolean {
    const id = listedBy.get(text)
    return id !== undefined && ids.value.has(id)
  }

  function remove(id: string): void {
    items.value = items.value.filter((a) => a.id !== id)
  }

  /** The list kept in the page's device draft (issue #12), newest first: the assets that still exist. */
  async function restore(ids: readonly string[]): Promise<void> {
    const rows = await getDb().assets.bulkGet([...ids])
    items.value = rows.filter((a): a is AssetRow => a !== undefined && a.deleted_at === null)
  }

  function clear(): void {
    items.value = []
    listedBy.clear()
  }

  /** One event per listed asset, the same payload for each, in one transaction. */
  async function commit(type: BatchAction, payload: Record<string, unknown>, draftKey: string | null = null): Promise<CustodyRecordResult> {
    saving.value = true
    try {
      const actor = { person_id: session.userId ?? '', roles: session.roles }
      const list = [...items.value].reverse() // scan order
      const result = await recordCustodyEvents(getDb(), list.map((asset) => ({ asset, type, payload })), actor, { draftKey })
      if (result.ok) {
        performance.mark('custody:committed')
        clear()
      }
      return result
    } finally {
      saving.value = false
    }
  }

  return { items, saving, add, isListed, remove, restore, clear, commit }
})
