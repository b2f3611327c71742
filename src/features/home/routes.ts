import type { RouteRecordRaw } from 'vue-router'
import { TAB_ROLES } from '@/features/auth'

export const homeRoutes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'home',
    component: () => import('./pages/HomePage.vue'),
    meta: { tab: 'home', titleKey: 'titles.home', roles: TAB_ROLES.home, beforeSeed: true },
  },
]
