/**
 * 维修审批 (issue 9): a repair whose cost is above the admin head's approval threshold is not the
 * fleet manager's alone. The fleet manager sends it up the requests engine as a 'vehicle_repair'
 * application (their own step on record, then the admin head, then the executive, one level at a
 * time); only an approved application covering the cost lets the repair go ahead. The server checks
 * the same in private.maintenance_repair_gate.
 */
import type { MaintenanceStatus } from './maintenance'

/**
 * direct: at or below the threshold (or no cost given yet), the fleet manager decides alone;
 * escalate: above it with no application (or one rejected, withdrawn, or approved for less);
 * waiting: its application is on its way up the chain (pending, or returned for changes);
 * covered: its application is approved for at least this cost.
 */
export type RepairGate = 'direct' | 'escalate' | 'waiting' | 'covered'

export interface RepairApplication {
  status: string
  form: Record<string, unknown>
}

/** The amount an application approved (or asks for). */
export function applicationAmount(application: RepairApplication): number | null {
  const v = application.form.estimated_cost
  return typeof v === 'number' ? v : null
}

export function repairGate(cost: number | null, threshold: number, application: RepairApplication | null): RepairGate {
  if (cost === null || cost <= threshold) return 'direct'
  if (!application) return 'escalate'
  if (application.status === 'pending' || application.status === 'returned') return 'waiting'
  const amount = applicationAmount(application)
  return application.status === 'approved' && amount !== null && amount >= cost ? 'covered' : 'escalate'
}

/** The fleet manager's decisions that let the repair go ahead (leaving 'requested' for work). */
export function goesAhead(from: MaintenanceStatus, to: MaintenanceStatus): boolean {
  return from === 'requested' && (to === 'approved' || to === 'in_progress')
}

/** The application's form, from the repair request and the fleet manager's garage and estimate. */
export function repairForm(args: { vehicle: string; description: string; garage: string | null; cost: number }): Record<string, string | number | null> {
  return {
    vehicle: args.vehicle.slice(0, 60),
    description: args.description.slice(0, 1000),
    garage: args.garage?.trim() ? args.garage.trim().slice(0, 100) : null,
    estimated_cost: args.cost,
  }
}
