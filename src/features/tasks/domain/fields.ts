/**
 * Error keys and text limits of the tasks domain (事务处理, 督办); its zod builders are in
 * fieldSchemas.ts. Every message is an i18n KEY (`tasks.errors.*`), never text: the UI
 * translates, the domain stays language-free.
 */

/** Every error key the tasks domain can produce; the i18n messages must define each. */
export const TASK_ERROR_KEYS = [
  'tasks.errors.required',
  'tasks.errors.tooLong',
  'tasks.errors.uuid',
  'tasks.errors.date',
  'tasks.errors.dateTime',
  'tasks.errors.choice',
  'tasks.errors.integer',
  'tasks.errors.range',
  'tasks.errors.photos',
  // assignment
  'tasks.errors.assigneeRequired',
  'tasks.errors.dueInPast',
  'tasks.errors.coAssigneeIsAssignee',
  // who may act
  'tasks.errors.notAllowed',
  'tasks.errors.notAssignee',
  'tasks.errors.notHandler',
  'tasks.errors.notHandoverParty',
  // state
  'tasks.errors.badTransition',
  'tasks.errors.topLevel',
  'tasks.errors.sameAssignee',
  'tasks.errors.summaryDone',
  'tasks.errors.followUpOpen',
  'tasks.errors.noFollowUp',
  'tasks.errors.reminderOrder',
  'tasks.errors.reportedToRequired',
  'tasks.errors.penaltyRequired',
  'tasks.errors.taskNotDone',
] as const
export type TaskErrorKey = (typeof TASK_ERROR_KEYS)[number]

export const E = Object.fromEntries(TASK_ERROR_KEYS.map((k) => [k.slice('tasks.errors.'.length), k])) as {
  [K in TaskErrorKey as K extends `tasks.errors.${infer N}` ? N : never]: K
}

/** Text limits, shared with the server's CHECK constraints and validators. */
export const LIMITS = { title: 200, method: 2000, note: 1000, report: 4000, sourceRef: 200 } as const
