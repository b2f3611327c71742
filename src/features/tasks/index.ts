/** Public API of the tasks feature (事务处理, 督办, 催办): routes, Home sections, the header's bell. */
export { taskRoutes } from './routes'
export { TASKS_TODO_SECTIONS, loadReminderBell, loadTasksTodo } from './todo'
export const loadTasksWork = () => import('./components/TasksWork.vue')
/** Me: Web Push on this device, or why there is none. */
export const loadNotificationSettings = () => import('./components/NotificationSettings.vue')
