/** Public API of the dormitories feature (员工宿舍). Light modules only: routes, roles, lookups. */
export { dormRoutes } from './routes'
export { DORM_MANAGER_ROLES, managesDorms } from './roles'
export { findBedByToken, myLiveStays } from './data/lookup'
export { bedScanTarget } from './scanTarget'
export const loadDormWork = () => import('./components/DormWork.vue')
export { DORM_TODO_SECTIONS, loadDormTodo } from './todo'
