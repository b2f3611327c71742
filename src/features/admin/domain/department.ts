/**
 * Departments per site, administered by the head of administration.
 * Rules: name 1–60 characters, code ^[A-Za-z0-9_-]{1,20}$, code unique within a site; the head
 * (部门负责人, head_id) is optional, a live person of the department's site or a company-wide one (no
 * site) — the server's rule in private.sync_apply_department_upsert.
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
  /** 部门负责人: the person who heads it (KPIs, first escalation level of tasks); null = none. */
  headId: string | null
}

/** A person who may be chosen as a head: live profiles only. siteId null = company-wide. */
export interface Person {
  id: string
  name: string
  siteId: string | null
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

/** Why this person cannot head a department of the site (an i18n key), or null when they can. */
export function headIssue(headId: string | null | undefined, siteId: string, people: readonly Person[]): string | null {
  if (headId === null || headId === undefined) return null
  const person = people.find((p) => p.id === headId)
  if (!person) return 'validation.headUnknown'
  return person.siteId === null || person.siteId === siteId ? null : 'validation.headOtherSite'
}

/** The people who may head a department of the site, in the order the picker shows them. */
export function headCandidates(people: readonly Person[], siteId: string): Person[] {
  return people.filter((p) => headIssue(p.id, siteId, people) === null)
}

const headIdSchema = z.string().min(1).nullable().optional()

/** Schema for a new department, checked against the site's current (non-deleted) departments and people. */
export function newDepartmentSchema(existing: readonly Department[], people: readonly Person[] = []) {
  return z
    .object({ site_id: z.string().min(1, { error: 'validation.required' }), code: departmentCodeSchema, name: departmentNameSchema, head_id: headIdSchema })
    .superRefine((value, ctx) => {
      if (existing.some((d) => d.siteId === value.site_id && sameCode(d.code, value.code))) {
        ctx.addIssue({ code: 'custom', path: ['code'], message: 'validation.codeTaken' })
      }
      const head = headIssue(value.head_id, value.site_id, people)
      if (head) ctx.addIssue({ code: 'custom', path: ['head_id'], message: head })
    })
}

export type NewDepartment = z.output<ReturnType<typeof newDepartmentSchema>>

export const renameDepartmentSchema = z.object({ name: departmentNameSchema })

/** Schema for editing a department of the site: its name and its head (null = no head). */
export function editDepartmentSchema(siteId: string, people: readonly Person[]) {
  return z.object({ name: departmentNameSchema, head_id: z.string().min(1).nullable() }).superRefine((value, ctx) => {
    const head = headIssue(value.head_id, siteId, people)
    if (head) ctx.addIssue({ code: 'custom', path: ['head_id'], message: head })
  })
}

export type DepartmentEdit = z.output<ReturnType<typeof editDepartmentSchema>>

/** Departments of one site, sorted by code for a stable list. */
export function departmentsOfSite(all: readonly Department[], siteId: string): Department[] {
  return all.filter((d) => d.siteId === siteId).sort((a, b) => a.code.localeCompare(b.code))
}
