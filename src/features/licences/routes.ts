import type { RouteRecordRaw } from 'vue-router'

/** Licence keepers (asset keepers), the head of administration and the executive. */
export const LICENCE_ROLES = ['asset_keeper', 'admin_head', 'executive'] as const

export const licenceRoutes: RouteRecordRaw[] = [
  {
    path: '/licences/due',
    name: 'licencesDue',
    component: () => import('./pages/LicencesDuePage.vue'),
    meta: { titleKey: 'licences.title', roles: LICENCE_ROLES },
  },
]
