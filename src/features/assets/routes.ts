import type { RouteRecordRaw } from 'vue-router'
import { ASSET_EDIT_ROLES, ASSET_READ_ROLES } from './domain/assetRoles'

export const assetRoutes: RouteRecordRaw[] = [
  {
    path: '/assets',
    name: 'assets',
    component: () => import('./pages/RegistryPage.vue'),
    meta: { titleKey: 'assets.titles.registry', roles: ASSET_READ_ROLES },
  },
  {
    path: '/assets/new',
    name: 'assetNew',
    component: () => import('./pages/AssetFormPage.vue'),
    meta: { titleKey: 'assets.titles.new', roles: ASSET_EDIT_ROLES },
  },
  {
    path: '/assets/batch',
    name: 'assetBatch',
    component: () => import('./pages/BatchPage.vue'),
    meta: { titleKey: 'assets.titles.batch', roles: ASSET_EDIT_ROLES, messages: ['scanner'] },
  },
  {
    path: '/assets/:id',
    name: 'asset',
    component: () => import('./pages/AssetPage.vue'),
    // Anyone may open it (a holder, a driver); the page shows only what this device may see.
    meta: { titleKey: 'assets.titles.asset', roles: 'all', messages: ['photos'] },
  },
  {
    path: '/assets/:id/edit',
    name: 'assetEdit',
    component: () => import('./pages/AssetFormPage.vue'),
    meta: { titleKey: 'assets.titles.edit', roles: ASSET_EDIT_ROLES },
  },
  {
    path: '/holdings',
    name: 'holdings',
    component: () => import('./pages/HoldingsPage.vue'),
    meta: { titleKey: 'assets.titles.holdings', roles: 'all' },
  },
  {
    path: '/overdue',
    name: 'overdue',
    component: () => import('./pages/OverduePage.vue'),
    meta: { titleKey: 'assets.titles.overdue', roles: ASSET_READ_ROLES },
  },
]
