/** Writes the user's own profile: the row and its 'profile.update' op in one transaction. */
import type { AdminFieldDb } from '@/platform/db'
import { buildOp, commitWithOutbox } from '@/platform/sync'
import type { ProfileChange } from '../domain/profile'

export class ProfileNotFoundError extends Error {
  constructor(id: string) {
    super(`profile ${id} not found`)
    this.name = 'ProfileNotFoundError'
  }
}

/** The profile form's device draft (issue #12 point 9). */
export const profileDraftKey = (userId: string): string => `me.profile:${userId}`

/** `draftKey`: the form's device draft, dropped in the same transaction. */
export async function updateProfile(database: AdminFieldDb, userId: string, change: ProfileChange, now = new Date(), draftKey: string | null = null): Promise<void> {
  const existing = await database.profiles.get(userId)
  if (!existing) throw new ProfileNotFoundError(userId)
  const payload = { display_name: change.display_name, phone: change.phone }
  const op = buildOp('profile.update', 'profiles', userId, payload, now)
  await commitWithOutbox(database, ['profiles'], op, async () => {
    await database.profiles.put({ ...existing, ...payload, updated_at: now.toISOString() })
  }, { draftKey })
}
