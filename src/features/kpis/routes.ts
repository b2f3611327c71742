import type { RouteRecordRaw } from 'vue-router'
import { useSessionStore } from '@/features/auth'

// Everyone has their own figures; what each sees is decided by the store (domain/visibility.ts).
// The dashboard opens before the device db (beforeSeed): its frame paints from the page's chunk,
// the store reads once the db is readable. On a fresh device the db and the demo seed start with
// the page's chunk, not after it: the figures need them at once.
const dashboard = () => {
  void useSessionStore()
    .dbReadable()
    .catch(() => undefined)
  return import('./pages/KpiDashboardPage.vue')
}
export const kpiRoutes: RouteRecordRaw[] = [
  { path: '/kpis', name: 'kpis', component: dashboard, meta: { titleKey: 'kpis.titles.dashboard', roles: 'all', beforeSeed: true } },
  { path: '/kpis/report', name: 'kpiReport', component: () => import('./pages/KpiReportPage.vue'), meta: { titleKey: 'kpis.titles.report', roles: 'all' } },
  { path: '/kpis/targets', name: 'kpiTargets', component: () => import('./pages/KpiTargetsPage.vue'), meta: { titleKey: 'kpis.titles.targets', roles: ['admin_head', 'executive'] } },
  { path: '/kpis/:kpi', name: 'kpiDrill', component: () => import('./pages/KpiDrillPage.vue'), meta: { titleKey: 'kpis.titles.drill', roles: 'all' } },
]
