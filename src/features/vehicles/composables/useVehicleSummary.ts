/** Loads one vehicle's summary with loading / missing / error states. */
import { ref, shallowRef } from 'vue'
import { getDb } from '@/platform/db'
import { loadVehicleSummary, type VehicleSummary } from '../data/vehicleSummary'

export function useVehicleSummary() {
  const status = ref<'loading' | 'ready' | 'missing' | 'error'>('loading')
  const summary = shallowRef<VehicleSummary | null>(null)
  async function load(vehicleId: string): Promise<void> {
    status.value = 'loading'
    try {
      summary.value = await loadVehicleSummary(getDb(), vehicleId)
      status.value = summary.value ? 'ready' : 'missing'
    } catch (e) {
      console.error('vehicle load failed', e)
      status.value = 'error'
    }
  }
  return { status, summary, load }
}
