import type { RouteRecordRaw } from 'vue-router'
import { DORM_EDITOR_ROLES, DORM_MANAGER_ROLES } from './roles'

/** Occupancy and allocation for those who manage the dormitories; "my dormitory" and check-in for everyone (RLS decides what syncs). */
export const dormRoutes: RouteRecordRaw[] = [
  { path: '/dorms', name: 'dorms', component: () => import('./pages/DormsPage.vue'), meta: { titleKey: 'dorms.titles.occupancy', roles: [...DORM_MANAGER_ROLES], messages: ['assets'] } },
  { path: '/dorms/rooms/:id', name: 'dormRoom', component: () => import('./pages/RoomPage.vue'), meta: { titleKey: 'dorms.titles.room', roles: 'all', messages: ['assets', 'tasks'] } },
  { path: '/dorms/allocate', name: 'dormAllocate', component: () => import('./pages/AllocatePage.vue'), meta: { titleKey: 'dorms.titles.allocate', roles: [...DORM_MANAGER_ROLES], messages: ['assets'] } },
  { path: '/dorms/buildings/new', name: 'dormBuildingNew', component: () => import('./pages/BuildingEditPage.vue'), meta: { titleKey: 'dorms.titles.buildingEdit', roles: [...DORM_EDITOR_ROLES], messages: ['assets'] } },
  { path: '/dorms/buildings/:id/edit', name: 'dormBuildingEdit', component: () => import('./pages/BuildingEditPage.vue'), meta: { titleKey: 'dorms.titles.buildingEdit', roles: [...DORM_EDITOR_ROLES], messages: ['assets'] } },
  { path: '/dorms/rooms/new', name: 'dormRoomNew', component: () => import('./pages/RoomEditPage.vue'), meta: { titleKey: 'dorms.titles.roomEdit', roles: [...DORM_EDITOR_ROLES], messages: ['assets'] } },
  { path: '/dorms/rooms/:id/edit', name: 'dormRoomEdit', component: () => import('./pages/RoomEditPage.vue'), meta: { titleKey: 'dorms.titles.roomEdit', roles: [...DORM_EDITOR_ROLES], messages: ['assets'] } },
  { path: '/dorms/prices', name: 'dormPrices', component: () => import('./pages/PricesPage.vue'), meta: { titleKey: 'dorms.titles.prices', roles: [...DORM_MANAGER_ROLES], messages: ['inspections'] } },
  { path: '/dorms/meters', name: 'dormMeterRound', component: () => import('./pages/MeterRoundPage.vue'), meta: { titleKey: 'dorms.titles.meterRound', roles: [...DORM_EDITOR_ROLES], messages: ['assets'] } },
  { path: '/dorms/meters/:roomId', name: 'dormMeterRoom', component: () => import('./pages/MeterRoomPage.vue'), meta: { titleKey: 'dorms.titles.meterRoom', roles: [...DORM_EDITOR_ROLES], messages: ['photos'] } },
  { path: '/dorms/payroll', name: 'dormPayroll', component: () => import('./pages/PayrollPage.vue'), meta: { titleKey: 'dorms.titles.payroll', roles: [...DORM_MANAGER_ROLES] } },
  { path: '/dorms/rooms/:id/repair', name: 'dormRepair', component: () => import('./pages/RepairReportPage.vue'), meta: { titleKey: 'dorms.titles.repair', roles: 'all', messages: ['assets', 'photos', 'tasks'] } },
  { path: '/dorms/mine', name: 'myDorm', component: () => import('./pages/MyDormPage.vue'), meta: { titleKey: 'dorms.titles.mine', roles: 'all', messages: ['assets', 'tasks'] } },
  { path: '/dorms/beds/:bedId/check-out', name: 'dormCheckOut', component: () => import('./pages/CheckOutPage.vue'), meta: { titleKey: 'dorms.titles.checkOut', roles: 'all', messages: ['assets', 'inspections', 'photos'] } },
  // Opened from a bed's label, often on a fresh phone: the page opens at once and reads once the device db is ready (beforeSeed).
  { path: '/dorms/beds/:bedId/check-in', name: 'dormCheckIn', component: () => import('./pages/CheckInPage.vue'), meta: { titleKey: 'dorms.titles.checkIn', roles: 'all', beforeSeed: true } },
]
