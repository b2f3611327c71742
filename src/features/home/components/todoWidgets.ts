/**
 * Which feature fills which Home section, the chunk of its widget (loaded lazily) and the message
 * namespaces it shows (loaded with it: only the core file and Home's come before Home opens).
 * tests/unit/app/routeMessages.test.ts checks the namespaces against each widget's code.
 */
import type { MessageNamespace } from '@/shared/i18n'
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
  custody: [CUSTODY_TODO_SECTIONS, loadCustodyTodo, ['assets']],
  inspection: [INSPECTION_TODO_SECTIONS, loadInspectionTodo, ['inspections']],
  rectification: [RECTIFICATION_TODO_SECTIONS, loadRectificationTodo, ['rectification', 'inspections']],
  vehicle: [VEHICLE_TODO_SECTIONS, loadVehicleTodo, ['vehicles']],
  fleet: [FLEET_TODO_SECTIONS, loadFleetTodo, ['vehicles', 'assets']],
  request: [REQUEST_TODO_SECTIONS, loadRequestTodo, ['requests']],
  tasks: [TASKS_TODO_SECTIONS, loadTasksTodo, ['tasks']],
  dorm: [DORM_TODO_SECTIONS, loadDormTodo, ['dorms', 'assets']],
} as const satisfies Record<string, readonly [readonly string[], () => Promise<unknown>, readonly MessageNamespace[]]>

const ALL = Object.values(WIDGETS)

/** A section some feature fills (the others say what will appear once their feature lands). */
export const filled = (section: string): boolean => ALL.some(([list]) => list.includes(section))

/**
 * The chunks of a section's widgets and their messages (`ensure`: loads namespaces), resolved at
 * once when already loaded; none for a section no feature fills.
 */
export function chunksOf(section: string | undefined, ensure: (namespaces: readonly MessageNamespace[]) => Promise<unknown>): Promise<unknown> | undefined {
  const widgets = ALL.filter(([list]) => section !== undefined && list.includes(section))
  if (widgets.length === 0) return undefined
  return Promise.all([...widgets.map(([, load]) => load()), ensure([...new Set(widgets.flatMap(([, , namespaces]) => namespaces))])])
}
