/** Home sections this feature fills for the dorm manager: 入住申请 waiting for a bed, and room checks (check-ins to do, conflicts). */
export const DORM_TODO_SECTIONS: readonly string[] = ['dormApplications', 'roomChecks']
export const loadDormTodo = () => import('./components/DormTodo.vue')
