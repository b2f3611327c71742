/** Home and Work widgets, loaded lazily so the first screen does not carry them. */
export const loadRectificationTodo = () => import('./components/RectificationTodo.vue')
/** Home to-do sections this feature fills (see RectificationTodo). */
export const RECTIFICATION_TODO_SECTIONS: readonly string[] = ['rectifications', 'reinspections']
