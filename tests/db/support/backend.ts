// What database.ts needs from a Postgres: PGlite in-process, or a real server via pg.

export type Query = <R = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<R[]>

export interface Backend {
  kind: 'pglite' | 'postgres'
  /** Connection string of the test database (real server only). */
  url?: string
  /** One statement, with $1.. params. */
  query: Query
  /** A script of many statements, no params. */
  exec(sql: string): Promise<void>
  /** Runs fn in a transaction on the backend's connection: commit on success, rollback on throw. */
  transaction<T>(fn: (q: Query) => Promise<T>): Promise<T>
  close(): Promise<void>
}
