/**
 * The to-do sections on Home per role. Each id has i18n keys home.sections.<id>.title/.empty;
 * the sections fill in as their features land (custody, checklists, requests, tasks, KPIs).
 */
import type { Role } from '@/features/auth'

export const TODO_SECTIONS = [
  'approvals',
  'followUps',
  'kpis',
  // custody: seals and licences whose holder says they are back, awaiting the keeper's check-in (待我确认)
  'returnsToConfirm',
  'sealRequests',
  'sealsOut',
  'assetsOut',
  'assetAudits',
  'trips',
  'vehicleChecks',
  'dispatch',
  'vehicleDue',
  'cleaningAreas',
  'rectifications',
  'inspections',
  'reinspections',
  'dormApplications',
  'roomChecks',
  'myRequests',
  'myItems',
  // tasks engine: what needs me as an assignee (everyone may be given a task)
  'myTasks',
] as const
export type TodoSection = (typeof TODO_SECTIONS)[number]

const BY_ROLE: Record<Role, readonly TodoSection[]> = {
  admin_head: ['approvals', 'followUps', 'rectifications', 'kpis'],
  executive: ['approvals', 'followUps', 'kpis'],
  seal_keeper: ['returnsToConfirm', 'sealRequests', 'sealsOut'],
  asset_keeper: ['returnsToConfirm', 'assetsOut', 'assetAudits'],
  driver: ['dispatch', 'trips', 'vehicleChecks', 'vehicleDue'],
  // The fleet manager decides 用车申请 at their step: 待我审批 too.
  fleet_manager: ['approvals', 'dispatch', 'vehicleDue'],
  cleaner: ['cleaningAreas', 'rectifications'],
  inspector: ['inspections', 'reinspections'],
  dorm_manager: ['dormApplications', 'roomChecks'],
  employee: ['myRequests', 'myItems'],
}

/** Sections for everything the user holds, without duplicates; everyone sees their own requests, items and tasks. */
export function todoSectionsFor(roles: readonly Role[]): TodoSection[] {
  const wanted = new Set<TodoSection>(roles.flatMap((r) => BY_ROLE[r]))
  wanted.add('myRequests')
  wanted.add('myItems')
  wanted.add('myTasks')
  return TODO_SECTIONS.filter((s) => wanted.has(s))
}
