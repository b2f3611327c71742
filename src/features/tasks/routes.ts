import type { RouteRecordRaw } from 'vue-router'

// Anyone may be given a task; the assign page itself says when the person may not give one.
export const taskRoutes: RouteRecordRaw[] = [
  { path: '/tasks', name: 'tasks', component: () => import('./pages/TaskListPage.vue'), meta: { titleKey: 'tasks.titles.list', roles: 'all' } },
  { path: '/tasks/new', name: 'taskAssign', component: () => import('./pages/TaskAssignPage.vue'), meta: { titleKey: 'tasks.titles.assign', roles: 'all', messages: ['photos'] } },
  { path: '/tasks/reminders', name: 'taskReminders', component: () => import('./pages/RemindersPage.vue'), meta: { titleKey: 'tasks.titles.reminders', roles: 'all' } },
  { path: '/tasks/ledger', name: 'followUpLedger', component: () => import('./pages/FollowUpLedgerPage.vue'), meta: { titleKey: 'tasks.titles.ledger', roles: ['admin_head', 'executive'] } },
  { path: '/calendar', name: 'workCalendar', component: () => import('./pages/CalendarPage.vue'), meta: { titleKey: 'tasks.titles.calendar', roles: 'all' } },
  { path: '/tasks/:id', name: 'task', component: () => import('./pages/TaskPage.vue'), meta: { titleKey: 'tasks.titles.task', roles: 'all', messages: ['photos'] } },
]
