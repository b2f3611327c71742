import { describe, expect, it } from 'vitest'
import {
  CROCKFORD_ALPHABET,
  CROCKFORD_CHECK_ALPHABET,
  crockfordCheckSymbol,
  decodeCrockford,
  encodeCrockford,
  hasValidCheckSymbol,
  isCrockfordData,
  normalizeCrockford,
} from '@/shared/lib/crockford'

const bytes = (...b: number[]) => new Uint8Array(b)
const ascii = (s: string) => new TextEncoder().encode(s)

/** Reference check value via BigInt: the number the symbols spell, mod 37. */
function refCheck(symbols: string): string {
  let n = 0n
  for (const ch of symbols) n = n * 32n + BigInt(CROCKFORD_ALPHABET.indexOf(ch))
  return CROCKFORD_CHECK_ALPHABET[Number(n % 37n)] ?? '?'
}

describe('crockford alphabet', () => {
  it('has 32 data symbols without I, L, O, U and 5 extra check symbols', () => {
    expect(CROCKFORD_ALPHABET).toHaveLength(32)
    expect(CROCKFORD_ALPHABET).not.toMatch(/[ILOU]/)
    expect(CROCKFORD_CHECK_ALPHABET).toBe(`${CROCKFORD_ALPHABET}*~$=U`)
  })
})

describe('encodeCrockford', () => {
  it('matches RFC 4648 base32 mapped to the Crockford alphabet', () => {
    // RFC 4648: "f" → MY, "foobar" → MZXW6YTBOI
    expect(encodeCrockford(ascii('f'))).toBe('CR')
    expect(encodeCrockford(ascii('foobar'))).toBe('CSQPYRK1E8')
    expect(encodeCrockford(bytes())).toBe('')
  })

  it('turns 10 bytes into exactly 16 symbols', () => {
    expect(encodeCrockford(new Uint8Array(10))).toBe('0'.repeat(16))
    expect(encodeCrockford(new Uint8Array(10).fill(255))).toBe('Z'.repeat(16))
  })
})

describe('decodeCrockford', () => {
  it('round-trips any bytes', () => {
    for (let len = 0; len < 24; len++) {
      const b = new Uint8Array(len).map((_, i) => (i * 73 + len * 11) & 255)
      expect(decodeCrockford(encodeCrockford(b))).toEqual(b)
    }
  })

  it('accepts lower case, hyphens and the look-alikes I/L → 1, O → 0', () => {
    expect(decodeCrockford('csqp-yrk1-e8')).toEqual(ascii('foobar'))
    expect(decodeCrockford('CSQPYRKIE8')).toEqual(ascii('foobar'))
    expect(decodeCrockford('CSQPYRKlE8')).toEqual(ascii('foobar'))
    expect(decodeCrockford('O'.repeat(16))).toEqual(new Uint8Array(10))
  })

  it('refuses U and characters outside the alphabet', () => {
    expect(decodeCrockford('CSQPYRKUE8')).toBeNull()
    expect(decodeCrockford('CSQP YRK')).toBeNull()
    expect(decodeCrockford('印章')).toBeNull()
  })
})

describe('normalizeCrockford / isCrockfordData', () => {
  it('normalises for comparison', () => {
    expect(normalizeCrockford('abc-ilo')).toBe('ABC110')
    expect(isCrockfordData('ABC110')).toBe(true)
    expect(isCrockfordData('ABCU')).toBe(false)
    expect(isCrockfordData('AB*')).toBe(false)
  })
})

describe('check symbol (mod 37)', () => {
  it('gives known values', () => {
    expect(crockfordCheckSymbol('0')).toBe('0')
    expect(crockfordCheckSymbol('10')).toBe('*') // 32
    expect(crockfordCheckSymbol('11')).toBe('~') // 33
    expect(crockfordCheckSymbol('12')).toBe('$') // 34
    expect(crockfordCheckSymbol('13')).toBe('=') // 35
    expect(crockfordCheckSymbol('14')).toBe('U') // 36
    expect(crockfordCheckSymbol('15')).toBe('0') // 37
    expect(crockfordCheckSymbol('1234')).toBe('S') // 34916 mod 37 = 25
  })

  it('agrees with a BigInt reference on long inputs', () => {
    for (let i = 0; i < 200; i++) {
      const s = Array.from({ length: 16 }, (_, j) => CROCKFORD_ALPHABET[(i * 7 + j * 13 + ((i * j) % 5)) % 32]).join('')
      expect(crockfordCheckSymbol(s)).toBe(refCheck(s))
    }
  })

  it('is null for non-data input', () => {
    expect(crockfordCheckSymbol('ABU')).toBeNull()
  })

  it('catches every single-symbol substitution and adjacent transposition', () => {
    const data = 'K7M2X9QJ4RTV0W8B'
    const full = data + crockfordCheckSymbol(data)
    expect(hasValidCheckSymbol(full)).toBe(true)
    expect(hasValidCheckSymbol(full.toLowerCase())).toBe(true)
    for (let i = 0; i < data.length; i++) {
      for (const ch of CROCKFORD_ALPHABET) {
        if (ch === data[i]) continue
        const typo = data.slice(0, i) + ch + data.slice(i + 1)
        expect(hasValidCheckSymbol(typo + full.slice(-1))).toBe(false)
      }
      if (i + 1 < data.length && data[i] !== data[i + 1]) {
        const swapped = data.slice(0, i) + data[i + 1] + data[i] + data.slice(i + 2)
        expect(hasValidCheckSymbol(swapped + full.slice(-1))).toBe(false)
      }
    }
  })

  it('rejects too-short input', () => {
    expect(hasValidCheckSymbol('0')).toBe(false)
    expect(hasValidCheckSymbol('')).toBe(false)
  })
})
