/** The area form's input, checked with zod at the edge (messages are i18n keys). */
import { z } from 'zod'
import { AREA_TYPES, FREQUENCIES } from '../areaTypes'

const required = 'inspections.errors.required'
const tooLong = 'inspections.errors.tooLong'
const choice = 'inspections.errors.choice'
const text = (max: number) => z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: tooLong })
const optionalText = (max: number) => z.string({ error: required }).trim().max(max, { error: tooLong })

export const areaInputSchema = z.object({
  id: z.uuid({ error: 'inspections.errors.uuid' }),
  site_id: z.uuid({ error: required }),
  building: optionalText(60),
  floor: optionalText(30),
  name: text(100),
  area_type: z.enum(AREA_TYPES, { error: choice }),
  responsible_id: z.uuid({ error: required }).nullable(),
  department_id: z.uuid({ error: required }).nullable(),
  frequency: z.enum(FREQUENCIES, { error: choice }),
  template_code: text(64),
})
export type AreaInput = z.infer<typeof areaInputSchema>

/** Field → first issue's i18n key. */
export function areaIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const i of issues) {
    const field = String(i.path[0] ?? '')
    out[field] ??= i.message
  }
  return out
}
