/**
 * Public API of the vehicles feature (the driver's side: trips, pre-trip checks, fuel,
 * repairs, accidents). Light modules only; pages and panels load lazily.
 */
export { vehicleRoutes } from './routes'
/** The vehicle section of the asset page. */
export const loadVehiclePanel = () => import('./components/VehiclePanel.vue')
export const loadVehicleWork = () => import('./components/VehicleWork.vue')
export { VEHICLE_TODO_SECTIONS, loadVehicleTodo } from './todo'
