/** The rectification rows an inspection's failed items create (ids made on the device; rules in the domain). */
import type { AreaRow, InspectionRow, RectificationRow } from '@/platform/db/rows'
import { rectificationPayload, rectificationsFor, type DueCalendar } from '../domain/rectification'
import type { TemplateVersion } from '../domain/template'

/** `cal`: the company calendar and zone (loadDeadlineCalendar); the area's site picks its own days. */
export function buildRectifications(inspection: InspectionRow, template: TemplateVersion, area: AreaRow, cal: Omit<DueCalendar, 'siteId'>): RectificationRow[] {
  return rectificationsFor(inspection, template, area, () => crypto.randomUUID(), cal)
}

export { rectificationPayload }
