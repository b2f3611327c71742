/**
 * Which engine (and rows) each KPI is computed from: apart from the formulas (all.ts), so what
 * shows the figures does not load every source's code with it.
 */
import type { KpiCode } from './catalogue'

/** The engine (and the rows) a KPI is computed from. */
export type KpiSource = 'tasks' | 'followUps' | 'requests' | 'custody' | 'checklists' | 'custodyChecks' | 'dispatches' | 'trips' | 'stays' | 'fuel' | 'beds'
export const KPI_SOURCES: readonly KpiSource[] = ['tasks', 'followUps', 'requests', 'custody', 'checklists', 'custodyChecks', 'dispatches', 'trips', 'stays', 'fuel', 'beds']

export const KPI_SOURCE: Readonly<Record<KpiCode, KpiSource>> = {
  affairs_on_time: 'tasks',
  affairs_summary_on_time: 'tasks',
  affairs_score: 'tasks',
  follow_up_reminder_on_time: 'followUps',
  follow_up_first_success: 'followUps',
  rectification_on_time: 'checklists',
  inspection_score: 'checklists',
  seal_request_first_pass: 'requests',
  licence_request_first_pass: 'requests',
  seal_use_first_pass: 'requests',
  approval_on_time: 'requests',
  seal_returned_on_time: 'custody',
  licence_returned_on_time: 'custody',
  custody_checked_on_time: 'custodyChecks',
  dispatch_on_time: 'dispatches',
  trip_pre_check: 'trips',
  dorm_check_in_on_time: 'stays',
  fuel_within_baseline: 'fuel',
  dorm_occupancy: 'beds',
}
