/**
 * One answer of an inspection, read without zod: the inspect page scores every answer as it
 * renders (runningScore), and zod is not loaded to show a page (issue 13). readAnswer accepts
 * exactly what answerSchema (answerSchema.ts, what tests and the server-agreement test use)
 * accepts and returns the same value; a unit test compares the two over a broad set of inputs.
 */
export const RESULTS = ['pass', 'fail', 'na', 'points'] as const
export type AnswerResult = (typeof RESULTS)[number]

export interface Answer {
  item_key: string
  result: AnswerResult
  points?: number | undefined
  note?: string | undefined
  photo_ids?: string[] | undefined
}

/** zod's z.uuid() (v4): any RFC 9562 version and variant, plus the nil and max ids. */
const UUID_RE = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isResult = (v: unknown): v is AnswerResult => typeof v === 'string' && (RESULTS as readonly string[]).includes(v)

/** The answer as answerSchema.parse returns it (unknown keys dropped), or null where it fails. */
export function readAnswer(entry: unknown): Answer | null {
  if (!isRecord(entry)) return null
  const { item_key: itemKey, result, points, note, photo_ids: photoIds } = entry
  if (typeof itemKey !== 'string' || !isResult(result)) return null
  if (points !== undefined && !(typeof points === 'number' && Number.isSafeInteger(points))) return null
  if (note !== undefined && typeof note !== 'string') return null
  if (photoIds !== undefined && !(Array.isArray(photoIds) && photoIds.every((id) => typeof id === 'string' && UUID_RE.test(id)))) return null
  const answer: Answer = { item_key: itemKey, result }
  // An optional key given as undefined stays, as zod keeps it.
  if ('points' in entry) answer.points = points as number | undefined
  if ('note' in entry) answer.note = note as string | undefined
  if ('photo_ids' in entry) answer.photo_ids = photoIds === undefined ? undefined : [...(photoIds as string[])]
  return answer
}
