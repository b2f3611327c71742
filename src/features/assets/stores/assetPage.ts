/** The asset page: the asset, its timeline and state live from the device, and recording actions. */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { getDb, observe } from '@/platform/db'
import { useSessionStore } from '@/features/auth'
import type { AssetKind } from '../domain/assetNumber'
import { allowedEvents, type CustodyActor } from '../domain/custodyAccess'
import type { CustodyEventType } from '../domain/custodyEvents'
import { keepsKind } from '../domain/assetRoles'
import { loadAssetDetail, type AssetDetail } from '../data/assetDetail'
import { PHOTO_TABLES, photoRegisterOps, savePhotos, type ProcessedPhoto } from '@/platform/photos'
import { warmImport } from '@/shared/lib/idle'
import { loadCustodyEventSchema, recordCustodyEvents, type CustodyRecordResult } from '../data/custodyRepository'

export type AssetPageStatus = 'loading' | 'ready' | 'missing' | 'error'

export const useAssetPageStore = defineStore('asset-page', () => {
  // In memory before the first save, even offline on a first visit (issue 13).
  warmImport(loadCustodyEventSchema)
  const session = useSessionStore()
  const id = ref<string | null>(null)
  const status = ref<AssetPageStatus>('loading')
  const detail = shallowRef<AssetDetail | null>(null)
  let stop: (() => void) | null = null

  function load(assetId: string): void {
    if (id.value === assetId && stop && status.value !== 'error') return
    stop?.()
    id.value = assetId
    detail.value = null
    status.value = 'loading'
    stop = observe(
      () => loadAssetDetail(getDb(), assetId),
      (d) => {
        detail.value = d
        status.value = d ? 'ready' : 'missing'
      },
      (e) => {
        console.error('asset query failed', e)
        status.value = 'error'
      },
    )
  }

  function unload(): void {
    stop?.()
    stop = null
    id.value = null
  }

  const actor = computed<CustodyActor>(() => ({ person_id: session.userId ?? '', roles: session.roles }))

  const allowed = computed<CustodyEventType[]>(() => {
    const d = detail.value
    if (!d || !session.userId) return []
    return allowedEvents(d.state, actor.value, d.asset.kind as AssetKind)
  })

  /** The conflict banner is for whoever keeps this kind (and the head). */
  const showConflict = computed(() => {
    const d = detail.value
    return d !== null && d.state.has_open_conflict && keepsKind(d.asset.kind, session.roles)
  })

  /** Records one action on the current asset, with its photos in the same transaction. */
  /** `draftKey`: the sheet's device draft, dropped in the event's own transaction. */
  async function record(type: CustodyEventType, payload: Record<string, unknown>, photos: ProcessedPhoto[] = [], draftKey: string | null = null): Promise<CustodyRecordResult> {
    const d = detail.value
    if (!d) return { ok: false, reason: 'forbidden', index: 0 }
    const db = getDb()
    const eventId = crypto.randomUUID()
    const now = new Date()
    const owner = { table: 'custody_events', id: eventId, takenBy: actor.value.person_id }
    const photoWrite =
      photos.length === 0
        ? undefined
        : { tables: PHOTO_TABLES, ops: photoRegisterOps(photos, owner, now), write: async () => void (await savePhotos(db, photos, owner)) }
    const result = await recordCustodyEvents(
      db,
      [{ id: eventId, asset: d.asset, type, payload, photo_ids: photos.map((p) => p.id) }],
      actor.value,
      { now, photos: photoWrite, draftKey },
    )
    // Measured by the browser bench: confirm → local commit.
    if (result.ok) performance.mark('custody:committed')
    return result
  }

  return { id, status, detail, allowed, actor, showConflict, load, unload, record }
})
