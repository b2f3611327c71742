/**
 * The renewal rule form (service every N km or M months, annual inspection, insurance), as
 * renewal_rule.upsert checks it: a rule for every vehicle has an interval and no last done
 * (last done is per vehicle: the domain's renewalRecords); a vehicle's own rule has an
 * interval, a last done (a calendar date, as the server keeps it, and/or a reading), or
 * both — with only a last done, the fleet default's interval applies. Errors are i18n keys.
 */
import { z } from 'zod'
import { isCalendarDate } from '@/shared/lib/zonedTime'

export const RENEWAL_KINDS = ['service', 'annual_inspection', 'insurance'] as const

export const R = {
  interval: 'vehicles.fleet.rules.errors.interval',
  km: 'vehicles.fleet.rules.errors.km',
  months: 'vehicles.fleet.rules.errors.months',
  date: 'vehicles.fleet.rules.errors.date',
  defaultLastDone: 'vehicles.fleet.rules.errors.defaultLastDone',
  vehicleEmpty: 'vehicles.fleet.rules.errors.vehicleEmpty',
} as const

const optionalInt = (max: number, key: string) =>
  z
    .union([z.number(), z.string()])
    .nullish()
    .transform((v, ctx) => {
      if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return null
      const n = Number(v)
      if (!Number.isInteger(n) || n <= 0 || n > max) {
        ctx.addIssue({ code: 'custom', message: key })
        return z.NEVER
      }
      return n
    })

export const renewalRuleSchema = z
  .object({
    vehicle_id: z.string().nullish().transform((v) => v || null),
    kind: z.enum(RENEWAL_KINDS),
    every_km: optionalInt(1_000_000, R.km),
    every_months: optionalInt(120, R.months),
    last_done_at: z
      .string()
      .nullish()
      .transform((v) => v || null)
      .refine((v) => v === null || isCalendarDate(v), { message: R.date }),
    last_done_km: optionalInt(9_999_999, R.km),
  })
  .superRefine((r, ctx) => {
    const interval = r.every_km !== null || r.every_months !== null
    if (r.vehicle_id === null) {
      if (!interval) ctx.addIssue({ code: 'custom', message: R.interval, path: ['every_km'] })
      if (r.last_done_at !== null) ctx.addIssue({ code: 'custom', message: R.defaultLastDone, path: ['last_done_at'] })
      if (r.last_done_km !== null) ctx.addIssue({ code: 'custom', message: R.defaultLastDone, path: ['last_done_km'] })
    } else if (!interval && r.last_done_at === null && r.last_done_km === null) {
      ctx.addIssue({ code: 'custom', message: R.vehicleEmpty, path: ['every_km'] })
    }
  })

export type RenewalRuleInput = z.input<typeof renewalRuleSchema>
export type RenewalRuleValues = z.output<typeof renewalRuleSchema>

/** field → first error key, for the form. */
export function ruleErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form')
    out[field] ??= issue.message
  }
  return out
}
