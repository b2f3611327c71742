import type { RouteRecordRaw } from 'vue-router'
import { withDeviceCode } from '@/features/auth'
import { AREA_EDIT_ROLES, AREA_READ_ROLES, INSPECT_ROLES, INSPECT_SCREEN_ROLES, ROUND_ROLES } from './roles'

export const inspectionRoutes: RouteRecordRaw[] = [
  {
    path: '/areas',
    name: 'areas',
    component: () => import('./pages/AreasPage.vue'),
    meta: { titleKey: 'inspections.titles.areas', roles: AREA_READ_ROLES },
  },
  {
    path: '/areas/new',
    name: 'areaNew',
    component: () => import('./pages/AreaFormPage.vue'),
    meta: { titleKey: 'inspections.titles.areaNew', roles: AREA_EDIT_ROLES },
  },
  {
    path: '/areas/:id',
    name: 'area',
    component: () => import('./pages/AreaPage.vue'),
    meta: { titleKey: 'inspections.titles.area', roles: AREA_READ_ROLES },
  },
  {
    path: '/areas/:id/edit',
    name: 'areaEdit',
    component: () => import('./pages/AreaFormPage.vue'),
    meta: { titleKey: 'inspections.titles.areaEdit', roles: AREA_EDIT_ROLES },
  },
  {
    path: '/inspect',
    name: 'inspectStart',
    component: () => import('./pages/InspectStartPage.vue'),
    meta: { titleKey: 'inspections.titles.inspectStart', roles: INSPECT_SCREEN_ROLES },
  },
  {
    // ?via=scan when the area's QR was scanned (proof of presence); otherwise picked from a list.
    path: '/inspect/:areaId',
    name: 'inspect',
    component: () => withDeviceCode(import('./pages/InspectPage.vue')),
    // Opens at once on a fresh device; the page reads once the device db is ready (beforeSeed).
    meta: { titleKey: 'inspections.titles.inspect', roles: INSPECT_SCREEN_ROLES, beforeSeed: true },
  },
  {
    path: '/inspections/:id',
    name: 'inspectionResult',
    component: () => import('./pages/InspectionResultPage.vue'),
    meta: { titleKey: 'inspections.titles.result', roles: 'all' },
  },
  {
    path: '/rounds',
    name: 'rounds',
    component: () => import('./pages/RoundsPage.vue'),
    meta: { titleKey: 'inspections.titles.rounds', roles: ROUND_ROLES },
  },
  {
    path: '/rounds/new/:areaId',
    name: 'roundNew',
    component: () => import('./pages/RoundNewPage.vue'),
    meta: { titleKey: 'inspections.titles.roundNew', roles: ROUND_ROLES, messages: ['photos'] },
  },
  {
    path: '/review',
    name: 'roundReview',
    component: () => import('./pages/ReviewQueuePage.vue'),
    meta: { titleKey: 'inspections.titles.review', roles: INSPECT_ROLES, messages: ['photos'] },
  },
]
