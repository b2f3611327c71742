/**
 * Where a scanned bed label leads: the person's own check-in when they have a stay on this bed still to
 * check in; the room page (this bed picked out) for those who manage the dormitories; else "my dormitory".
 */
import type { RouteLocationRaw } from 'vue-router'
import type { DormBedRow, DormStayRow } from '@/platform/db/rows'
import { managesDorms } from './roles'

export function bedScanTarget(bed: Pick<DormBedRow, 'id' | 'room_id'>, roles: readonly string[], myStays: readonly Pick<DormStayRow, 'bed_id' | 'status'>[]): RouteLocationRaw {
  if (myStays.some((s) => s.bed_id === bed.id && s.status === 'reserved')) return { name: 'dormCheckIn', params: { bedId: bed.id } }
  if (managesDorms(roles)) return { name: 'dormRoom', params: { id: bed.room_id }, query: { bed: bed.id } }
  return { name: 'myDorm' }
}
