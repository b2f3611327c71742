/** A person's badge QR: `<origin>/p/<userId>`. Only this app's origins count; anything else is not a badge. */
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function parseBadge(text: string, allowedOrigins: readonly string[]): string | null {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return null
  }
  if (!allowedOrigins.includes(url.origin)) return null
  const m = /\/p\/([^/]+)\/?$/.exec(url.pathname)
  const id = m?.[1] ? decodeURIComponent(m[1]).toLowerCase() : ''
  return UUID_RE.test(id) ? id : null
}
