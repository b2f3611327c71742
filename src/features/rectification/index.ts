/** Public API of the rectification feature (整改): the assignee's tasks, verification, escalation. */
export { rectificationRoutes } from './routes'
export const loadRectificationWork = () => import('./components/RectificationWork.vue')
export { RECTIFICATION_TODO_SECTIONS, loadRectificationTodo } from './todo'
