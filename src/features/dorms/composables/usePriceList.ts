/**
 * The damage price list for its page, live from the device: the prices in force, the buildings, the
 * inventory's items (the latest dorm_inventory template, else the built-in one) and where this user may
 * set prices (company-wide needs a company-wide dorm manager or admin head grant; a building, a grant at
 * its site), as the server decides.
 */
import { computed, onBeforeUnmount, ref, shallowRef } from 'vue'
import { getDb, observe } from '@/platform/db'
import type { DormBuildingRow, DormDamagePriceRow } from '@/platform/db/rows'
import { useSessionStore } from '@/features/auth'
import { latestTemplate } from '@/features/inspections/data/templates'
import { allItems, type TemplateItem } from '@/features/inspections/domain/template'
import { parseTemplate } from '@/features/inspections/domain/templateSchema'
import { DORM_INVENTORY_CODE, DORM_INVENTORY_V1 } from '../domain/checkIn'
import { livePrices } from '../data/prices'
import { byName } from '@/shared/lib/byName'

export function usePriceList() {
  const session = useSessionStore()
  const status = ref<'loading' | 'ready' | 'error'>('loading')
  const prices = shallowRef<DormDamagePriceRow[]>([])
  const buildings = shallowRef<DormBuildingRow[]>([])
  const items = shallowRef<TemplateItem[]>(allItems(DORM_INVENTORY_V1))
  let stop: (() => void) | null = null

  function start(): void {
    stop?.()
    status.value = 'loading'
    stop = observe(
      async () => {
        const db = getDb()
        const [p, b, row] = await Promise.all([livePrices(db), db.dorm_buildings.toArray(), latestTemplate(db, DORM_INVENTORY_CODE)])
        const parsed = row ? parseTemplate(row) : null
        return { p, b: b.filter((x) => x.deleted_at === null).sort(byName), items: allItems(parsed?.success ? parsed.data : DORM_INVENTORY_V1) }
      },
      (v) => {
        prices.value = v.p
        buildings.value = v.b
        items.value = v.items
        status.value = 'ready'
      },
      (e) => {
        console.error('dorm prices failed', e)
        status.value = 'error'
      },
    )
  }
  onBeforeUnmount(() => stop?.())

  const editorGrants = computed(() => session.grants.filter((g) => g.role === 'dorm_manager' || g.role === 'admin_head'))
  const companyWide = computed(() => editorGrants.value.some((g) => g.siteId === null))
  /** Where this user may set prices: null (company-wide) and building ids. */
  const places = computed<(string | null)[]>(() => [
    ...(companyWide.value ? [null] : []),
    ...buildings.value.filter((b) => companyWide.value || editorGrants.value.some((g) => g.siteId === b.site_id)).map((b) => b.id),
  ])
  const canEdit = (buildingId: string | null) => places.value.includes(buildingId)

  /** The list grouped by place: company-wide first, then each building with prices. */
  const groups = computed(() =>
    [null, ...buildings.value.map((b) => b.id)]
      .map((place) => ({
        place,
        name: place === null ? null : (buildings.value.find((b) => b.id === place)?.name ?? ''),
        prices: prices.value.filter((p) => p.building_id === place).sort((a, b) => itemOrder(a.item_key) - itemOrder(b.item_key)),
      }))
      .filter((g) => g.prices.length > 0),
  )
  const itemOrder = (key: string) => {
    const i = items.value.findIndex((x) => x.key === key)
    return i < 0 ? items.value.length : i
  }

  return { status, prices, buildings, items, places, canEdit, groups, start }
}
