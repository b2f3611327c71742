/** The 催办 form's device draft (issue #12 point 9): one per sheet and level. */
import { loadFormDraft, type AdminFieldDb } from '@/platform/db'

export const remindDraftKey = (sheetId: string, level: string): string => `tasks.remind:${sheetId}:${level}`

export async function hasRemindDraft(database: AdminFieldDb, sheetId: string, level: string): Promise<boolean> {
  return (await loadFormDraft(database, remindDraftKey(sheetId, level))) !== undefined
}
