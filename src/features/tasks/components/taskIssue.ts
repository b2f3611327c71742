/** A refused task entry's message: the field named, and its limit when the message is about size (issue #12). */
import { namedIssueText, type FieldLimit, type Translate } from '@/shared/lib/fieldIssue'
import { LIMITS } from '../domain'

const LABELS: Record<string, string> = {
  title: 'tasks.fields.title',
  source_ref: 'tasks.fields.sourceRef',
  assignee_id: 'tasks.fields.assignee',
  co_assignee_ids: 'tasks.fields.coAssignees',
  method: 'tasks.fields.method',
  due_on: 'tasks.fields.dueOn',
  note: 'tasks.fields.note',
  report: 'tasks.fields.report',
  summary: 'tasks.fields.summary',
  score: 'tasks.fields.score',
  to_id: 'tasks.fields.toId',
  instructions: 'tasks.fields.instructions',
  reminded_at: 'tasks.fields.remindedAt',
  reported_to: 'tasks.fields.reportedTo',
  penalty: 'tasks.fields.penalty',
  next_on: 'tasks.fields.nextOn',
}

const LIMIT: Record<string, FieldLimit> = {
  title: { maxLength: LIMITS.title },
  source_ref: { maxLength: LIMITS.sourceRef },
  method: { maxLength: LIMITS.method },
  note: { maxLength: LIMITS.note },
  report: { maxLength: LIMITS.report },
  summary: { maxLength: LIMITS.report },
  instructions: { maxLength: LIMITS.note },
  penalty: { maxLength: LIMITS.note },
  score: { min: 0, max: 100 },
}

/** `limits`: where a field's limit depends on the act (a handover's note is a report). */
export function taskIssueText(t: Translate, out: { reason: string; field?: string }, limits: Record<string, FieldLimit> = {}): string {
  const label = out.field ? LABELS[out.field] : undefined
  if (!label) return t(out.reason)
  return namedIssueText(t, out.reason, t(label), limits[out.field!] ?? LIMIT[out.field!])
}
