import type { RouteRecordRaw } from 'vue-router'
import { TAB_ROLES } from '@/features/auth'

export const workRoutes: RouteRecordRaw[] = [
  {
    path: '/work',
    name: 'work',
    component: () => import('./pages/WorkPage.vue'),
    meta: { tab: 'work', titleKey: 'titles.work', roles: TAB_ROLES.work, messages: ['assets', 'seals'] },
  },
]
