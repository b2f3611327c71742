/** The department form's device draft (issue #12 point 9): one for a new department per site, one per department edited. */
import { formDraftKeys, type AdminFieldDb } from '@/platform/db'

const PREFIX = 'admin.department:'
export const departmentDraftKey = (siteId: string, departmentId: string | null): string => `${PREFIX}${departmentId ?? `new:${siteId}`}`

/** The form a kept draft belongs to (the page opens it again): a new department on a site, or a department. */
export async function draftedDepartmentForm(database: AdminFieldDb): Promise<{ newOnSite: string } | { departmentId: string } | null> {
  const key = (await formDraftKeys(database, PREFIX))[0]
  if (!key) return null
  const rest = key.slice(PREFIX.length)
  return rest.startsWith('new:') ? { newOnSite: rest.slice('new:'.length) } : { departmentId: rest }
}
