/**
 * The check-out walk-through in progress: the bed, its room, the stay checked out and its check-in (to
 * compare with), the keys the resident holds, the draft (saved on every change, photos included, so a
 * reload resumes at the same step), the comparison and the summary (days stayed, the room's units and
 * the resident's share by days), and the save.
 */
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import { getDb } from '@/platform/db'
import type { AssetRow, DormBedRow, DormBuildingRow, DormCheckInRow, DormRoomRow, DormStayRow } from '@/platform/db/rows'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'
import { latestTemplate } from '@/features/inspections/data/templates'
import { draftToAnswers } from '@/features/inspections/data/submitInspection'
import { allItems, type TemplateVersion } from '@/features/inspections/domain/template'
import { parseTemplate } from '@/features/inspections/domain/templateSchema'
import { DORM_INVENTORY_CODE, DORM_INVENTORY_TEMPLATE_ID, DORM_INVENTORY_V1 } from '../domain/checkIn'
import { compareInventory, daysStayed, meterUse } from '../domain/checkOut'
import { priceDamages } from '../domain/utilities'
import { priceListOfBuilding } from '../data/prices'
import { parseReading } from '../domain/checkIn'
import { keysHeldBy } from '../data/keys'
import { checkInOfStay, checkOutFromDraft, loadCheckOutDraft, newCheckOutDraft, roommateStays, saveCheckOutDraft, submitCheckOut, type CheckOutDraft } from '../data/checkOut'
import { useInventoryAnswers } from './useInventoryAnswers'

export const CHECK_OUT_STEPS = ['inventory', 'meters', 'keys', 'summary'] as const

