/**
 * Which items a person sees, as public.kpi_items decides on the server: the admin head and the
 * executive every item of their sites (a grant with no site: every site); a department's head
 * (departments.head_id) their department's; everyone their own.
 */
import type { KpiItem } from './items'

export interface Viewer {
  id: string
  grants: readonly { role: string; siteId: string | null }[]
  /** Departments this person heads. */
  heads: readonly string[]
}

export type ViewerLevel = 'all' | 'department' | 'own'

export function viewerLevel(v: Viewer): ViewerLevel {
  if (v.grants.some((g) => g.role === 'admin_head' || g.role === 'executive')) return 'all'
  return v.heads.length > 0 ? 'department' : 'own'
}

export function visibleTo(v: Viewer): (item: KpiItem) => boolean {
  const sites = v.grants.filter((g) => g.role === 'admin_head' || g.role === 'executive')
  const everySite = sites.some((g) => g.siteId === null)
  const siteIds = new Set(sites.map((g) => g.siteId))
  const heads = new Set(v.heads)
  return (i) =>
    i.person_id === v.id || everySite || (i.site_id !== null && siteIds.has(i.site_id)) || (i.department_id !== null && heads.has(i.department_id))
}
