import type { RouteRecordRaw } from 'vue-router'
// The roles constant only (pure domain): the assets public API is too heavy for the route table.
import { ASSET_EDIT_ROLES } from '@/features/assets/domain/assetRoles'

export const labelRoutes: RouteRecordRaw[] = [
  {
    // What a label's QR holds: a phone's own camera opens the app here.
    path: '/a/:token',
    name: 'labelResolve',
    component: () => import('./pages/LabelResolvePage.vue'),
    meta: { titleKey: 'labels.titles.resolve', roles: 'all' },
  },
  {
    path: '/p/:userId',
    name: 'badge',
    component: () => import('./pages/BadgePage.vue'),
    meta: { titleKey: 'labels.titles.badge', roles: 'all', messages: ['assets', 'dorms', 'inspections'] },
  },
  {
    path: '/badge',
    name: 'myBadge',
    component: () => import('./pages/MyBadgePage.vue'),
    meta: { titleKey: 'labels.titles.myBadge', roles: 'all', messages: ['assets', 'dorms', 'inspections'] },
  },
  {
    path: '/labels/print',
    name: 'labelsPrint',
    component: () => import('./pages/LabelsPrintPage.vue'),
    meta: { titleKey: 'labels.titles.print', roles: ASSET_EDIT_ROLES, messages: ['assets', 'dorms', 'inspections'] },
  },
]
