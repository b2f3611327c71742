/**
 * One room of the meter-reading round: the room and its building, the month read for (asked for, if it is
 * one the server takes, else the default), the last round reading of the room (to catch a typo), the
 * form kept as a device draft (photos included) and its save.
 */
import { reactive, ref, shallowRef } from 'vue'
import { companyZone, getDb } from '@/platform/db'
import type { DormBuildingRow, DormMeterReadingRow, DormRoomRow } from '@/platform/db/rows'
import { useSessionStore } from '@/features/auth'
import { draftOfRefs, useDeviceDraft } from '@/shared/composables/useDeviceDraft'
import { METERS } from '../domain/checkIn'
import { defaultRoundMonth, roundMonths } from '../domain/meterRound'
import { meterRoundDraftKey, meterRoundFromForm, newMeterRoundForm, saveMeterReading, type MeterRoundForm } from '../data/meterRound'

export function useMeterRoom(roomId: string, askedMonth: string | null) {
  const session = useSessionStore()
  const status = ref<'loading' | 'ready' | 'missing' | 'error'>('loading')
  const room = shallowRef<DormRoomRow | null>(null)
  const building = shallowRef<DormBuildingRow | null>(null)
  const last = shallowRef<DormMeterReadingRow | null>(null)
  const timeZone = ref('Asia/Shanghai')
  const months = ref<string[]>([])
  const form = ref<MeterRoundForm>(newMeterRoundForm(''))
  const error = ref<string | null>(null)
  const saving = ref(false)
  const draft = useDeviceDraft({ key: () => meterRoundDraftKey(roomId), ...draftOfRefs({ form }) })

  async function load(): Promise<void> {
    status.value = 'loading'
    try {
      const db = getDb()
      room.value = (await db.dorm_rooms.get(roomId)) ?? null
      if (!room.value || room.value.deleted_at) return void (status.value = 'missing')
      building.value = (await db.dorm_buildings.get(room.value.building_id)) ?? null
      timeZone.value = await companyZone(db)
      const now = new Date().toISOString()
      months.value = roundMonths(now, timeZone.value)
      const month = askedMonth && months.value.includes(askedMonth) ? askedMonth : defaultRoundMonth(now, timeZone.value)
      const earlier = (await db.dorm_meter_readings.where('room_id').equals(roomId).toArray()).filter((r) => r.deleted_at === null && r.month < month)
      last.value = earlier.sort((a, b) => a.read_at.localeCompare(b.read_at)).at(-1) ?? null
      form.value = newMeterRoundForm(month)
      await draft.start()
      // A draft from a month the server no longer takes reads for the default month.
      if (!months.value.includes(form.value.month)) form.value.month = month
      status.value = 'ready'
    } catch (e) {
      console.error('meter room load failed', e)
      status.value = 'error'
    }
  }

  async function save(): Promise<boolean> {
    const r = room.value
    if (!r || saving.value) return false
    const out = meterRoundFromForm(r.id, form.value)
    if (!out.ok) {
      error.value = out.key
      return false
    }
    error.value = null
    saving.value = true
    try {
      const photos = METERS.flatMap((m) => form.value.meters[m].photos.slice(0, 1))
      await saveMeterReading(getDb(), { reading: out.value, photos, buildingId: r.building_id, siteId: r.site_id, userId: session.userId ?? '', draftKey: draft.key() })
      draft.markSent()
      return true
    } finally {
      saving.value = false
    }
  }

  return reactive({ status, room, building, last, timeZone, months, form, error, saving, load, save, discard: draft.discard })
}
