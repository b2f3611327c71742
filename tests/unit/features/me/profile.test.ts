import { describe, expect, it } from 'vitest'
import { profileSchema } from '@/features/me/domain/profile'
import { updateProfile } from '@/features/me/data/profileRepository'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { fieldIssues } from '@/shared/lib/validation'
import demo from '@/platform/demo/demo-company.json'
import { freshDb } from '../testDb'

describe('profileSchema', () => {
  it('trims, and turns an empty phone into null', () => {
    expect(profileSchema.parse({ display_name: ' 王晓燕 ', phone: ' ' })).toEqual({ display_name: '王晓燕', phone: null })
    expect(profileSchema.parse({ display_name: 'A', phone: '+86 138-0000-0001' }).phone).toBe('+86 138-0000-0001')
  })

  it('reports translated message keys', () => {
    const r = profileSchema.safeParse({ display_name: '', phone: 'call me' })
    expect(r.success).toBe(false)
    if (!r.success) {
      const issues = fieldIssues(r.error)
      expect(issues.display_name?.key).toBe('validation.required')
      expect(issues.phone?.key).toBe('validation.phoneFormat')
    }
  })
})

describe('updateProfile', () => {
  it('updates the profile and queues profile.update in the same transaction', async () => {
    const db = freshDb()
    await seedDemoCompany(db)
    const user = demo.users[2]!
    await updateProfile(db, user.id, { display_name: '李静静', phone: null })
    expect(await db.profiles.get(user.id)).toMatchObject({ display_name: '李静静', phone: null })
    const ops = await db.outbox.toArray()
    expect(ops).toHaveLength(1)
    expect(ops[0]).toMatchObject({ kind: 'profile.update', entity_table: 'profiles', entity_id: user.id, payload: { display_name: '李静静', phone: null } })
  })

  it('refuses an unknown user and queues nothing', async () => {
    const db = freshDb()
    await expect(updateProfile(db, 'nobody', { display_name: 'x', phone: null })).rejects.toThrow()
    expect(await db.outbox.count()).toBe(0)
  })
})
