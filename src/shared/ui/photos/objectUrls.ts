import { onBeforeUnmount } from 'vue'

/**
 * Object URLs keyed by id, revoked when no longer wanted and on unmount: each one pins its
 * Blob in memory until revoked.
 */
export function useObjectUrls() {
  const urls = new Map<string, string>()
  function urlFor(id: string, blob: Blob): string {
    let url = urls.get(id)
    if (!url) {
      url = URL.createObjectURL(blob)
      urls.set(id, url)
    }
    return url
  }
  function keepOnly(ids: Iterable<string>): void {
    const keep = new Set(ids)
    for (const [id, url] of urls) {
      if (keep.has(id)) continue
      URL.revokeObjectURL(url)
      urls.delete(id)
    }
  }
  onBeforeUnmount(() => keepOnly([]))
  return { urlFor, keepOnly }
}
