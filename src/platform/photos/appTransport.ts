import { isSupabaseMode } from '../supabase/client'
import { createSupabasePhotoTransport } from './supabaseTransport'
import { createLocalPhotoTransport, type PhotoTransport } from './transport'

/** The transport for this build: Storage in Supabase mode, the on-device stand-in in local mode. */
export function createAppPhotoTransport(): PhotoTransport {
  return isSupabaseMode() ? createSupabasePhotoTransport() : createLocalPhotoTransport()
}
