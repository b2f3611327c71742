import type { RouteRecordRaw } from 'vue-router'
import { withDeviceCode } from '@/features/auth'
import { loadKpiDevice } from './data/loadKpiDevice'

// Everyone has their own figures; what each sees is decided by the store (domain/visibility.ts).
// The dashboard opens before the device db (beforeSeed): its frame paints from the page's chunk,
// the store reads once the db is readable, with the read code requested alongside the page's chunk.
export const kpiRoutes: RouteRecordRaw[] = [
  { path: '/kpis', name: 'kpis', component: () => withDeviceCode(import('./pages/KpiDashboardPage.vue'), loadKpiDevice), meta: { titleKey: 'kpis.titles.dashboard', roles: 'all', beforeSeed: true } },
  { path: '/kpis/report', name: 'kpiReport', component: () => import('./pages/KpiReportPage.vue'), meta: { titleKey: 'kpis.titles.report', roles: 'all' } },
  { path: '/kpis/targets', name: 'kpiTargets', component: () => import('./pages/KpiTargetsPage.vue'), meta: { titleKey: 'kpis.titles.targets', roles: ['admin_head', 'executive'] } },
  { path: '/kpis/:kpi', name: 'kpiDrill', component: () => import('./pages/KpiDrillPage.vue'), meta: { titleKey: 'kpis.titles.drill', roles: 'all' } },
]
