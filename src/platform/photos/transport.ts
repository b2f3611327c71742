/** How the upload queue reaches Storage. 'exists' = the object is already there = success. */
export interface PhotoTransport {
  upload(path: string, blob: Blob, mime: string): Promise<'uploaded' | 'exists'>
}

/**
 * An upload that did not succeed. Every failure is retried with backoff (a 403 can simply
 * mean the photo's metadata has not been pushed yet); `transient` only says whether it was
 * the network/server (no answer, 5xx) or a refusal worth showing.
 */
export class PhotoUploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly transient: boolean,
  ) {
    super(message)
    this.name = 'PhotoUploadError'
  }
}

/** Local mode has no server: "uploaded" while online, a transient error offline (like createLocalTransport). */
export function createLocalPhotoTransport(opts: { isOnline?: () => boolean; latencyMs?: number } = {}): PhotoTransport {
  const isOnline = opts.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false)
  const latencyMs = opts.latencyMs ?? 150
  const stored = new Set<string>()
  return {
    async upload(path) {
      if (!isOnline()) throw new PhotoUploadError('offline', 0, true)
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs))
      if (!isOnline()) throw new PhotoUploadError('offline', 0, true)
      if (stored.has(path)) return 'exists'
      stored.add(path)
      return 'uploaded'
    },
  }
}
