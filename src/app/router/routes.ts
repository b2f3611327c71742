/** All routes, collected from the features. Pages are lazy chunks; only the shell is in the entry. */
import type { RouteRecordRaw } from 'vue-router'
import { authRoutes } from '@/features/auth'
import { homeRoutes } from '@/features/home'
import { scanRoutes } from '@/features/scan'
import { workRoutes } from '@/features/work'
import { meRoutes } from '@/features/me'
import { adminRoutes } from '@/features/admin'
import { assetRoutes } from '@/features/assets'
import { labelRoutes } from '@/features/labels'
import { sealRoutes } from '@/features/seals'
import { licenceRoutes } from '@/features/licences'
import { rectificationRoutes } from '@/features/rectification'
import { rankingRoutes } from '@/features/rankings'
import { inspectionRoutes } from '@/features/inspections'
import { fleetRoutes } from '@/features/fleet'
import { vehicleRoutes } from '@/features/vehicles'

export const routes: RouteRecordRaw[] = [
  ...homeRoutes,
  ...scanRoutes,
  ...workRoutes,
  ...meRoutes,
  ...adminRoutes,
  ...assetRoutes,
  ...labelRoutes,
  ...sealRoutes,
  ...licenceRoutes,
  ...rectificationRoutes,
  ...rankingRoutes,
  ...inspectionRoutes,
  ...fleetRoutes,
  ...vehicleRoutes,
  ...authRoutes,
  { path: '/:pathMatch(.*)*', redirect: { name: 'home' } },
]