export function useCheckOut() {
  const status = ref<'loading' | 'ready' | 'missing' | 'notYours' | 'error'>('loading')
  const bed = shallowRef<DormBedRow | null>(null)
  const room = shallowRef<DormRoomRow | null>(null)
  const building = shallowRef<DormBuildingRow | null>(null)
  const stay = shallowRef<DormStayRow | null>(null)
  const checkIn = shallowRef<DormCheckInRow | null>(null)
  const heldKeys = shallowRef<AssetRow[]>([])
  const mates = shallowRef<DormStayRow[]>([])
  /** The damage price list for this bed's building (item → fen). */
  const prices = shallowRef<Record<string, number>>({})
  const template = shallowRef<TemplateVersion>(DORM_INVENTORY_V1)
  const draft = ref<CheckOutDraft | null>(null)
  const stepError = ref<string | null>(null)
  const saving = ref(false)
  const timeZone = ref(DEFAULT_TIME_ZONE)
  const inventory = useInventoryAnswers(draft, template)
  let done = false

  async function load(bedId: string, userId: string, manager: boolean): Promise<void> {
    status.value = 'loading'
    try {
      const db = getDb()
      bed.value = (await db.dorm_beds.get(bedId)) ?? null
      if (!bed.value || bed.value.deleted_at) return void (status.value = 'missing')
      room.value = (await db.dorm_rooms.get(bed.value.room_id)) ?? null
      building.value = (await db.dorm_buildings.get(bed.value.building_id)) ?? null
      const stays = (await db.dorm_stays.where('bed_id').equals(bedId).toArray()).filter((s) => s.status === 'active' && s.deleted_at === null)
      // My own stay on this bed; the dorm manager checks out whoever lives there.
      stay.value = stays.find((s) => s.occupant_id === userId) ?? (manager ? (stays.find((s) => s.id === bed.value?.stay_id) ?? stays[0] ?? null) : null)
      if (!stay.value) return void (status.value = 'notYours')
      timeZone.value = (await db.company.toArray()).find((c) => c.deleted_at === null)?.timezone || DEFAULT_TIME_ZONE
      const row = await latestTemplate(db, DORM_INVENTORY_CODE)
      const parsed = row ? parseTemplate(row) : null
      template.value = parsed?.success ? parsed.data : DORM_INVENTORY_V1
      const templateId = parsed?.success && row ? row.id : DORM_INVENTORY_TEMPLATE_ID
      checkIn.value = await checkInOfStay(db, stay.value.id)
      heldKeys.value = await keysHeldBy(db, stay.value.occupant_id)
      mates.value = await roommateStays(db, stay.value)
      prices.value = await priceListOfBuilding(db, bed.value.building_id)
      const saved = await loadCheckOutDraft(db, stay.value.id)
      draft.value = saved && saved.template_id === templateId ? saved : newCheckOutDraft(bedId, stay.value.id, templateId)
      status.value = 'ready'
    } catch (e) {
      console.error('check-out load failed', e)
      status.value = 'error'
    }
  }

  watch(draft, (d) => d && !done && void saveCheckOutDraft(getDb(), d).catch((e) => console.error('check-out draft save failed', e)), { deep: true })

  const comparison = computed(() =>
    draft.value ? compareInventory(allItems(template.value).map((i) => i.key), checkIn.value?.answers ?? null, draftToAnswers(template.value, draft.value)) : [],
  )
  const lineOf = (key: string) => comparison.value.find((l) => l.item_key === key) ?? null

  /** Days stayed and the room's units since check-in with this resident's share (now as the end). */
  const summary = computed(() => {
    const s = stay.value
    const d = draft.value
    if (!s || !d) return null
    const from = s.checked_in_at ?? checkIn.value?.submitted_at ?? s.allocated_at
    const to = new Date().toISOString()
    const final = (['water', 'electricity'] as const).flatMap((m) => {
      const r = parseReading(d.meters[m].reading)
      return r === null ? [] : [{ meter: m, reading: r }]
    })
    const spans = mates.value.map((m) => ({ id: m.id, from: m.checked_in_at ?? m.allocated_at, to: m.ended_at }))
    const newDamage = comparison.value.filter((l) => l.newDamage).map((l) => l.item_key)
    return {
      days: daysStayed(from, to, timeZone.value),
      meters: meterUse(checkIn.value?.meters ?? null, final, { id: s.id, from, to }, spans, timeZone.value),
      newDamage,
      /** New damage priced from the list; unpriced items apart (the server charges the same). */
      damages: priceDamages(newDamage, prices.value),
    }
  })

  function next(): boolean {
    const d = draft.value
    if (!d) return false
    stepError.value = null
    if (d.step === 0 && !inventory.complete()) return false
    if (d.step === 1) {
      const r = checkOutFromDraft(d, template.value)
      if (!r.ok && r.step === 'meters') {
        stepError.value = 'dorms.checkIn.metersMissing'
        return false
      }
    }
    d.step = Math.min(d.step + 1, CHECK_OUT_STEPS.length - 1)
    return true
  }
  function back(): void {
    if (draft.value && draft.value.step > 0) draft.value.step -= 1
  }

  async function submit(actorId: string): Promise<boolean> {
    const d = draft.value
    if (!d || !stay.value || !bed.value || saving.value) return false
    const r = checkOutFromDraft(d, template.value)
    if (!r.ok) {
      stepError.value = r.step === 'meters' ? 'dorms.checkIn.metersMissing' : 'dorms.checkIn.inventoryMissing'
      d.step = CHECK_OUT_STEPS.indexOf(r.step)
      return false
    }
    saving.value = true
    done = true
    try {
      await submitCheckOut(getDb(), { draft: d, template: template.value, occupantId: stay.value.occupant_id, siteId: bed.value.site_id, actorId, prices: prices.value })
      return true
    } catch (e) {
      done = false
      throw e
    } finally {
      saving.value = false
    }
  }

  return reactive({ status, bed, room, building, stay, checkIn, heldKeys, prices, template, draft, stepError, saving, timeZone, comparison, lineOf, summary, load, next, back, submit, ...inventory })
}
