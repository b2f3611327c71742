/**
 * People, sites and the company time zone, live: names on rows, the person picker, due dates.
 * People are sorted by name only when a picker or list reads `people` (Home only needs names and the zone).
 */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { getDb, observe } from '@/platform/db'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'
import { byName, readDirectory, type Person } from '../data/people'

export type LoadStatus = 'loading' | 'ready' | 'error'

export const useDirectoryStore = defineStore('assets-directory', () => {
  const status = ref<LoadStatus>('loading')
  const unsorted = shallowRef<Person[]>([])
  const people = computed(() => [...unsorted.value].sort(byName))
  const sites = shallowRef<{ id: string; name: string }[]>([])
  const departments = shallowRef<Map<string, string>>(new Map())
  const timeZone = ref(DEFAULT_TIME_ZONE)
  let stop: (() => void) | null = null

  function load(): void {
    if (stop && status.value !== 'error') return
    stop?.()
    status.value = 'loading'
    stop = observe(
      () => readDirectory(getDb()),
      (d) => {
        unsorted.value = d.people
        sites.value = d.sites
        departments.value = d.departments
        timeZone.value = d.timeZone
        status.value = 'ready'
      },
      (e) => {
        console.error('directory query failed', e)
        status.value = 'error'
      },
    )
  }

  const byId = computed(() => new Map(unsorted.value.map((p) => [p.id, p])))
  const siteNames = computed(() => new Map(sites.value.map((s) => [s.id, s.name])))

  function personName(id: string | null | undefined): string {
    return id ? (byId.value.get(id)?.name ?? '') : ''
  }

  function siteName(id: string | null | undefined): string {
    return id ? (siteNames.value.get(id) ?? '') : ''
  }

  return { status, people, sites, departments, timeZone, load, personName, siteName, byId }
})
