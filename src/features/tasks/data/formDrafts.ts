/** The tasks forms' device drafts (issue #12 point 9): a 催办 per sheet and level, an act per task and button. */
import { formDraftKeys, loadFormDraft, type AdminFieldDb } from '@/platform/db'
import type { TaskButton } from '../domain'

export const remindDraftKey = (sheetId: string, level: string): string => `tasks.remind:${sheetId}:${level}`
export const actDraftKey = (taskId: string, type: TaskButton): string => `tasks.act:${taskId}:${type}`

export async function hasRemindDraft(database: AdminFieldDb, sheetId: string, level: string): Promise<boolean> {
  return (await loadFormDraft(database, remindDraftKey(sheetId, level))) !== undefined
}

/** The buttons of this task whose form holds a draft (the page opens that form again). */
export async function draftedActs(database: AdminFieldDb, taskId: string): Promise<TaskButton[]> {
  const prefix = actDraftKey(taskId, '' as TaskButton)
  return (await formDraftKeys(database, prefix)).map((k) => k.slice(prefix.length) as TaskButton)
}
