import { z } from 'zod'
import { SYNCED_TABLES, type OpResult, type PullPage } from './protocol'

/**
 * Each schema is built on its first use and kept (issue 13): building them all when the sync
 * engine's module is evaluated cost a long task right after the first page showed.
 */
function once<T>(build: () => T): () => T {
  let built: T | undefined
  return () => (built ??= build())
}

/** What a server must answer; anything else is treated as a failed call (ops stay pending). */
const opResultSchema = once(() =>
  z.object({
    op_id: z.string().min(1),
    status: z.enum(['applied', 'duplicate', 'flagged', 'refused']),
    reason: z.string().nullish(),
    detail: z.string().nullish(),
  }),
)

const pushResponseSchema = once(() => z.union([z.array(z.unknown()), z.object({ results: z.array(z.unknown()) })]))

const pullPageSchema = once(() =>
  z.object({
    changes: z.array(
      z.object({
        table: z.enum(SYNCED_TABLES),
        id: z.string().min(1),
        row: z.record(z.string(), z.unknown()).nullable(),
        deleted: z.boolean(),
      }),
    ),
    cursor: z.union([z.string(), z.number()]).transform(String),
    has_more: z.boolean(),
    restart: z.boolean().optional(),
  }),
)

export class InvalidServerResponseError extends Error {
  constructor(what: string, issues: string) {
    super(`invalid ${what} response from server: ${issues}`)
    this.name = 'InvalidServerResponseError'
  }
}

export function parsePushResponse(data: unknown): OpResult[] {
  const parsed = pushResponseSchema().safeParse(data)
  if (!parsed.success) throw new InvalidServerResponseError('sync_push', parsed.error.message)
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.results
  // A malformed element is dropped, never guessed at: its op then has no result and stays pending.
  const valid = list.flatMap((item) => {
    const r = opResultSchema().safeParse(item)
    return r.success ? [r.data] : []
  })
  return valid.map((r) => ({
    op_id: r.op_id,
    status: r.status,
    ...(r.reason != null ? { reason: r.reason } : {}),
    ...(r.detail != null ? { detail: r.detail } : {}),
  }))
}

export function parsePullResponse(data: unknown): PullPage {
  const parsed = pullPageSchema().safeParse(data)
  if (!parsed.success) throw new InvalidServerResponseError('sync_pull', parsed.error.message)
  return parsed.data
}
