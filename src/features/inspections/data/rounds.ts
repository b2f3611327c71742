/**
 * 保洁记录: a cleaner's round (with its required "after" photo) and the inspector's remote
 * review. Each is one transaction: the row, the photos and the ops.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { CleaningRoundRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox, entityKey } from '@/platform/sync/outbox'
import { PHOTO_TABLES, photoRegisterOps, savePhotos, type ProcessedPhoto } from '@/platform/photos'

export class RoundPhotoRequiredError extends Error {
  constructor() {
    super('a round needs an "after" photo')
    this.name = 'RoundPhotoRequiredError'
  }
}

export class RoundNotFoundError extends Error {
  constructor(id: string) {
    super(`round ${id} not found`)
    this.name = 'RoundNotFoundError'
  }
}

export interface RoundInput {
  id: string
  area_id: string
  cleaner_id: string
  via: 'scan' | 'list'
  note: string | null
}

export async function recordRound(database: AdminFieldDb, input: RoundInput, photos: ProcessedPhoto[], now = new Date(), draftKey: string | null = null): Promise<CleaningRoundRow> {
  if (photos.length === 0) throw new RoundPhotoRequiredError()
  const stamp = now.toISOString()
  const note = input.note?.trim() || null
  const row: CleaningRoundRow = {
    id: input.id,
    area_id: input.area_id,
    cleaner_id: input.cleaner_id,
    done_at: stamp,
    via: input.via,
    photo_ids: photos.map((p) => p.id),
    note,
    review_status: 'pending',
    review_score: null,
    review_comment: null,
    reviewed_by: null,
    reviewed_at: null,
    updated_at: stamp,
    deleted_at: null,
  }
  const owner = { table: 'cleaning_rounds', id: row.id, takenBy: input.cleaner_id }
  const op = buildOp('round.record', 'cleaning_rounds', row.id, { id: row.id, area_id: row.area_id, done_at: stamp, via: row.via, photo_ids: row.photo_ids, note }, now)
  await commitWithOutbox(database, ['cleaning_rounds', ...PHOTO_TABLES], [op, ...photoRegisterOps(photos, owner, now)], async () => {
    await database.cleaning_rounds.add(row)
    await savePhotos(database, photos, owner)
  }, { draftKey })
  return row
}

export interface RoundReview {
  status: 'accepted' | 'sent_back'
  /** 0–100. */
  score: number
  comment: string | null
  reviewerId: string
}

export class InvalidReviewError extends Error {
  constructor() {
    super('review score must be an integer 0–100')
    this.name = 'InvalidReviewError'
  }
}

/** The review panel's device draft (issue #12 point 9): one per round; the review drops it. */
export const roundReviewDraftKey = (roundId: string): string => `inspections.review:${roundId}`

export async function reviewRound(database: AdminFieldDb, roundId: string, review: RoundReview, now = new Date()): Promise<CleaningRoundRow> {
  if (!Number.isInteger(review.score) || review.score < 0 || review.score > 100) throw new InvalidReviewError()
  const stamp = now.toISOString()
  const comment = review.comment?.trim() || null
  // Each review is its own fact on the server (round_reviews, keyed by a device-made id); the
  // round's review_* columns are derived from it, so the round stays "not synced" until it settles.
  const reviewId = crypto.randomUUID()
  const op = buildOp('round.review', 'round_reviews', reviewId, { round_id: roundId, score: review.score, decision: review.status, comment }, now)
  op.related = [entityKey('cleaning_rounds', roundId)]
  let saved: CleaningRoundRow | undefined
  await commitWithOutbox(database, ['cleaning_rounds'], op, async () => {
    const current = await database.cleaning_rounds.get(roundId)
    if (!current || current.deleted_at !== null) throw new RoundNotFoundError(roundId)
    saved = {
      ...current,
      review_status: review.status,
      review_score: review.score,
      review_comment: comment,
      reviewed_by: review.reviewerId,
      reviewed_at: stamp,
      updated_at: stamp,
    }
    await database.cleaning_rounds.put(saved)
  }, { draftKey: roundReviewDraftKey(roundId) })
  if (!saved) throw new RoundNotFoundError(roundId)
  return saved
}
