/**
 * A person's badge QR: `<origin>/p/<userId>`. The check-out person picker scans
 * it to choose the holder; the scan page recognises it and says it is not an asset label.
 */
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isUserId(text: string): boolean {
  return UUID_RE.test(text)
}

export function badgeUrl(origin: string, userId: string): string {
  return `${origin.replace(/\/+$/, '')}/p/${userId}`
}

/** The user id in a badge URL on one of our origins, or null for anything else. */
export function parseBadgeCode(text: string, allowedOrigins: readonly string[]): string | null {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return null
  }
  for (const origin of allowedOrigins) {
    let base: URL
    try {
      base = new URL(origin)
    } catch {
      continue
    }
    if (base.origin !== url.origin) continue
    const prefix = `${base.pathname.replace(/\/+$/, '')}/p/`
    if (!url.pathname.startsWith(prefix)) continue
    const id = url.pathname.slice(prefix.length).replace(/\/+$/, '')
    if (isUserId(id)) return id.toLowerCase()
  }
  return null
}
