/**
 * All routes, collected from the features. Pages are lazy chunks; only the shell is in the entry.
 * Each feature's routes.ts is imported directly, not its index.ts: the public APIs pull in data
 * layers and zod schemas that the first screen does not need.
 */
import type { RouteRecordRaw } from 'vue-router'
import { authRoutes } from '@/features/auth/routes'
import { homeRoutes } from '@/features/home/routes'
import { scanRoutes } from '@/features/scan/routes'
import { workRoutes } from '@/features/work/routes'
import { meRoutes } from '@/features/me/routes'
import { adminRoutes } from '@/features/admin/routes'
import { assetRoutes } from '@/features/assets/routes'
import { labelRoutes } from '@/features/labels/routes'
import { sealRoutes } from '@/features/seals/routes'
import { licenceRoutes } from '@/features/licences/routes'
import { rectificationRoutes } from '@/features/rectification/routes'
import { rankingRoutes } from '@/features/rankings/routes'
import { inspectionRoutes } from '@/features/inspections/routes'
import { fleetRoutes } from '@/features/fleet/routes'
import { vehicleRoutes } from '@/features/vehicles/routes'
import { requestRoutes } from '@/features/requests/routes'
// tasks engine (事务处理, 督办) and the company calendar
import { taskRoutes } from '@/features/tasks/routes'
// dormitories
import { dormRoutes } from '@/features/dorms/routes'
// KPIs (考核指标)
import { kpiRoutes } from '@/features/kpis/routes'
// supervisory inspections (监督检查)
import { supervisionRoutes } from '@/features/supervision/routes'

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
  ...requestRoutes,
  ...taskRoutes,
  // dormitories
  ...dormRoutes,
  // KPIs (考核指标)
  ...kpiRoutes,
  // supervisory inspections
  ...supervisionRoutes,
  ...authRoutes,
  { path: '/:pathMatch(.*)*', redirect: { name: 'home' } },
]
