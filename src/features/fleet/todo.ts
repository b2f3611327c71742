/** Home widget for 'vehicleDue' (renewals by urgency), loaded lazily. */
export const loadFleetTodo = () => import('./components/FleetTodo.vue')
/** Home to-do sections this feature fills (see FleetTodo). */
export const FLEET_TODO_SECTIONS: readonly string[] = ['vehicleDue']
