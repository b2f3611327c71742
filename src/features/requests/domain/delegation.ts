/** 代理审批: who decides for whom, from which day to which day (company zone, both included). */
import { z } from 'zod'
import { E } from './fields'
import { calendarDate, uuid } from './fieldSchemas'
import { daysBetween } from '@/shared/lib/zonedTime'

export const delegationSchema = z
  .object({ from_user: uuid(), to_user: uuid(), starts_on: calendarDate(), ends_on: calendarDate() })
  .superRefine((d, ctx) => {
    if (d.from_user === d.to_user) ctx.addIssue({ code: 'custom', message: E.delegationSelf, path: ['to_user'] })
    if (d.ends_on < d.starts_on || daysBetween(d.starts_on, d.ends_on) > 366) ctx.addIssue({ code: 'custom', message: E.delegationDates, path: ['ends_on'] })
  })
export type DelegationInput = z.output<typeof delegationSchema>

/** The threshold the admin head sets (yuan, two decimals). */
export const thresholdSchema = z
  .number({ error: E.number })
  .min(0, { error: E.range })
  .max(100_000_000, { error: E.range })
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { error: E.number })
