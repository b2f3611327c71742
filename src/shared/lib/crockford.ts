/**
 * Crockford base32 (https://www.crockford.com/base32.html).
 *
 * Chosen for QR label tokens because people read and type it: no I, L, O or U
 * among the data symbols, decoding forgives lowercase and the look-alikes
 * I/L → 1 and O → 0, and a mod-37 check symbol catches a mistyped symbol
 * and most swaps of two adjacent symbols.
 */

/** The 32 data symbols, value = index. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** The 37 check symbols: the data symbols, then `*~$=U` for values 32..36. */
export const CROCKFORD_CHECK_ALPHABET = `${CROCKFORD_ALPHABET}*~$=U`

const VALUE_OF = new Map<string, number>([...CROCKFORD_CHECK_ALPHABET].map((ch, i) => [ch, i]))

/**
 * Canonical form of typed or scanned text: upper case, I/L → 1, O → 0, and the
 * optional hyphens Crockford allows for readability removed. Other characters
 * (including U, valid only as a check symbol) are left for the caller to reject.
 */
export function normalizeCrockford(text: string): string {
  return text.toUpperCase().replace(/-/g, '').replace(/[IL]/g, '1').replace(/O/g, '0')
}

/** True when every character is one of the 32 data symbols (already normalised). */
export function isCrockfordData(text: string): boolean {
  for (const ch of text) {
    const v = VALUE_OF.get(ch)
    if (v === undefined || v >= 32) return false
  }
  return true
}

/**
 * Encode bytes as a bit string, 5 bits per symbol, most significant first; the
 * last symbol is zero-padded on the right. 10 bytes (80 bits) give exactly 16 symbols.
 */
export function encodeCrockford(bytes: Uint8Array): string {
  let out = ''
  let buffer = 0
  let bits = 0
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff // keep at most 12 bits: enough, and never overflows
    bits += 8
    while (bits >= 5) {
      bits -= 5
      out += CROCKFORD_ALPHABET[(buffer >> bits) & 31]
    }
  }
  if (bits > 0) out += CROCKFORD_ALPHABET[(buffer << (5 - bits)) & 31]
  return out
}

/**
 * Decode symbols back to bytes (inverse of `encodeCrockford`). Tolerant of case,
 * hyphens and I/L/O. Returns null when a character is not a data symbol.
 * Trailing pad bits that do not fill a byte are dropped.
 */
export function decodeCrockford(text: string): Uint8Array | null {
  const symbols = normalizeCrockford(text)
  if (!isCrockfordData(symbols)) return null
  const out = new Uint8Array(Math.floor((symbols.length * 5) / 8))
  let buffer = 0
  let bits = 0
  let i = 0
  for (const ch of symbols) {
    buffer = ((buffer << 5) | (VALUE_OF.get(ch) ?? 0)) & 0x1fff
    bits += 5
    if (bits >= 8) {
      bits -= 8
      if (i < out.length) out[i++] = (buffer >> bits) & 0xff
    }
  }
  return out
}

/**
 * The check symbol of a string of data symbols: the number they spell (base 32)
 * modulo 37, written with the check alphabet. Computed digit by digit, so any
 * length works without big integers. Returns null for non-data characters.
 */
export function crockfordCheckSymbol(symbols: string): string | null {
  const normal = normalizeCrockford(symbols)
  if (!isCrockfordData(normal)) return null
  let rest = 0
  for (const ch of normal) rest = (rest * 32 + (VALUE_OF.get(ch) ?? 0)) % 37
  return CROCKFORD_CHECK_ALPHABET[rest] ?? null
}

/** True when the last character is the correct check symbol of the ones before it. */
export function hasValidCheckSymbol(textWithCheck: string): boolean {
  const normal = normalizeCrockford(textWithCheck)
  if (normal.length < 2) return false
  const expected = crockfordCheckSymbol(normal.slice(0, -1))
  return expected !== null && expected === normal.slice(-1)
}
