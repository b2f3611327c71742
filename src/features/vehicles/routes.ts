import type { RouteRecordRaw } from 'vue-router'

// Anyone who may drive opens these from a scanned vehicle; the server's RLS decides what syncs.
export const vehicleRoutes: RouteRecordRaw[] = [
  { path: '/vehicles/:id/trip', name: 'tripStart', component: () => import('./pages/TripStartPage.vue'), meta: { titleKey: 'vehicles.titles.tripStart', roles: 'all' } },
  { path: '/trips/:id/end', name: 'tripEnd', component: () => import('./pages/TripEndPage.vue'), meta: { titleKey: 'vehicles.titles.tripEnd', roles: 'all' } },
  { path: '/vehicles/:id/check', name: 'vehicleCheck', component: () => import('./pages/PrecheckPage.vue'), meta: { titleKey: 'vehicles.titles.check', roles: 'all', messages: ['inspections', 'photos'] } },
  { path: '/vehicles/:id/fuel', name: 'fuelNew', component: () => import('./pages/FuelPage.vue'), meta: { titleKey: 'vehicles.titles.fuel', roles: 'all', messages: ['photos'] } },
  { path: '/fuel/:logId', name: 'fuelEdit', component: () => import('./pages/FuelPage.vue'), meta: { titleKey: 'vehicles.titles.fuel', roles: 'all', messages: ['photos'] } },
  { path: '/vehicles/:id/maintenance', name: 'maintenanceNew', component: () => import('./pages/MaintenancePage.vue'), meta: { titleKey: 'vehicles.titles.maintenance', roles: 'all', messages: ['photos'] } },
  { path: '/vehicles/:id/accident', name: 'accidentNew', component: () => import('./pages/AccidentPage.vue'), meta: { titleKey: 'vehicles.titles.accident', roles: 'all', messages: ['photos'] } },
]
