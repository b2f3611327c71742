/**
 * Chinese vehicle registration plates (GA 36 / GA 36.2014 + new-energy plates).
 *
 * Accepted after normalisation (NFKC, upper case, separators removed):
 * - ordinary 7 characters: province + authority letter + 5 (letters/digits,
 *   the last may be 挂 学 警 港 澳), e.g. 沪A12345, 粤B1234学;
 * - new-energy 8 characters: province + authority letter + either
 *   small car  [D A B C E F G H J K] + letter/digit + 4 digits  (沪AD12345, 京AFA1234)
 *   or large car 5 digits + [D A B C E F G H J K]               (粤B12345D).
 * I and O are never used as letters on plates (they read as 1 and 0).
 * Military and embassy plates are out of scope for a company fleet.
 */

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'
const LETTER = 'A-HJ-NP-Z'
const ALNUM = `${LETTER}0-9`
// D/A/B/C/E: battery electric; F/G/H/J/K: other new energy (plug-in hybrid, fuel cell).
const NEV = 'ABCDEFGHJK'

const ORDINARY = new RegExp(`^[${PROVINCES}][${LETTER}][${ALNUM}]{4}[${ALNUM}挂学警港澳]$`)
const NEV_SMALL = new RegExp(`^[${PROVINCES}][${LETTER}][${NEV}][${ALNUM}]\\d{4}$`)
const NEV_LARGE = new RegExp(`^[${PROVINCES}][${LETTER}]\\d{5}[${NEV}]$`)

/** Canonical plate text: full-width → ASCII, upper case, no spaces, dots or hyphens (沪A·12345 → 沪A12345). */
export function normalizePlate(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/[\s·•.\-_]/g, '')
}

/** True for a valid plate, given in any of the forms people write it. */
export function isValidPlate(text: string): boolean {
  const p = normalizePlate(text)
  return ORDINARY.test(p) || NEV_SMALL.test(p) || NEV_LARGE.test(p)
}

/** True for an 8-character new-energy plate. */
export function isNewEnergyPlate(text: string): boolean {
  const p = normalizePlate(text)
  return NEV_SMALL.test(p) || NEV_LARGE.test(p)
}
