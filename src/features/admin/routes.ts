import type { RouteRecordRaw } from 'vue-router'
import { ADMIN_ROLES } from './domain/access'

export const adminRoutes: RouteRecordRaw[] = [
  {
    path: '/admin/departments',
    name: 'adminDepartments',
    component: () => import('./pages/DepartmentsPage.vue'),
    meta: { titleKey: 'titles.departments', roles: ADMIN_ROLES },
  },
]
