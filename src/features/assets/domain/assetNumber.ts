/**
 * The human asset number printed beside the QR code, e.g. `SEAL-0001`.
 * It is for people (registers, manual entry when a label will not scan);
 * the QR token is separate and random so a number cannot be guessed into a label.
 *
 * Format: a kind prefix, a hyphen, then 4 to 6 digits (zero-padded to 4).
 */

export const ASSET_KINDS = ['seal', 'licence', 'equipment', 'vehicle', 'uniform', 'dorm_key'] as const
export type AssetKind = (typeof ASSET_KINDS)[number]

export const ASSET_NUMBER_PREFIX = {
  seal: 'SEAL',
  licence: 'LIC',
  equipment: 'EQP',
  vehicle: 'VEH',
  uniform: 'UNI',
  dorm_key: 'KEY',
} as const satisfies Record<AssetKind, string>

const KIND_OF_PREFIX = new Map<string, AssetKind>(
  ASSET_KINDS.map((k) => [ASSET_NUMBER_PREFIX[k], k] as const),
)

/** Matches a canonical (upper-case) asset number. */
export const ASSET_NUMBER_RE = /^(SEAL|LIC|EQP|VEH|UNI|KEY)-(\d{4,6})$/

export const ASSET_NUMBER_MAX_SEQ = 999_999

/** `formatAssetNumber('seal', 1)` → `SEAL-0001`. */
export function formatAssetNumber(kind: AssetKind, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > ASSET_NUMBER_MAX_SEQ) throw new RangeError('asset number sequence out of range')
  return `${ASSET_NUMBER_PREFIX[kind]}-${String(seq).padStart(4, '0')}`
}

export interface ParsedAssetNumber {
  kind: AssetKind
  seq: number
  /** Canonical text, upper case. */
  number: string
}

/**
 * Reads a typed asset number: trims, ignores case, and accepts a space or no
 * separator instead of the hyphen (people type `seal 12`), which is why
 * `seal0012` → `SEAL-0012`. Returns null for anything else.
 */
export function parseAssetNumber(text: string): ParsedAssetNumber | null {
  const m = /^([A-Z]+)[\s-]?(\d{1,6})$/.exec(text.trim().toUpperCase())
  if (!m || m[1] === undefined || m[2] === undefined) return null
  const kind = KIND_OF_PREFIX.get(m[1])
  const seq = Number(m[2])
  if (!kind || seq < 1) return null
  return { kind, seq, number: formatAssetNumber(kind, seq) }
}

/** Next free number of a kind, given the numbers already used (any kind, any case). */
export function nextAssetNumber(kind: AssetKind, existing: Iterable<string>): string {
  let max = 0
  for (const n of existing) {
    const p = parseAssetNumber(n)
    if (p && p.kind === kind && p.seq > max) max = p.seq
  }
  return formatAssetNumber(kind, max + 1)
}
