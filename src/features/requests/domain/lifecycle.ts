/**
 * An application's life as a fold over its events (申请 → 审批 → 办理). The server applies events
 * in the order it receives them with the same rules (private.request_apply_event); the device applies
 * its own at once, so the applicant and the approver see the result offline.
 *
 * A decision made against a state that has since changed (another approver decided, the applicant
 * withdrew or edited) is kept and flagged `stale`: never lost, never silently applied.
 */
import { requestTypeDef } from './types'
import { nextOpenStep, resolveChain, type ChainStep } from './chain'
import { requestTitle, type RequestForm } from './form'
import { REQUEST_FLAGS, type RequestFlag } from './fields'

export const REQUEST_STATUSES = ['pending', 'returned', 'approved', 'rejected', 'withdrawn'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

export const DECISIONS = ['approve', 'reject', 'return'] as const
export type Decision = (typeof DECISIONS)[number]
export const REQUEST_ACTIONS = ['submit', 'resubmit', 'withdraw', ...DECISIONS] as const
export type RequestAction = (typeof REQUEST_ACTIONS)[number]

export interface RequestState {
  id: string
  type: string
  site_id: string | null
  department_id: string | null
  applicant_id: string
  title: string
  form: RequestForm
  photo_ids: string[]
  status: RequestStatus
  /** 1 on submission, +1 on each resubmission (edit). */
  revision: number
  /** Index into `chain` of the step waiting for a decision (pending only). */
  step: number
  chain: ChainStep[]
  /** The role the application waits for (pending), for the approvers' inbox. */
  waiting_role: string | null
  submitted_at: string
  /** Since when it is where it is now (the last applied event). */
  status_at: string
  /** The final approval or rejection. */
  decided_at: string | null
  /** 一次性通过: approved on its first revision. Null until decided. */
  first_pass: boolean | null
  /** Due back (外带, borrowing, the end of a trip), from the form; null when the type has none. */
  due_back_at: string | null
  fulfilled_at: string | null
  fulfilled_by: string | null
  /** 用车申请: set when the fleet manager approves. */
  assignment: Assignment | null
}

export interface Assignment {
  vehicle_id: string
  driver_id: string
}

export interface RequestEvent {
  id: string
  request_id: string
  action: RequestAction
  actor_id: string
  /** A delegate's decision names whom it was made for (代理审批). */
  on_behalf_of: string | null
  /** The step and revision the actor saw; a decision on another one is stale. */
  step: number | null
  revision: number
  note: string | null
  /** submit / resubmit: the form as sent. */
  form: RequestForm | null
  /** approve of a dispatch at the fleet manager's step: the vehicle and the driver. */
  assignment: Assignment | null
  /** When the actor acted, by the device clock. */
  at: string
}

export interface FoldContext {
  /** The applicant's roles at the application's site (self-approval skip). */
  applicantRoles: readonly string[]
  amountThreshold: number
}

export type Applied = { state: RequestState; flag: null } | { state: RequestState | null; flag: RequestFlag }

function dueBack(type: string, form: RequestForm): string | null {
  const key = requestTypeDef(type)?.dueKey
  const v = key ? form[key] : null
  return typeof v === 'string' ? v : null
}

/** Puts a (re)submitted form at the first open step; approved at once when every step is the applicant's own. */
function openAt(state: RequestState, form: RequestForm, at: string, ctx: FoldContext): RequestState {
  const chain = resolveChain(state.type, form, ctx.applicantRoles, ctx.amountThreshold)
  const step = nextOpenStep(chain, 0)
  const done = step >= chain.length
  return {
    ...state,
    form,
    title: requestTitle(state.type, form),
    chain,
    step,
    status: done ? 'approved' : 'pending',
    waiting_role: done ? null : chain[step]!.role,
    status_at: at,
    decided_at: done ? at : null,
    first_pass: done ? state.revision === 1 : null,
    due_back_at: dueBack(state.type, form),
  }
}

/** A new application from its submit event. */
export function submitted(base: Pick<RequestState, 'id' | 'type' | 'site_id' | 'department_id' | 'applicant_id' | 'photo_ids'>, event: RequestEvent, ctx: FoldContext): RequestState {
  const blank: RequestState = {
    ...base,
    title: '',
    form: {},
    status: 'pending',
    revision: 1,
    step: 0,
    chain: [],
    waiting_role: null,
    submitted_at: event.at,
    status_at: event.at,
    decided_at: null,
    first_pass: null,
    due_back_at: null,
    fulfilled_at: null,
    fulfilled_by: null,
    assignment: null,
  }
  return openAt(blank, event.form ?? {}, event.at, ctx)
}

const stale = (state: RequestState): Applied => ({ state, flag: REQUEST_FLAGS.stale })

/** Applies one event after submission. Authority is checked before (device UI, server RPC); this checks state. */
export function applyEvent(state: RequestState, event: RequestEvent, ctx: FoldContext): Applied {
  switch (event.action) {
    case 'submit':
      return stale(state)
    case 'withdraw':
      if (state.status !== 'pending' && state.status !== 'returned') return stale(state)
      return { state: { ...state, status: 'withdrawn', waiting_role: null, status_at: event.at }, flag: null }
    case 'resubmit': {
      if ((state.status !== 'pending' && state.status !== 'returned') || event.revision !== state.revision) return stale(state)
      const next = { ...state, revision: state.revision + 1 }
      return { state: openAt(next, event.form ?? state.form, event.at, ctx), flag: null }
    }
    case 'approve':
    case 'reject':
    case 'return': {
      if (state.status !== 'pending' || event.revision !== state.revision || event.step !== state.step) return stale(state)
      if (event.action === 'return') return { state: { ...state, status: 'returned', waiting_role: null, status_at: event.at }, flag: null }
      if (event.action === 'reject') {
        return { state: { ...state, status: 'rejected', waiting_role: null, status_at: event.at, decided_at: event.at, first_pass: false }, flag: null }
      }
      const step = nextOpenStep(state.chain, state.step + 1)
      const assignment = event.assignment ?? state.assignment
      if (step < state.chain.length) return { state: { ...state, step, assignment, waiting_role: state.chain[step]!.role, status_at: event.at }, flag: null }
      return {
        state: { ...state, step, assignment, status: 'approved', waiting_role: null, status_at: event.at, decided_at: event.at, first_pass: state.revision === 1 },
        flag: null,
      }
    }
  }
}

/** Decisions need a written reason when they say no or send back (驳回 / 退回修改). */
export function needsReason(action: RequestAction): boolean {
  return action === 'reject' || action === 'return'
}

/** 用车申请: approving at the fleet manager's step needs a vehicle and a driver. */
export function needsAssignment(state: Pick<RequestState, 'type' | 'chain' | 'step'>): boolean {
  return state.type === 'vehicle_dispatch' && state.chain[state.step]?.role === 'fleet_manager'
}

/** What the applicant may still do. */
export function applicantActions(state: RequestState): ('withdraw' | 'resubmit')[] {
  return state.status === 'pending' || state.status === 'returned' ? ['resubmit', 'withdraw'] : []
}
