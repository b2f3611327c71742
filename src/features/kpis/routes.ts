import type { RouteRecordRaw } from 'vue-router'

// Everyone has their own figures; what each sees is decided by the store (domain/visibility.ts).
export const kpiRoutes: RouteRecordRaw[] = [
  { path: '/kpis', name: 'kpis', component: () => import('./pages/KpiDashboardPage.vue'), meta: { titleKey: 'kpis.titles.dashboard', roles: 'all', messages: ['vehicles'] } },
  { path: '/kpis/report', name: 'kpiReport', component: () => import('./pages/KpiReportPage.vue'), meta: { titleKey: 'kpis.titles.report', roles: 'all', messages: ['vehicles'] } },
  { path: '/kpis/targets', name: 'kpiTargets', component: () => import('./pages/KpiTargetsPage.vue'), meta: { titleKey: 'kpis.titles.targets', roles: ['admin_head', 'executive'], messages: ['vehicles'] } },
  { path: '/kpis/:kpi', name: 'kpiDrill', component: () => import('./pages/KpiDrillPage.vue'), meta: { titleKey: 'kpis.titles.drill', roles: 'all', messages: ['vehicles'] } },
]
