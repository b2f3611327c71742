/** The rectification rows an inspection's failed items create (ids made on the device; rules in the domain). */
import type { AreaRow, InspectionRow, RectificationRow } from '@/platform/db/rows'
import { rectificationPayload, rectificationsFor } from '../domain/rectification'
import type { TemplateVersion } from '../domain/template'

export function buildRectifications(inspection: InspectionRow, template: TemplateVersion, area: AreaRow): RectificationRow[] {
  return rectificationsFor(inspection, template, area, () => crypto.randomUUID())
}

export { rectificationPayload }
