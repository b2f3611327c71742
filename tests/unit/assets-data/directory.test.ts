import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { getDb } from '@/platform/db'
import { loadDirectory, readDirectory } from '@/features/assets/data/people'
import { sortByName } from '@/shared/lib/byName'
import { useDirectoryStore } from '@/features/assets/stores/directory'
import { loadRequestContext } from '@/features/requests/data/context'
import { freshDb } from '../features/testDb'
import { SITE, uid } from './fixtures'

// Sorting people by name takes a zh-CN collator, whose first use in a page pays ICU's start-up (issue 13):
// screens that only look names up (Home's to-do, the requests inbox) must not sort.
const person = (n: number, display_name: string, deleted = false) => ({ id: uid(n), display_name, phone: null, site_id: SITE, department_id: null, updated_at: '', deleted_at: deleted ? '2025-01-01T00:00:00Z' : null })
const PEOPLE = [person(1, '张伟'), person(2, '李静'), person(3, '王晓燕'), person(4, '陈建国'), person(5, '刘强', true)]
const BY_PINYIN = ['陈建国', '李静', '王晓燕', '张伟']

afterEach(() => vi.restoreAllMocks())

describe('the people directory', () => {
  it('lists live people by name (pinyin) for the pickers, and unsorted for name look-ups', async () => {
    const db = freshDb()
    await db.profiles.bulkPut(PEOPLE)
    expect((await loadDirectory(db)).people.map((p) => p.name)).toEqual(BY_PINYIN)
    const compare = vi.spyOn(Intl.Collator.prototype, 'compare', 'get')
    const unsorted = await readDirectory(db)
    expect(compare).not.toHaveBeenCalled()
    expect(sortByName(unsorted.people).map((p) => p.name)).toEqual(BY_PINYIN)
  })

  it('the store sorts only when its people list is read, not for a name', async () => {
    setActivePinia(createPinia())
    await getDb().profiles.bulkPut(PEOPLE)
    const compare = vi.spyOn(Intl.Collator.prototype, 'compare', 'get')
    const directory = useDirectoryStore()
    directory.load()
    await vi.waitFor(() => expect(directory.status).toBe('ready'))
    expect(directory.personName(uid(3))).toBe('王晓燕')
    expect(directory.personName(uid(5))).toBe('')
    expect(compare).not.toHaveBeenCalled()
    expect(directory.people.map((p) => p.name)).toEqual(BY_PINYIN)
    expect(compare).toHaveBeenCalled()
  })

  it("the requests context names people and departments without sorting anyone", async () => {
    const db = freshDb()
    await db.profiles.bulkPut(PEOPLE)
    await db.departments.bulkPut([{ id: uid(50), site_id: SITE, code: 'FIN', name: '财务部', head_id: null, updated_at: '', deleted_at: null }])
    const compare = vi.spyOn(Intl.Collator.prototype, 'compare', 'get')
    const ctx = await loadRequestContext(db)
    expect(compare).not.toHaveBeenCalled()
    expect([ctx.personName(uid(1)), ctx.personName(uid(5)), ctx.personName(null), ctx.departmentName(uid(50))]).toEqual(['张伟', uid(5).slice(0, 8), '', '财务部'])
  })
})
