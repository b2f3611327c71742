/** Home widgets, loaded lazily so the first screen does not carry them. */
export const loadTasksTodo = () => import('./components/TasksTodo.vue')
/** Home to-do sections this feature fills (see TasksTodo). */
export const TASKS_TODO_SECTIONS: readonly string[] = ['followUps', 'myTasks']
/** The header's bell, loaded after the shell. */
export const loadReminderBell = () => import('./components/ReminderBell.vue')
