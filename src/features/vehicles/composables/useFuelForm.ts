/**
 * The fuel entry: a new one (full or quick) or a draft being completed. Validation is the
 * domain's fuelEntrySchema (loaded at the first save); a quick entry saves a 'draft' the moment its photo is taken.
 */
import { reactive, ref, shallowRef } from 'vue'
import { getDb } from '@/platform/db'
import type { FuelLogRow } from '@/platform/db/rows'
import type { ProcessedPhoto } from '@/platform/photos'
import { fromZonedInput, toZonedInput } from '@/shared/lib/zonedInput'
import { useDeviceDraft } from '@/shared/composables/useDeviceDraft'
import type { FuelGrade } from '../domain/fuelEntry'
import { loadVehicleSummary, type VehicleSummary } from '../data/vehicleSummary'
import { getFuelLog, quickDraft, saveFuelLog } from '../data/fuel'
import { useFuelAmounts } from './useFuelAmounts'
import type { FuelIssue } from './fuelIssue'
import { warmImport } from '@/shared/lib/idle'

function defaultGrade(vehicle: VehicleSummary): FuelGrade {
  const t = String((vehicle.asset.details as Record<string, unknown>)?.fuel_type ?? '')
  return t === 'diesel' ? 'diesel_0' : t === 'gasoline' ? 'gasoline_92' : 'other'
}

/** The fuel entry's schema (zod): loaded by the first save, warmed when the form opens. */
const loadFuelEntrySchema = () => import('../domain/fuelEntrySchema')

export function useFuelForm() {
  const status = ref<'loading' | 'ready' | 'missing' | 'error'>('loading')
  const vehicle = shallowRef<VehicleSummary | null>(null)
  const existing = shallowRef<FuelLogRow | null>(null)
  const amounts = ref(useFuelAmounts())
  const f = reactive({ filledAt: '', odometer: '', fullTank: true, missedPrevious: false, fuelType: 'other' as FuelGrade, station: '', fuelCard: '' })
  const photos = ref<ProcessedPhoto[]>([])
  const error = ref<FuelIssue | null>(null)
  const saving = ref(false)
  // The device draft (issue #12): per vehicle for a new entry, per log when completing one; a
  // quick entry needs none (its photo is saved the moment it is taken).
  let draftKey: string | null = null
  const saved = useDeviceDraft({
    key: () => draftKey,
    capture: () => ({ f: { ...f }, amounts: { ...amounts.value.values }, derived: amounts.value.derived, photos: photos.value }),
    restore: (d) => {
      Object.assign(f, d.f)
      Object.assign(amounts.value.values, d.amounts)
      amounts.value.derived = d.derived
      photos.value = d.photos
    },
  })

  async function load(args: { vehicleId?: string; logId?: string; quick?: boolean }): Promise<void> {
    status.value = 'loading'
    draftKey = args.quick ? null : args.logId ? `vehicles.fuel.log:${args.logId}` : `vehicles.fuel:${args.vehicleId ?? ''}`
    try {
      const db = getDb()
      existing.value = args.logId ? ((await getFuelLog(db, args.logId)) ?? null) : null
      const vehicleId = existing.value?.vehicle_id ?? args.vehicleId ?? ''
      vehicle.value = await loadVehicleSummary(db, vehicleId)
      if (!vehicle.value || (args.logId && !existing.value)) return void (status.value = 'missing')
      const e = existing.value
      f.filledAt = toZonedInput(e?.filled_at ?? new Date(), vehicle.value.timeZone)
      f.odometer = e?.odometer_km != null ? String(e.odometer_km) : vehicle.value.lastOdometer !== null ? String(vehicle.value.lastOdometer) : ''
      f.fullTank = e?.full_tank ?? true
      f.missedPrevious = e?.missed_previous ?? false
      f.fuelType = (e?.fuel_type as FuelGrade | null) ?? defaultGrade(vehicle.value)
      f.station = e?.station ?? ''
      f.fuelCard = e?.fuel_card ?? ''
      amounts.value = useFuelAmounts(e ?? {})
      await saved.start()
      status.value = 'ready'
      // Once the form shows: in memory before the first save, even offline on a first visit (issue 13).
      warmImport(loadFuelEntrySchema)
    } catch (err) {
      console.error('fuel form load failed', err)
      status.value = 'error'
    }
  }

  /** Quick entry: the photo alone, saved as a draft at once. */
  async function saveQuick(driverId: string): Promise<FuelLogRow | null> {
    if (!vehicle.value || saving.value || photos.value.length === 0) return null
    saving.value = true
    try {
      const row = await saveFuelLog(getDb(), quickDraft({ vehicle_id: vehicle.value.asset.id, driver_id: driverId }), photos.value)
      saved.markSent()
      return row
    } finally {
      saving.value = false
    }
  }

  /** The full entry (new or completing a draft): 'complete' when it validates, else the first issue's key. */
  async function save(driverId: string): Promise<FuelLogRow | null> {
    const v = vehicle.value
    if (!v || saving.value) return null
    const e = existing.value
    const filledAt = fromZonedInput(f.filledAt, v.timeZone)
    const odometer = f.odometer.trim() === '' ? null : Number(f.odometer)
    const num = (s: string) => (s.trim() === '' ? null : Number(s))
    saving.value = true
    try {
      // zod loads with the first save, not with the form (issue 13); before the transaction opens.
      const { fuelEntrySchema } = await loadFuelEntrySchema()
      const parsed = fuelEntrySchema.safeParse({
        id: e?.id ?? crypto.randomUUID(),
        vehicle_id: v.asset.id,
        driver_id: e?.driver_id ?? driverId,
        filled_at: filledAt ?? '',
        odometer_km: odometer,
        litres: num(amounts.value.values.litres),
        unit_price: num(amounts.value.values.unit_price),
        amount: num(amounts.value.values.amount),
        full_tank: f.fullTank,
        missed_previous: f.missedPrevious,
        fuel_type: f.fuelType,
        station: f.station,
        fuel_card: f.fuelCard,
        receipt_photo_ids: [...(e?.photo_ids ?? []), ...photos.value.map((p) => p.id)],
        status: 'complete',
      })
      if (!parsed.success) {
        const first = parsed.error.issues[0]
        error.value = { key: first?.message ?? 'vehicles.errors.required', field: typeof first?.path[0] === 'string' ? first.path[0] : null }
        return null
      }
      error.value = null
      const d = parsed.data
      const row = {
        id: d.id, vehicle_id: d.vehicle_id, driver_id: d.driver_id, filled_at: d.filled_at, odometer_km: d.odometer_km,
        litres: d.litres, unit_price: d.unit_price, amount: d.amount, full_tank: d.full_tank, missed_previous: d.missed_previous,
        fuel_type: d.fuel_type, station: d.station, fuel_card: d.fuel_card, photo_ids: e?.photo_ids ?? [], status: 'complete' as const,
      }
      const log = await saveFuelLog(getDb(), row, photos.value, new Date(), saved.key())
      saved.markSent()
      return log
    } finally {
      saving.value = false
    }
  }

  return reactive({ status, vehicle, existing, amounts, f, photos, error, saving, load, save, saveQuick })
}
