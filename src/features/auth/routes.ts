import type { RouteRecordRaw } from 'vue-router'

export const authRoutes: RouteRecordRaw[] = [
  {
    path: '/sign-in',
    name: 'signIn',
    component: () => import('./pages/SignInPage.vue'),
    meta: { public: true, hideChrome: true, titleKey: 'titles.signIn' },
  },
]
