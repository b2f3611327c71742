/**
 * Departments per site, administered by the head of administration.
 * Rules: name 1–60 characters, code ^[A-Za-z0-9_-]{1,20}$, code unique within a site.
 * Messages are i18n keys (validation.*).
 */
import { z } from 'zod'

export { ADMIN_ROLES } from './access'

export const DEPARTMENT_NAME_MAX = 60
export const DEPARTMENT_CODE_PATTERN = /^[A-Za-z0-9_-]{1,20}$/

export interface Department {
  id: string
  siteId: string
  code: string
  name: string
}

export interface Site {
  id: string
  code: string
  name: string
}

export const departmentNameSchema = z
  .string()
  .trim()
  .min(1, { error: 'validation.required' })
  .max(DEPARTMENT_NAME_MAX, { error: 'validation.tooLong' })

export const departmentCodeSchema = z
  .string()
  .trim()
  .min(1, { error: 'validation.required' })
  .regex(DEPARTMENT_CODE_PATTERN, { error: 'validation.codeFormat' })

/** Codes compare case-insensitively: "adm" and "ADM" in one site would confuse people. */
export function sameCode(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.trim().toUpperCase()
}

/** Schema for a new department, checked against the site's current (non-deleted) departments. */
export function newDepartmentSchema(existing: readonly Department[]) {
  return z
    .object({ site_id: z.string().min(1, { error: 'validation.required' }), code: departmentCodeSchema, name: departmentNameSchema })
    .superRefine((value, ctx) => {
      if (existing.some((d) => d.siteId === value.site_id && sameCode(d.code, value.code))) {
        ctx.addIssue({ code: 'custom', path: ['code'], message: 'validation.codeTaken' })
      }
    })
}

export type NewDepartment = z.output<ReturnType<typeof newDepartmentSchema>>

export const renameDepartmentSchema = z.object({ name: departmentNameSchema })

/** Departments of one site, sorted by code for a stable list. */
export function departmentsOfSite(all: readonly Department[], siteId: string): Department[] {
  return all.filter((d) => d.siteId === siteId).sort((a, b) => a.code.localeCompare(b.code))
}
