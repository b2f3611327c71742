/** An application's unsent form survives a reload, another tab and an app update (kept in device meta). */
import { getMeta, setMeta, type AdminFieldDb } from '@/platform/db'
import type { RequestDraft } from '../domain/draft'

export const draftKey = (scope: string) => `requests.draft:${scope}`

export const loadRequestDraft = (database: AdminFieldDb, scope: string) => getMeta<RequestDraft>(database, draftKey(scope))
export const saveRequestDraft = (database: AdminFieldDb, scope: string, draft: RequestDraft) => setMeta(database, draftKey(scope), draft)
export const dropRequestDraft = (database: AdminFieldDb, scope: string) => database.meta.delete(draftKey(scope))
