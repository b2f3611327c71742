import type { RouteRecordRaw } from 'vue-router'
import { SEAL_KEEPER_ROLES, SEAL_REGISTER_ROLES } from './domain/access'

export const sealRoutes: RouteRecordRaw[] = [
  {
    path: '/seals/register',
    name: 'sealRegister',
    component: () => import('./pages/SealRegisterPage.vue'),
    meta: { titleKey: 'seals.titles.register', roles: SEAL_REGISTER_ROLES, messages: ['photos'] },
  },
  {
    path: '/seals/check',
    name: 'sealCheck',
    component: () => import('./pages/SealCheckPage.vue'),
    meta: { titleKey: 'seals.titles.check', roles: SEAL_KEEPER_ROLES, messages: ['assets'] },
  },
  {
    path: '/seals/:id/usage/new',
    name: 'sealUsageNew',
    component: () => import('./pages/SealUsageNewPage.vue'),
    // Its reads wait for session.dbReadable() (useSealUsageForm): it opens before the db loads.
    meta: { titleKey: 'seals.titles.usageNew', roles: SEAL_KEEPER_ROLES, beforeSeed: true, messages: ['assets', 'photos', 'requests'] },
  },
]
