/**
 * What task.assign accepts, validated with zod. Imported where an assignment is checked
 * (act.ts); importing it loads zod.
 */
import { z } from 'zod'
import { E, LIMITS } from './fields'
import { calendarDate, choice, dateTime, nullableUuid, optionalText, photoIds, text, uuid } from './fieldSchemas'
import { ASSIGN_SOURCES, TASK_PRIORITIES } from './task'

/** What the assigner sends (op 'task.assign'); ids are made on the device. */
export const taskAssignSchema = z
  .object({
    id: uuid(),
    site_id: uuid(),
    title: text(LIMITS.title),
    source: choice(ASSIGN_SOURCES),
    /** The instruction's, resolution's or document's number, or the inspection's id. */
    source_ref: optionalText(LIMITS.sourceRef),
    assignee_id: nullableUuid(),
    department_id: nullableUuid(),
    co_assignee_ids: z.array(uuid(), { error: E.uuid }).max(10, { error: E.range }).default([]),
    /** How it is to be done: requirements, method (办理方式). */
    method: optionalText(LIMITS.method),
    due_on: calendarDate(),
    priority: choice(TASK_PRIORITIES).default('normal'),
    photo_ids: photoIds(),
    assigned_at: dateTime(),
  })
  .refine((t) => t.assignee_id !== null || t.department_id !== null, { error: E.assigneeRequired, path: ['assignee_id'] })
  .refine((t) => t.assignee_id === null || !t.co_assignee_ids.includes(t.assignee_id), {
    error: E.coAssigneeIsAssignee,
    path: ['co_assignee_ids'],
  })
export type TaskAssignInput = z.input<typeof taskAssignSchema>
export type TaskAssign = z.output<typeof taskAssignSchema>
