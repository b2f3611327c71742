/** Live maintenance requests and accidents (all, or one vehicle's) with the names to show them. */
import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import { getDb, observe } from '@/platform/db'
import type { AccidentRow, MaintenanceRequestRow } from '@/platform/db/rows'
import { listAccidents, listMaintenance, loadFleetDirectory, type FleetDirectory } from '../data/fleetReads'
import { sortRequests } from '../domain/maintenance'
import { sortAccidents } from '../domain/accident'

export function useFleetRecords(vehicleId?: string) {
  const database = getDb()
  const status = ref<'loading' | 'ready' | 'error'>('loading')
  const directory = shallowRef<FleetDirectory | null>(null)
  const requests = shallowRef<MaintenanceRequestRow[]>([])
  const accidents = shallowRef<AccidentRow[]>([])
  let stop: (() => void) | null = null

  function start(): void {
    stop?.()
    status.value = 'loading'
    stop = observe(
      async () => {
        const [dir, m, a] = await Promise.all([loadFleetDirectory(database), listMaintenance(database, vehicleId), listAccidents(database, vehicleId)])
        return { dir, m: sortRequests(m), a: sortAccidents(a) }
      },
      ({ dir, m, a }) => {
        directory.value = dir
        requests.value = m
        accidents.value = a
        status.value = 'ready'
      },
      (e) => {
        console.error('fleet records failed', e)
        status.value = 'error'
      },
    )
  }
  start()
  onScopeDispose(() => stop?.())

  const vehicleName = (id: string) => directory.value?.vehicleName(id) ?? ''
  const personName = (id: string | null) => directory.value?.personName(id) ?? ''
  const openRequests = computed(() => requests.value.filter((r) => ['requested', 'approved', 'in_progress'].includes(r.status)))
  return { status, directory, requests, openRequests, accidents, vehicleName, personName, retry: start }
}
