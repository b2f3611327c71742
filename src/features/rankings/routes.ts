import type { RouteRecordRaw } from 'vue-router'
import { RANKING_READ_ROLES } from './domain/access'

export const rankingRoutes: RouteRecordRaw[] = [
  {
    path: '/rankings',
    name: 'rankings',
    component: () => import('./pages/RankingsPage.vue'),
    meta: { titleKey: 'rankings.titles.rankings', roles: RANKING_READ_ROLES },
  },
]
