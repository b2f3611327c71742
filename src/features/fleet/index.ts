/**
 * Public API of the fleet feature (the fleet manager's side of vehicles): dashboard,
 * maintenance approvals, accidents, renewal rules and reminders.
 */
export { fleetRoutes } from './routes'
export { FLEET_ROLES, isFleetManager } from './domain/access'
/** A vehicle's repairs and accidents, for the asset page's vehicle panel (lazy). */
export const loadVehicleFleetHistory = () => import('./components/VehicleFleetHistory.vue')
/** The Work tab's entries, loaded lazily so the first screen does not carry them. */
export const loadFleetWork = () => import('./components/FleetWork.vue')
export { FLEET_TODO_SECTIONS, loadFleetTodo } from './todo'
