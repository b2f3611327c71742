// The SQL the harness loads: the Supabase shim, the migrations in order, the seed.
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = (rel: string): string => fileURLToPath(new URL(`../../../${rel}`, import.meta.url))

export const MIGRATIONS_DIR = root('supabase/migrations')
export const MIGRATION_NAME = /^\d{14}_[a-z0-9_]+\.sql$/

export interface SqlFile {
  name: string
  sql: string
}

/** Every file in supabase/migrations, sorted by name (= by timestamp). */
export function readMigrations(): SqlFile[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((n) => n.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(`${MIGRATIONS_DIR}/${name}`, 'utf8') }))
}

export const readShim = (): string => readFileSync(root('tests/db/support/supabase-shim.sql'), 'utf8')
export const readSeed = (): string => readFileSync(root('supabase/seed.sql'), 'utf8')
export const readTypesFile = (): string => readFileSync(root('src/platform/supabase/database.types.ts'), 'utf8')
