import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDb, type TestDb } from './support/database'
import { MIGRATION_NAME, readMigrations, readSeed } from './support/sql-files'

describe('migrations', () => {
  let db: TestDb
  beforeAll(async () => {
    db = await openTestDb({ upTo: 'shim' })
  })
  afterAll(() => db?.close())

  it('are named <14-digit timestamp>_<snake_case>.sql with unique timestamps', () => {
    const names = readMigrations().map((m) => m.name)
    expect(names.length).toBeGreaterThan(0)
    for (const n of names) expect(n).toMatch(MIGRATION_NAME)
    const stamps = names.map((n) => n.slice(0, 14))
    expect(new Set(stamps).size).toBe(stamps.length)
  })

  it('apply one by one in order on a Supabase-shaped database, then the seed', async () => {
    for (const m of readMigrations()) {
      await expect(db.exec(m.sql), m.name).resolves.toBeUndefined()
    }
    await db.exec(readSeed())
    const [row] = await db.query<{ n: number }>('select count(*)::int as n from public.profiles')
    expect(row?.n).toBe(10)
  })
})
