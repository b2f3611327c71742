import type { RouteRecordRaw } from 'vue-router'
import { FLEET_ROLES } from './domain/access'

export const fleetRoutes: RouteRecordRaw[] = [
  {
    path: '/fleet',
    name: 'fleetDashboard',
    component: () => import('./pages/FleetDashboardPage.vue'),
    meta: { titleKey: 'vehicles.fleet.titles.dashboard', roles: FLEET_ROLES, messages: ['assets'] },
  },
  {
    path: '/fleet/maintenance',
    name: 'fleetMaintenanceList',
    component: () => import('./pages/MaintenanceListPage.vue'),
    meta: { titleKey: 'vehicles.fleet.titles.maintenance', roles: FLEET_ROLES, messages: ['assets'] },
  },
  {
    path: '/fleet/maintenance/:id',
    name: 'fleetMaintenance',
    component: () => import('./pages/MaintenancePage.vue'),
    meta: { titleKey: 'vehicles.fleet.titles.maintenanceOne', roles: FLEET_ROLES, messages: ['assets', 'requests'] },
  },
  {
    path: '/fleet/accidents',
    name: 'fleetAccidents',
    component: () => import('./pages/AccidentListPage.vue'),
    meta: { titleKey: 'vehicles.fleet.titles.accidents', roles: FLEET_ROLES, messages: ['assets'] },
  },
  {
    path: '/fleet/accidents/:id',
    name: 'fleetAccident',
    component: () => import('./pages/AccidentPage.vue'),
    meta: { titleKey: 'vehicles.fleet.titles.accident', roles: FLEET_ROLES, messages: ['assets', 'requests'] },
  },
  {
    path: '/fleet/renewals',
    name: 'fleetRenewals',
    component: () => import('./pages/RenewalsPage.vue'),
    meta: { titleKey: 'vehicles.fleet.titles.renewals', roles: FLEET_ROLES, messages: ['assets'] },
  },
  {
    path: '/fleet/renewals/rules/:id',
    name: 'fleetRenewalRule',
    component: () => import('./pages/RenewalRulePage.vue'),
    meta: { titleKey: 'vehicles.fleet.titles.rule', roles: FLEET_ROLES, messages: ['assets', 'requests'] },
  },
]
