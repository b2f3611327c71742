import type { RouteRecordRaw } from 'vue-router'

/** Everyone applies and sees their own; approvers and keepers see theirs in the same pages. */
const roles = 'all' as const
export const requestRoutes: RouteRecordRaw[] = [
  { path: '/requests', name: 'requests', component: () => import('./pages/RequestsPage.vue'), meta: { titleKey: 'requests.titles.list', roles } },
  { path: '/requests/settings', name: 'requestSettings', component: () => import('./pages/RequestSettingsPage.vue'), meta: { titleKey: 'requests.titles.settings', roles, messages: ['assets', 'licences'] } },
  { path: '/requests/new/:type?', name: 'requestNew', component: () => import('./pages/RequestNewPage.vue'), meta: { titleKey: 'requests.titles.new', roles, messages: ['photos'] } },
  { path: '/requests/:id', name: 'requestDetail', component: () => import('./pages/RequestPage.vue'), meta: { titleKey: 'requests.titles.detail', roles, messages: ['licences', 'photos'] } },
  { path: '/requests/:id/edit', name: 'requestEdit', component: () => import('./pages/RequestEditPage.vue'), meta: { titleKey: 'requests.titles.edit', roles, messages: ['photos'] } },
]
