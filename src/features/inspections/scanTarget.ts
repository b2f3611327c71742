/** Where a scanned area label leads: the inspection (inspectors), a round (cleaners), else the area page. */
import type { RouteLocationRaw } from 'vue-router'
import { canInspect, canRecordRounds } from './roles'

export function areaScanTarget(areaId: string, roles: readonly string[]): RouteLocationRaw {
  if (canInspect(roles)) return { name: 'inspect', params: { areaId }, query: { via: 'scan' } }
  if (canRecordRounds(roles)) return { name: 'roundNew', params: { areaId }, query: { via: 'scan' } }
  return { name: 'area', params: { id: areaId } }
}
