/** The tasks domain (事务处理, 督办): pure rules, state machine, deadlines and the ledger. No I/O, no framework. */
export { LIMITS, TASK_ERROR_KEYS, type TaskErrorKey } from './fields'
export {
  ESCALATION_LEVELS,
  OPEN_STATUSES,
  TASK_PRIORITIES,
  TASK_SOURCES,
  ASSIGN_SOURCES,
  TASK_STATUSES,
  isOpen,
  newTask,
  type AssignerLevel,
  type EscalationLevel,
  type Task,
  type TaskPriority,
  type TaskSource,
  type TaskStatus,
} from './task'
export type { TaskAssign, TaskAssignInput } from './taskSchema'
export {
  FOLLOW_UP_ACTS,
  FOLLOW_UP_REASONS,
  REMINDER_CHANNELS,
  REMINDER_LEVELS,
  TASK_ACTS,
  type FollowUpReason,
  type ReminderChannel,
  type ReminderLevel,
  type TaskAct,
  type TaskEvent,
  type TaskEventType,
} from './events'
export type { TaskActInput } from './eventsSchema'
export { FOLLOW_UP_STATUSES, newFollowUp, nextReminder, reminderRank, type FollowUp, type FollowUpStatus } from './followUp'
export {
  ASSIGNER_ROLES,
  assignerLevel,
  escalationTarget,
  handlesLevel,
  holdsAt,
  inLine,
  isAdminHeadOf,
  isAssignee,
  isDepartmentHeadOf,
  isExecutive,
  levelRank,
  mayAssign,
  nextLevel,
  seesTask,
  type TaskActor,
} from './actors'
export { applyEvent, assignedState, byDeviceTime, foldTask, type Folded, type TaskState } from './machine'
export { availableActs, handlesNow, mayAct, type TaskButton } from './rules'
// The acts validate with zod: not re-exported here (the bell and Home load this barrel); loadAct() loads them.
export type { ActContext, Acted, Outcome } from './act'
export { loadAct } from './loadAct'
export {
  SUMMARY_WORKING_DAYS,
  dueInWorkingDays,
  reminderDueOn,
  summaryDueOn,
  summaryState,
  taskDueState,
  timing,
  type SummaryState,
  type Timing,
} from './deadlines'
export { ledgerByDepartment, ledgerTotal, type LedgerCounts } from './ledger'
export { INBOX_KINDS, bellCount, bellShare, bellTotal, inboxContext, inboxFor, type InboxContext, type InboxInput, type InboxItem, type InboxKind } from './inbox'
export { LATE_STATUSES, LATE_STEP_WORKING_DAYS, lateDueRange, lateLevel, lateSteps, levelAfter, type LateTask } from './lateEscalation'
