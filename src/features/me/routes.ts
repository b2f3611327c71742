import type { RouteRecordRaw } from 'vue-router'
import { TAB_ROLES } from '@/features/auth'

export const meRoutes: RouteRecordRaw[] = [
  {
    path: '/me',
    name: 'me',
    component: () => import('./pages/MePage.vue'),
    meta: { tab: 'me', titleKey: 'titles.me', roles: TAB_ROLES.me, messages: ['labels', 'photos'] },
  },
]
