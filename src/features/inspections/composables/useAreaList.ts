/** The area registry, live, filtered in memory and grouped site → building → floor (300 areas is one cheap read). */
import { computed, onScopeDispose, reactive, ref, shallowRef } from 'vue'
import { getDb, observe } from '@/platform/db'
import type { AreaRow } from '@/platform/db/rows'
import { listAreas } from '../data/areas'
import { loadAreaDirectory, type AreaDirectory } from '../data/directory'

export interface AreaGroup {
  key: string
  title: string
  areas: AreaRow[]
}

export function useAreaList() {
  const status = ref<'loading' | 'ready' | 'error'>('loading')
  const all = shallowRef<AreaRow[]>([])
  const dir = shallowRef<AreaDirectory | null>(null)
  const filter = reactive({ site_id: '', area_type: '', responsible_id: '' })
  const db = getDb()
  const stop = observe(
    async () => ({ areas: await listAreas(db), d: await loadAreaDirectory(db) }),
    ({ areas, d }) => {
      all.value = areas
      dir.value = d
      status.value = 'ready'
    },
    (e) => {
      console.error('areas query failed', e)
      status.value = 'error'
    },
  )
  onScopeDispose(stop)

  const filtered = computed(() =>
    all.value.filter(
      (a) =>
        (!filter.site_id || a.site_id === filter.site_id) &&
        (!filter.area_type || a.area_type === filter.area_type) &&
        (!filter.responsible_id || a.responsible_id === filter.responsible_id),
    ),
  )
  const siteName = computed(() => new Map((dir.value?.sites ?? []).map((s) => [s.id, s.name])))
  /** Already sorted site → building → floor → name, so groups are runs of equal keys. */
  const groups = computed<AreaGroup[]>(() => {
    const out: AreaGroup[] = []
    for (const a of filtered.value) {
      const key = `${a.site_id}|${a.building}|${a.floor}`
      let g = out[out.length - 1]
      if (!g || g.key !== key) {
        g = { key, title: [siteName.value.get(a.site_id), a.building, a.floor].filter(Boolean).join(' · '), areas: [] }
        out.push(g)
      }
      g.areas.push(a)
    }
    return out
  })
  const responsibles = computed(() => {
    const ids = new Set(all.value.map((a) => a.responsible_id).filter((x): x is string => !!x))
    return [...ids].map((id) => ({ id, name: dir.value?.people.get(id) ?? id.slice(0, 8) }))
  })

  return { status, all, dir, filter, filtered, groups, responsibles }
}
