/**
 * The registry list: the first screen straight from the number index, then the full in-memory
 * index (live) that filtering and search run over.
 */
import { computed, reactive, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { getDb, observe } from '@/platform/db'
import { filterRegistry, firstRegistryPage, loadRegistryIndex, type RegistryEntry, type RegistryFilter } from '../data/registryQueries'
import type { LoadStatus } from './directory'

export const useRegistryStore = defineStore('assets-registry', () => {
  const status = ref<LoadStatus>('loading')
  /** False while only the first page is loaded. */
  const complete = ref(false)
  const entries = shallowRef<RegistryEntry[]>([])
  const filter = reactive<Required<Omit<RegistryFilter, 'text'>> & { text: string }>({ kind: null, status: null, holder_id: null, site_id: null, text: '' })
  let stop: (() => void) | null = null

  function load(): void {
    if (stop && status.value !== 'error') return
    stop?.()
    if (!complete.value) status.value = 'loading'
    const db = getDb()
    firstRegistryPage(db)
      .then((page) => {
        if (!complete.value) {
          entries.value = page
          status.value = 'ready'
        }
      })
      .catch(() => undefined)
    stop = observe(
      () => loadRegistryIndex(db),
      (all) => {
        entries.value = all
        complete.value = true
        status.value = 'ready'
      },
      (e) => {
        console.error('registry query failed', e)
        status.value = 'error'
      },
    )
  }

  const filtered = computed(() => filterRegistry(entries.value, filter))
  const filtering = computed(() => Boolean(filter.kind || filter.status || filter.holder_id || filter.site_id || filter.text.trim()))

  /**
   * Leaving the registry: stop re-reading all assets on every change (a 20,000-row read costs
   * ~250 ms in Chromium); the entries stay to show at once on the next visit, refreshed then.
   */
  function release(): void {
    stop?.()
    stop = null
  }

  function resetFilter(): void {
    Object.assign(filter, { kind: null, status: null, holder_id: null, site_id: null, text: '' })
  }

  return { status, complete, entries, filter, filtered, filtering, load, release, resetFilter }
})
