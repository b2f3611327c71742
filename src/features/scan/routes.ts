import type { RouteRecordRaw } from 'vue-router'
import { TAB_ROLES } from '@/features/auth'

export const scanRoutes: RouteRecordRaw[] = [
  {
    path: '/scan',
    name: 'scan',
    component: () => import('./pages/ScanPage.vue'),
    meta: { tab: 'scan', titleKey: 'titles.scan', roles: TAB_ROLES.scan },
  },
]
