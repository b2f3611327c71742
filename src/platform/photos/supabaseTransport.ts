/** Supabase Storage behind PhotoTransport. supabase-js arrives through getSupabase (dynamic import). */
import { getSupabase } from '../supabase/client'
import { PhotoUploadError, type PhotoTransport } from './transport'

export const PHOTO_BUCKET = 'photos'

/** The slice of storage-js the queue uses (tests pass a fake). */
export interface StorageBucket {
  upload(
    path: string,
    body: Blob,
    options: { upsert: boolean; contentType: string },
  ): Promise<{ error: StorageFailure | null }>
  createSignedUrl(path: string, expiresIn: number): Promise<{ data: { signedUrl: string } | null; error: StorageFailure | null }>
}

export interface StorageFailure {
  message: string
  status?: number
  statusCode?: string
  code?: string
}

async function defaultBucket(): Promise<StorageBucket> {
  const supabase = await getSupabase()
  return supabase.storage.from(PHOTO_BUCKET) as unknown as StorageBucket
}

/** Storage says "already there" as 409, or as 400 with statusCode '409' / 'Duplicate' depending on version. */
export function isAlreadyExists(e: StorageFailure): boolean {
  return (
    e.status === 409 ||
    e.statusCode === '409' ||
    e.code === 'ResourceAlreadyExists' ||
    /already exists|duplicate/i.test(`${e.statusCode ?? ''} ${e.message}`)
  )
}

export function toUploadError(e: StorageFailure): PhotoUploadError {
  const status = e.status ?? (Number(e.statusCode) || 0)
  const transient = status === 0 || status === 408 || status === 429 || status >= 500
  return new PhotoUploadError(`${status || 'network'}: ${e.message}`, status, transient)
}

export function createSupabasePhotoTransport(bucket: () => Promise<StorageBucket> = defaultBucket): PhotoTransport {
  return {
    async upload(path, blob, mime) {
      let error: StorageFailure | null
      try {
        ;({ error } = await (await bucket()).upload(path, blob, { upsert: false, contentType: mime }))
      } catch (thrown) {
        // fetch threw or supabase-js failed to load: no answer at all.
        throw new PhotoUploadError(thrown instanceof Error ? thrown.message : String(thrown), 0, true)
      }
      if (!error) return 'uploaded'
      if (isAlreadyExists(error)) return 'exists'
      throw toUploadError(error)
    },
  }
}

/** A short-lived URL for a photo that is not on this device; null if Storage cannot give one now. */
export async function signedPhotoUrl(
  path: string,
  expiresIn = 3600,
  bucket: () => Promise<StorageBucket> = defaultBucket,
): Promise<string | null> {
  try {
    const { data, error } = await (await bucket()).createSignedUrl(path, expiresIn)
    return error || !data ? null : data.signedUrl
  } catch {
    return null
  }
}
