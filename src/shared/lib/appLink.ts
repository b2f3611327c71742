/**
 * Links the app draws as QR codes, `<origin>[/base]/<segment>/<uuid>`: a badge (`p`), an application
 * (`requests`). A phone's own camera opens them; the in-app scanner reads the id back. Pure.
 */
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isUuid(text: string): boolean {
  return UUID_RE.test(text)
}

export function appLink(origin: string, segment: string, id: string): string {
  return `${origin.replace(/\/+$/, '')}/${segment}/${id}`
}

/** The id (lower case) in such a link on one of our origins (a base path allowed), or null for anything else. */
export function idInAppLink(text: string, allowedOrigins: readonly string[], segment: string): string | null {
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
    const prefix = `${base.pathname.replace(/\/+$/, '')}/${segment}/`
    if (!url.pathname.startsWith(prefix)) continue
    const id = url.pathname.slice(prefix.length).replace(/\/+$/, '')
    if (isUuid(id)) return id.toLowerCase()
  }
  return null
}
