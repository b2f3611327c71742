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
  taskAssignSchema,
  type AssignerLevel,
  type EscalationLevel,
  type Task,
  type TaskAssign,
  type TaskAssignInput,
  type TaskPriority,
  type TaskSource,
  type TaskStatus,
} from './task'
export {
  FOLLOW_UP_ACTS,
  FOLLOW_UP_REASONS,
  REMINDER_CHANNELS,
  REMINDER_LEVELS,
  TASK_ACTS,
  followUpOpenSchema,
  followUpRemindSchema,
  followUpReviewSchema,
  taskActSchema,
  type FollowUpReason,
  type ReminderChannel,
  type ReminderLevel,
  type TaskAct,
  type TaskActInput,
  type TaskEvent,
  type TaskEventType,
} from './events'
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
export { actOnTask, assignTask, openFollowUp, remindFollowUp, reviewFollowUp, type ActContext, type Acted, type Outcome } from './act'
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
