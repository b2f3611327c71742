/** Home and Work widgets for drivers. */
export const loadVehicleTodo = () => import('./components/VehicleTodo.vue')
/** Home to-do sections this feature fills (see VehicleTodo). */
export const VEHICLE_TODO_SECTIONS: readonly string[] = ['trips', 'vehicleChecks']
