/**
 * Batch mode: labels scanned in a row build a list (repeats ignored), then one action for all of
 * them is written in ONE transaction: all recorded, or none.
 */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { getDb } from '@/platform/db'
import type { AssetRow } from '@/platform/db/rows'
import { useSessionStore } from '@/features/auth'
import { parseScannedCode } from '../domain/labelToken'
import type { CustodyEventType } from '../domain/custodyEvents'
import { findAssetByNumber, findAssetByToken } from '../data/lookup'
import { recordCustodyEvents, type CustodyRecordResult } from '../data/custodyRepository'

export type BatchAction = Extract<CustodyEventType, 'check_out' | 'check_in' | 'audit_seen'>
export const BATCH_ACTIONS: readonly BatchAction[] = ['check_out', 'check_in', 'audit_seen']

export type AddOutcome =
  | { kind: 'added'; asset: AssetRow }
  | { kind: 'duplicate'; asset: AssetRow }
  | { kind: 'replaced'; asset: AssetRow }
  | { kind: 'unknown' }
  | { kind: 'foreign' }
  | { kind: 'malformed' }

export const useBatchStore = defineStore('assets-batch', () => {
  const session = useSessionStore()
  const items = shallowRef<AssetRow[]>([])
  const saving = ref(false)
  const ids = computed(() => new Set(items.value.map((a) => a.id)))

  function push(asset: AssetRow): AddOutcome {
    if (ids.value.has(asset.id)) return { kind: 'duplicate', asset }
    items.value = [asset, ...items.value]
    return { kind: 'added', asset }
  }

  /** A decoded QR or typed text → the asset appended, or why not. */
  async function add(text: string, origin: string = window.location.origin): Promise<AddOutcome> {
    const parsed = parseScannedCode(text, [origin])
    const db = getDb()
    if (parsed.kind === 'foreign') return { kind: 'foreign' }
    if (parsed.kind === 'malformed') return { kind: 'malformed' }
    if (parsed.kind === 'number') {
      const asset = await findAssetByNumber(db, parsed.number)
      return asset ? push(asset) : { kind: 'unknown' }
    }
    const found = await findAssetByToken(db, parsed.token)
    if (found.kind === 'unknown') return found
    // A replaced label is still that asset, but the keeper should re-label it: say so, do not add.
    return found.kind === 'replaced' ? { kind: 'replaced', asset: found.asset } : push(found.asset)
  }

  function remove(id: string): void {
    items.value = items.value.filter((a) => a.id !== id)
  }

  function clear(): void {
    items.value = []
  }

  /** One event per listed asset, the same payload for each, in one transaction. */
  async function commit(type: BatchAction, payload: Record<string, unknown>): Promise<CustodyRecordResult> {
    saving.value = true
    try {
      const actor = { person_id: session.userId ?? '', roles: session.roles }
      const list = [...items.value].reverse() // scan order
      const result = await recordCustodyEvents(getDb(), list.map((asset) => ({ asset, type, payload })), actor)
      if (result.ok) {
        performance.mark('custody:committed')
        clear()
      }
      return result
    } finally {
      saving.value = false
    }
  }

  return { items, saving, add, remove, clear, commit }
})
