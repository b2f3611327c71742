/**
 * A scanned (or typed) label read against the keys and access cards on screen: the room's keys at
 * check-in, the keys the resident holds at check-out. The label's token, or the number printed under
 * it (KEY-0001), picks one of them; anything else is answered, never guessed.
 */
// The pure parser only (no zod): the same reading as the Scan tab.
import { parseScannedCode } from '@/features/assets/domain/labelToken'

export interface ScannableKey {
  id: string
  number: string
  label_token: string | null
}

export type KeyScan =
  | { kind: 'key'; id: string; number: string }
  /** A good label, but not one of these keys (another room's, or an asset). */
  | { kind: 'not_listed' }
  /** Not a label of ours at all (another site's URL, a product barcode, a typo). */
  | { kind: 'not_a_label' }

export function matchKeyScan(text: string, keys: readonly ScannableKey[], allowedOrigins: readonly string[]): KeyScan {
  const parsed = parseScannedCode(text, allowedOrigins)
  const found =
    parsed.kind === 'token' ? keys.find((k) => k.label_token === parsed.token)
    : parsed.kind === 'number' ? keys.find((k) => k.number === parsed.number)
    : undefined
  if (found) return { kind: 'key', id: found.id, number: found.number }
  return parsed.kind === 'token' || parsed.kind === 'number' ? { kind: 'not_listed' } : { kind: 'not_a_label' }
}

/** The ticked keys after a scan: the scanned one added once, the order kept. */
export function tickScannedKey(ticked: readonly string[], scan: KeyScan): string[] {
  return scan.kind === 'key' && !ticked.includes(scan.id) ? [...ticked, scan.id] : [...ticked]
}
