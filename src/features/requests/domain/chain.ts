/**
 * Approval chains: which roles decide an application, in order, and who may act at a step.
 * Steps go up one level at a time and never skip (DESIGN.md "Roles and time"). An applicant never
 * approves their own application: a step whose role the applicant holds is marked skipped and the
 * level directly above joins the chain in its place (unless it is already further up the chain).
 * An executive's own application has nobody above the executive: with every step skipped it is
 * approved on submission, and the skipped steps stay on record.
 */
import { calendarDate } from '@/shared/lib/zonedTime'
import { LEVEL_ABOVE, requestTypeDef, type ApproverRole } from './types'
import type { RequestForm } from './form'

export interface ChainStep {
  /** An ApproverRole; typed as text because pulled rows carry it as text. */
  role: string
  /** True when the applicant holds this role: the step cannot be theirs to decide. */
  skipped: boolean
}

export function resolveChain(type: string, form: RequestForm, applicantRoles: readonly string[], amountThreshold: number): ChainStep[] {
  const def = requestTypeDef(type)
  if (!def) return []
  const roles: ApproverRole[] = [...def.chain]
  const amount = def.amountKey ? form[def.amountKey] : null
  if (typeof amount === 'number' && amount > amountThreshold) {
    for (const r of ['admin_head', 'executive'] as const) if (!roles.includes(r)) roles.push(r)
  }
  const steps: ChainStep[] = []
  for (let i = 0; i < roles.length; i++) {
    const role = roles[i]!
    const skipped = applicantRoles.includes(role)
    steps.push({ role, skipped })
    const above = LEVEL_ABOVE[role]
    if (skipped && above && !roles.slice(i + 1).includes(above)) roles.splice(i + 1, 0, above)
  }
  return steps
}

/** The first step at or after `from` that is not skipped; the chain's length when none is left. */
export function nextOpenStep(chain: readonly ChainStep[], from: number): number {
  let i = from
  while (i < chain.length && chain[i]!.skipped) i++
  return i
}

/** 代理审批: someone decides for `from_user` between two calendar dates (company zone), both included. */
export interface Delegation {
  id: string
  from_user: string
  to_user: string
  starts_on: string
  ends_on: string
  deleted_at: string | null
}

export interface Decider {
  id: string
  /** The roles this person holds at the application's site. */
  roles: readonly string[]
}

export type Authority = { ok: true; onBehalfOf: string | null } | { ok: false }

/**
 * May `actor` decide a step whose role is `role` for an application by `applicantId`, at `at`?
 * Directly by holding the role, or as the delegate of someone who holds it on that day.
 */
export function authorityFor(
  actor: Decider,
  role: string,
  applicantId: string,
  at: string,
  ctx: { delegations: readonly Delegation[]; rolesOf: (userId: string) => readonly string[]; timeZone: string },
): Authority {
  if (actor.id === applicantId) return { ok: false }
  if (actor.roles.includes(role)) return { ok: true, onBehalfOf: null }
  const day = calendarDate(at, ctx.timeZone)
  const grant = ctx.delegations.find(
    (d) =>
      d.deleted_at === null &&
      d.to_user === actor.id &&
      d.from_user !== applicantId &&
      d.starts_on <= day &&
      day <= d.ends_on &&
      ctx.rolesOf(d.from_user).includes(role),
  )
  return grant ? { ok: true, onBehalfOf: grant.from_user } : { ok: false }
}
