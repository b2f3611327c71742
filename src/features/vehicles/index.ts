/**
 * Public API of the vehicles feature (the driver's side: trips, pre-trip checks, fuel,
 * repairs, accidents). Light modules only; pages and panels load lazily.
 */
export { vehicleRoutes } from './routes'
/** The vehicle section of the asset page. */
export const loadVehiclePanel = () => import('./components/VehiclePanel.vue')
/** Home and Work widgets for drivers. */
export const loadVehicleTodo = () => import('./components/VehicleTodo.vue')
export const loadVehicleWork = () => import('./components/VehicleWork.vue')
/** Home to-do sections this feature fills (see VehicleTodo). */
export const VEHICLE_TODO_SECTIONS: readonly string[] = ['trips', 'vehicleChecks']
