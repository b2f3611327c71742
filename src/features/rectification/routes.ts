import type { RouteRecordRaw } from 'vue-router'

export const rectificationRoutes: RouteRecordRaw[] = [
  {
    path: '/rectifications',
    name: 'rectifications',
    component: () => import('./pages/RectificationListPage.vue'),
    // Assignees are whoever is responsible for an area: the lists show each person what is theirs.
    meta: { titleKey: 'rectification.titles.list', roles: 'all', messages: ['inspections'] },
  },
  {
    path: '/rectifications/:id',
    name: 'rectification',
    component: () => import('./pages/RectificationTaskPage.vue'),
    meta: { titleKey: 'rectification.titles.task', roles: 'all', messages: ['inspections', 'photos'] },
  },
]
