import type { RouteRecordRaw } from 'vue-router'

/** Everyone applies and sees their own; approvers and keepers see theirs in the same pages. */
export const requestRoutes: RouteRecordRaw[] = [
  { path: '/requests', name: 'requests', component: () => import('./pages/RequestsPage.vue'), meta: { titleKey: 'requests.titles.list', roles: 'all' } },
  { path: '/requests/new/:type?', name: 'requestNew', component: () => import('./pages/RequestNewPage.vue'), meta: { titleKey: 'requests.titles.new', roles: 'all' } },
  { path: '/requests/:id', name: 'requestDetail', component: () => import('./pages/RequestPage.vue'), meta: { titleKey: 'requests.titles.detail', roles: 'all' } },
  { path: '/requests/:id/edit', name: 'requestEdit', component: () => import('./pages/RequestEditPage.vue'), meta: { titleKey: 'requests.titles.edit', roles: 'all' } },
]
