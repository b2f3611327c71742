/** Home and Work widgets, loaded lazily so the first screen does not carry them. */
export const loadCustodyTodo = () => import('./components/CustodyTodo.vue')
/** Home to-do sections the custody engine fills (see CustodyTodo). */
export const CUSTODY_TODO_SECTIONS: readonly string[] = ['myItems', 'returnsToConfirm', 'sealsOut', 'assetsOut', 'vehicleDue']
