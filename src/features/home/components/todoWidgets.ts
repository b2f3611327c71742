/** Which feature fills which Home section, and the chunk of its widget (loaded lazily). */
import { CUSTODY_TODO_SECTIONS, loadCustodyTodo } from '@/features/assets/todo'
import { INSPECTION_TODO_SECTIONS, loadInspectionTodo } from '@/features/inspections/todo'
import { RECTIFICATION_TODO_SECTIONS, loadRectificationTodo } from '@/features/rectification/todo'
import { VEHICLE_TODO_SECTIONS, loadVehicleTodo } from '@/features/vehicles/todo'
import { FLEET_TODO_SECTIONS, loadFleetTodo } from '@/features/fleet/todo'
import { REQUEST_TODO_SECTIONS, loadRequestTodo } from '@/features/requests/todo'
// tasks engine: 'followUps' (admin head, executive) and 'myTasks' (everyone)
import { TASKS_TODO_SECTIONS, loadTasksTodo } from '@/features/tasks/todo'
// dormitories
import { DORM_TODO_SECTIONS, loadDormTodo } from '@/features/dorms/todo'

export const WIDGETS = {
  custody: [CUSTODY_TODO_SECTIONS, loadCustodyTodo],
  inspection: [INSPECTION_TODO_SECTIONS, loadInspectionTodo],
  rectification: [RECTIFICATION_TODO_SECTIONS, loadRectificationTodo],
  vehicle: [VEHICLE_TODO_SECTIONS, loadVehicleTodo],
  fleet: [FLEET_TODO_SECTIONS, loadFleetTodo],
  request: [REQUEST_TODO_SECTIONS, loadRequestTodo],
  tasks: [TASKS_TODO_SECTIONS, loadTasksTodo],
  dorm: [DORM_TODO_SECTIONS, loadDormTodo],
} as const satisfies Record<string, readonly [readonly string[], () => Promise<unknown>]>

const ALL = Object.values(WIDGETS)

/** A section some feature fills (the others say what will appear once their feature lands). */
export const filled = (section: string): boolean => ALL.some(([list]) => list.includes(section))

/** The chunks of a section's widgets (already loaded: resolved at once); none for a section no feature fills. */
export function chunksOf(section: string | undefined): Promise<unknown> | undefined {
  const loads = ALL.filter(([list]) => section !== undefined && list.includes(section)).map(([, load]) => load())
  return loads.length > 0 ? Promise.all(loads) : undefined
}
