/** Where to show a photo from: its bytes on this device, else Storage (Supabase mode), else nothing. */
import type { AdminFieldDb } from '../db/schema'
import { isSupabaseMode } from '../supabase/client'
import { signedPhotoUrl } from './supabaseTransport'

export type PhotoSource = { kind: 'blob'; blob: Blob } | { kind: 'url'; url: string } | { kind: 'missing' }

export interface SourceOptions {
  /** Default: isSupabaseMode(). */
  remote?: boolean
  signUrl?: (path: string) => Promise<string | null>
}

export async function loadPhotoSource(
  database: AdminFieldDb,
  id: string,
  variant: 'thumb' | 'full',
  opts: SourceOptions = {},
): Promise<PhotoSource> {
  const local = await database.photo_blobs.get(id)
  if (local) return { kind: 'blob', blob: (variant === 'thumb' && local.thumb) || local.blob }
  if (!(opts.remote ?? isSupabaseMode())) return { kind: 'missing' }
  const meta = await database.photos.get(id)
  if (!meta || meta.deleted_at) return { kind: 'missing' }
  const url = await (opts.signUrl ?? ((p: string) => signedPhotoUrl(p)))(meta.storage_path)
  return url ? { kind: 'url', url } : { kind: 'missing' }
}
