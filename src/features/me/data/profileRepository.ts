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

export async function updateProfile(database: AdminFieldDb, userId: string, change: ProfileChange, now = new Date()): Promise<void> {
  const existing = await database.profiles.get(userId)
  if (!existing) throw new ProfileNotFoundError(userId)
  const payload = { display_name: change.display_name, phone: change.phone }
  const op = buildOp('profile.update', 'profiles', userId, payload, now)
  await commitWithOutbox(database, ['profiles'], op, async () => {
    await database.profiles.put({ ...existing, ...payload, updated_at: now.toISOString() })
  })
}
