/**
 * QR label tokens (DESIGN.md "QR codes").
 *
 * A label's QR holds `<origin>/a/<token>`: a phone's own camera opens the app
 * at the asset, and the in-app scanner reads the same URL. The token is 80
 * random bits as 16 Crockford base32 symbols plus one mod-37 check symbol
 * (17 characters): unguessable, separate from the printed asset number, and
 * short enough for a small, robust QR and for typing by hand.
 */
import {
  crockfordCheckSymbol,
  encodeCrockford,
  hasValidCheckSymbol,
  isCrockfordData,
  normalizeCrockford,
  CROCKFORD_CHECK_ALPHABET,
} from '@/shared/lib/crockford'
import { parseAssetNumber } from './assetNumber'

export const TOKEN_RANDOM_BYTES = 10 // 80 bits
export const TOKEN_DATA_LENGTH = 16
export const TOKEN_LENGTH = TOKEN_DATA_LENGTH + 1

/** Returns n random bytes. Injected in tests; the default is the platform CSPRNG. */
export type RandomSource = (n: number) => Uint8Array

export const cryptoRandom: RandomSource = (n) => crypto.getRandomValues(new Uint8Array(n))

/** A fresh label token: 80 random bits → 16 symbols + check symbol, upper case. */
export function newLabelToken(random: RandomSource = cryptoRandom): string {
  const bytes = random(TOKEN_RANDOM_BYTES)
  // A short buffer would silently shrink the token space: refuse it.
  if (bytes.length !== TOKEN_RANDOM_BYTES) throw new RangeError('random source returned the wrong number of bytes')
  const data = encodeCrockford(bytes)
  return data + (crockfordCheckSymbol(data) ?? '')
}

/** The URL encoded in the QR: `${origin}/a/${token}` (a trailing slash on origin is dropped). */
export function labelUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}/a/${token}`
}

export type MalformedReason = 'bad_checksum' | 'bad_length' | 'bad_chars' | 'not_a_label'

export type ScanResult =
  | { kind: 'token'; token: string }
  | { kind: 'number'; number: string }
  | { kind: 'foreign'; host: string }
  | { kind: 'malformed'; reason: MalformedReason }

export type TokenCheck = { ok: true; token: string } | { ok: false; reason: MalformedReason }

/**
 * Checks a token as scanned or typed, and returns its canonical form.
 * Tolerates lower case, I/L for 1, O for 0, and spaces or hyphens a person
 * may type between groups. The reasons are ordered to help the person who
 * typed it: a 17-character entry is judged on its characters then its check
 * symbol; a wrong-length entry of valid characters is "bad length"; and text
 * that is neither (a product barcode, a Wi-Fi QR) is "not a label".
 */
export function checkLabelToken(raw: string): TokenCheck {
  const text = normalizeCrockford(raw.replace(/\s+/g, ''))
  const data = text.slice(0, TOKEN_DATA_LENGTH)
  const check = text.slice(TOKEN_DATA_LENGTH)
  if (text.length === TOKEN_LENGTH) {
    if (!isCrockfordData(data) || !CROCKFORD_CHECK_ALPHABET.includes(check)) return { ok: false, reason: 'bad_chars' }
    if (!hasValidCheckSymbol(text)) return { ok: false, reason: 'bad_checksum' }
    return { ok: true, token: text }
  }
  if (text.length > 0 && isCrockfordData(text)) return { ok: false, reason: 'bad_length' }
  return { ok: false, reason: 'not_a_label' }
}

/** True for a canonical, check-summed token (as stored). */
export function isLabelToken(text: string): boolean {
  const c = checkLabelToken(text)
  return c.ok && c.token === text
}

// A URI scheme at the start ("https:", "WIFI:", "mailto:"): the text is meant as a URL, not typed.
const SCHEME_RE = /^[a-z][a-z0-9+.-]*:/i

interface AllowedBase {
  origin: string
  /** Path the app is served under, without a trailing slash ('' at the root). */
  basePath: string
}

function allowedBases(allowedOrigins: readonly string[]): AllowedBase[] {
  const out: AllowedBase[] = []
  for (const o of allowedOrigins) {
    try {
      const u = new URL(o)
      out.push({ origin: u.origin, basePath: u.pathname.replace(/\/+$/, '') })
    } catch {
      // A bad configured origin allows nothing rather than breaking every scan.
    }
  }
  return out
}

/**
 * Reads what the scanner decoded or the user typed.
 * - a URL on an allowed origin with path `/a/<token>` (trailing slash, query and
 *   fragment ignored) → the token;
 * - a URL on any other origin → `foreign` with its host, never followed;
 * - a bare token → the token; a printed asset number → `number`;
 * - anything else → `malformed` with the reason.
 * `allowedOrigins` are the app's origins (e.g. `location.origin`), optionally with
 * a base path when the app is served below the root.
 */
export function parseScannedCode(text: string, allowedOrigins: readonly string[]): ScanResult {
  const trimmed = text.trim()
  if (trimmed === '') return { kind: 'malformed', reason: 'not_a_label' }

  if (SCHEME_RE.test(trimmed)) {
    let url: URL
    try {
      url = new URL(trimmed)
    } catch {
      return { kind: 'malformed', reason: 'not_a_label' }
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'malformed', reason: 'not_a_label' }
    const bases = allowedBases(allowedOrigins).filter((b) => b.origin === url.origin)
    if (bases.length === 0) return { kind: 'foreign', host: url.host }
    for (const b of bases) {
      // Case-insensitive so an all-caps URL (QR alphanumeric mode, a denser code) still reads.
      const prefix = `${b.basePath}/a/`.toLowerCase()
      if (!url.pathname.toLowerCase().startsWith(prefix)) continue
      const rest = url.pathname.slice(prefix.length).replace(/\/+$/, '')
      if (rest === '' || rest.includes('/')) return { kind: 'malformed', reason: 'not_a_label' }
      let segment: string
      try {
        segment = decodeURIComponent(rest)
      } catch {
        return { kind: 'malformed', reason: 'bad_chars' }
      }
      const c = checkLabelToken(segment)
      return c.ok ? { kind: 'token', token: c.token } : { kind: 'malformed', reason: c.reason === 'not_a_label' ? 'bad_chars' : c.reason }
    }
    // Our own site, but not a label page (e.g. the home page's QR on a poster).
    return { kind: 'malformed', reason: 'not_a_label' }
  }

  const number = parseAssetNumber(trimmed)
  if (number) return { kind: 'number', number: number.number }

  const c = checkLabelToken(trimmed)
  return c.ok ? { kind: 'token', token: c.token } : { kind: 'malformed', reason: c.reason }
}
