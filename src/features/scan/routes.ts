import type { RouteRecordRaw } from 'vue-router'
import { TAB_ROLES } from '@/features/auth'
import { cameraMissing } from '@/shared/ui/scanner/cameraPresence'

export const scanRoutes: RouteRecordRaw[] = [
  {
    path: '/scan',
    name: 'scan',
    component: () => {
      // The browser's first device listing is slow: start it while the page downloads (cameraPresence.ts).
      void cameraMissing()
      return import('./pages/ScanPage.vue')
    },
    // It reads the device db only for a decode (which waits for it): it opens before the db loads.
    meta: { tab: 'scan', titleKey: 'titles.scan', roles: TAB_ROLES.scan, beforeSeed: true, messages: ['scanner'] },
  },
]
