/** Where a scanned area label leads: the inspection (inspectors), a round (cleaners), else the area page. */
import type { RouteLocationRaw } from 'vue-router'
import { canInspectArea, canRecordRounds } from './roles'

export function areaScanTarget(area: { id: string; area_type: string }, roles: readonly string[]): RouteLocationRaw {
  const areaId = area.id
  if (canInspectArea(roles, area.area_type)) return { name: 'inspect', params: { areaId }, query: { via: 'scan' } }
  if (canRecordRounds(roles)) return { name: 'roundNew', params: { areaId }, query: { via: 'scan' } }
  return { name: 'area', params: { id: areaId } }
}
