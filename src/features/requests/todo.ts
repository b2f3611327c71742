/** Home sections this feature fills: 待我审批, 我的申请, and the seal keeper's approved 用印申请 (see RequestTodo). */
export const REQUEST_TODO_SECTIONS: readonly string[] = ['approvals', 'myRequests', 'sealRequests', 'dispatch']
export const loadRequestTodo = () => import('./components/RequestTodo.vue')
