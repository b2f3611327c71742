import type { RouteRecordRaw } from 'vue-router'

/** Supervisory inspections (监督检查): inspectors draft and report, the admin head approves, reviews and publishes, the executive reads. */
export const SUPERVISION_ROLES = ['admin_head', 'executive', 'inspector'] as const

export const supervisionRoutes: RouteRecordRaw[] = [
  { path: '/supervision', name: 'supervision', component: () => import('./pages/PlansPage.vue'), meta: { titleKey: 'supervision.titles.list', roles: [...SUPERVISION_ROLES] } },
  { path: '/supervision/new', name: 'supervisionNew', component: () => import('./pages/PlanNewPage.vue'), meta: { titleKey: 'supervision.titles.new', roles: ['admin_head', 'inspector'], messages: ['requests', 'tasks'] } },
  // The inspected department's people open a plan from its notice (a task or a link): anyone signed in; RLS decides what they see.
  { path: '/supervision/:id', name: 'supervisionPlan', component: () => import('./pages/PlanPage.vue'), meta: { titleKey: 'supervision.titles.plan', roles: 'all', messages: ['requests', 'tasks'] } },
]
