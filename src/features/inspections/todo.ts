/** Home and Work widgets, loaded lazily so the first screen does not carry them. */
export const loadInspectionTodo = () => import('./components/InspectionTodo.vue')
/** Home to-do sections this feature fills (see InspectionTodo). */
export const INSPECTION_TODO_SECTIONS: readonly string[] = ['cleaningAreas', 'inspections']
