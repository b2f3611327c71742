import { describe, expect, it, vi } from 'vitest'
import { crockfordCheckSymbol, decodeCrockford } from '@/shared/lib/crockford'
import {
  TOKEN_LENGTH,
  checkLabelToken,
  isLabelToken,
  labelUrl,
  newLabelToken,
  parseScannedCode,
} from '@/features/assets/domain'

const ORIGIN = 'https://field.example.com'
const fixed = (...b: number[]) => () => new Uint8Array(b)
const TEN = [0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0x0f, 0xa5]
const TOKEN = newLabelToken(fixed(...TEN))

/** Changes the check symbol to a wrong one. */
const breakCheck = (t: string) => t.slice(0, -1) + (t.endsWith('0') ? '1' : '0')

describe('newLabelToken', () => {
  it('is 16 Crockford symbols for 80 bits plus a check symbol', () => {
    expect(TOKEN).toHaveLength(17)
    expect(TOKEN_LENGTH).toBe(17)
    expect(TOKEN).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}[0-9A-HJKMNP-TV-Z*~$=U]$/)
    expect(TOKEN.slice(-1)).toBe(crockfordCheckSymbol(TOKEN.slice(0, 16)))
    expect(decodeCrockford(TOKEN.slice(0, 16))).toEqual(new Uint8Array(TEN))
    expect(isLabelToken(TOKEN)).toBe(true)
  })

  it('asks the random source for 10 bytes (80 bits) and uses every bit', () => {
    const random = vi.fn((n: number) => new Uint8Array(n).fill(0xff))
    expect(newLabelToken(random)).toMatch(/^Z{16}.$/)
    expect(random).toHaveBeenCalledWith(10)
    // Flipping any single input bit changes the token: no bit is dropped.
    const seen = new Set<string>([newLabelToken(fixed(...new Array<number>(10).fill(0)))])
    for (let bit = 0; bit < 80; bit++) {
      const b = new Uint8Array(10)
      b[bit >> 3] = 0x80 >> (bit & 7)
      seen.add(newLabelToken(() => b))
    }
    expect(seen.size).toBe(81)
  })

  it('refuses a random source that returns too few bytes', () => {
    expect(() => newLabelToken(() => new Uint8Array(8))).toThrow(RangeError)
  })

  it('uses the platform CSPRNG by default', () => {
    const spy = vi.spyOn(crypto, 'getRandomValues')
    const a = newLabelToken()
    const b = newLabelToken()
    expect(spy).toHaveBeenCalled()
    spy.mockRestore()
    expect(isLabelToken(a)).toBe(true)
    expect(a).not.toBe(b)
  })
})

describe('labelUrl', () => {
  it('is origin + /a/ + token', () => {
    expect(labelUrl(ORIGIN, TOKEN)).toBe(`${ORIGIN}/a/${TOKEN}`)
    expect(labelUrl(`${ORIGIN}/`, TOKEN)).toBe(`${ORIGIN}/a/${TOKEN}`)
  })
})

describe('parseScannedCode', () => {
  const parse = (text: string) => parseScannedCode(text, [ORIGIN])

  it('reads a label URL on the app origin', () => {
    expect(parse(labelUrl(ORIGIN, TOKEN))).toEqual({ kind: 'token', token: TOKEN })
  })

  it('ignores a trailing slash, query, fragment and surrounding whitespace', () => {
    expect(parse(`${ORIGIN}/a/${TOKEN}/`)).toEqual({ kind: 'token', token: TOKEN })
    expect(parse(`${ORIGIN}/a/${TOKEN}?utm=poster&x=1`)).toEqual({ kind: 'token', token: TOKEN })
    expect(parse(`${ORIGIN}/a/${TOKEN}#top`)).toEqual({ kind: 'token', token: TOKEN })
    expect(parse(`  ${ORIGIN}/a/${TOKEN}\n`)).toEqual({ kind: 'token', token: TOKEN })
  })

  it('reads an all-caps URL (QR alphanumeric mode) and a lower-case token in the URL', () => {
    expect(parse(`HTTPS://FIELD.EXAMPLE.COM/A/${TOKEN}`)).toEqual({ kind: 'token', token: TOKEN })
    expect(parse(`${ORIGIN}/a/${TOKEN.toLowerCase()}`)).toEqual({ kind: 'token', token: TOKEN })
  })

  it('reads a bare token, case-insensitively, normalised to upper case', () => {
    expect(parse(TOKEN)).toEqual({ kind: 'token', token: TOKEN })
    expect(parse(` ${TOKEN.toLowerCase()} `)).toEqual({ kind: 'token', token: TOKEN })
    // Typed in groups, as printed under the QR.
    expect(parse(`${TOKEN.slice(0, 4)}-${TOKEN.slice(4, 8)} ${TOKEN.slice(8)}`)).toEqual({ kind: 'token', token: TOKEN })
  })

  it('maps the look-alikes I and L to 1 and O to 0', () => {
    const token = newLabelToken(fixed(0x08, 0x42, 0x10, 0x84, 0x21, 0x08, 0x42, 0x10, 0x84, 0x21)) // all symbols '1'
    expect(token.slice(0, 16)).toBe('1'.repeat(16))
    const typed = 'IiLl'.repeat(4) + token.slice(-1)
    expect(parse(typed)).toEqual({ kind: 'token', token })
    const zeros = newLabelToken(fixed(...new Array<number>(10).fill(0)))
    expect(parse('Oo'.repeat(8) + zeros.slice(-1))).toEqual({ kind: 'token', token: zeros })
  })

  it('refuses a foreign host and names it', () => {
    expect(parse(`https://evil.example.net/a/${TOKEN}`)).toEqual({ kind: 'foreign', host: 'evil.example.net' })
    expect(parse('https://weixin.qq.com/r/abc')).toEqual({ kind: 'foreign', host: 'weixin.qq.com' })
    // Same host, other scheme or port: a different origin.
    expect(parse(`http://field.example.com/a/${TOKEN}`)).toEqual({ kind: 'foreign', host: 'field.example.com' })
    expect(parse(`https://field.example.com:8443/a/${TOKEN}`)).toEqual({ kind: 'foreign', host: 'field.example.com:8443' })
    // A look-alike host that merely starts with ours.
    expect(parse(`https://field.example.com.evil.io/a/${TOKEN}`)).toEqual({ kind: 'foreign', host: 'field.example.com.evil.io' })
  })

  it('accepts any of several allowed origins, and a base path', () => {
    const origins = ['http://localhost:5173', 'https://corp.example.com/field/']
    expect(parseScannedCode(`http://localhost:5173/a/${TOKEN}`, origins)).toEqual({ kind: 'token', token: TOKEN })
    expect(parseScannedCode(`https://corp.example.com/field/a/${TOKEN}`, origins)).toEqual({ kind: 'token', token: TOKEN })
    expect(parseScannedCode(`https://corp.example.com/a/${TOKEN}`, origins)).toEqual({ kind: 'malformed', reason: 'not_a_label' })
    expect(parseScannedCode(`https://x.example/a/${TOKEN}`, ['not a url'])).toEqual({ kind: 'foreign', host: 'x.example' })
  })

  it('reports a bad checksum', () => {
    expect(parse(breakCheck(TOKEN))).toEqual({ kind: 'malformed', reason: 'bad_checksum' })
    expect(parse(`${ORIGIN}/a/${breakCheck(TOKEN)}`)).toEqual({ kind: 'malformed', reason: 'bad_checksum' })
    // One mistyped symbol in the data.
    const typo = (TOKEN[0] === 'A' ? 'B' : 'A') + TOKEN.slice(1)
    expect(parse(typo)).toEqual({ kind: 'malformed', reason: 'bad_checksum' })
  })

  it('reports a bad length', () => {
    expect(parse(TOKEN.slice(0, 16))).toEqual({ kind: 'malformed', reason: 'bad_length' })
    expect(parse(`${TOKEN}0`)).toEqual({ kind: 'malformed', reason: 'bad_length' })
    expect(parse(`${ORIGIN}/a/${TOKEN.slice(0, 10)}`)).toEqual({ kind: 'malformed', reason: 'bad_length' })
  })

  it('reports bad characters in a token-length entry', () => {
    expect(parse(`U${TOKEN.slice(1)}`)).toEqual({ kind: 'malformed', reason: 'bad_chars' })
    expect(parse(`${TOKEN.slice(0, 16)}!`)).toEqual({ kind: 'malformed', reason: 'bad_chars' })
    expect(parse(`${ORIGIN}/a/%E5%8D%B0%E7%AB%A0`)).toEqual({ kind: 'malformed', reason: 'bad_chars' })
    expect(parse(`${ORIGIN}/a/%E5%8D`)).toEqual({ kind: 'malformed', reason: 'bad_chars' })
  })

  it('says "not a label" for garbage and other QR payloads', () => {
    expect(parse('')).toEqual({ kind: 'malformed', reason: 'not_a_label' })
    expect(parse('   ')).toEqual({ kind: 'malformed', reason: 'not_a_label' })
    expect(parse('Hello, world!')).toEqual({ kind: 'malformed', reason: 'not_a_label' })
    expect(parse('WIFI:S:Office;T:WPA;P:secret;;')).toEqual({ kind: 'malformed', reason: 'not_a_label' })
    expect(parse('mailto:a@b.c')).toEqual({ kind: 'malformed', reason: 'not_a_label' })
    expect(parse('https://')).toEqual({ kind: 'malformed', reason: 'not_a_label' })
    expect(parse(`${ORIGIN}/`)).toEqual({ kind: 'malformed', reason: 'not_a_label' })
    expect(parse(`${ORIGIN}/a/`)).toEqual({ kind: 'malformed', reason: 'not_a_label' })
    expect(parse(`${ORIGIN}/a/${TOKEN}/edit`)).toEqual({ kind: 'malformed', reason: 'not_a_label' })
    expect(parse('印章 SEAL')).toEqual({ kind: 'malformed', reason: 'not_a_label' })
  })

  it('reads a typed asset number as a number, not a token', () => {
    expect(parse('SEAL-0001')).toEqual({ kind: 'number', number: 'SEAL-0001' })
    expect(parse(' veh-12 ')).toEqual({ kind: 'number', number: 'VEH-0012' })
    expect(parse('uni0007')).toEqual({ kind: 'number', number: 'UNI-0007' })
    // An unknown prefix is not a number; being all Crockford symbols, it reads as a short token.
    expect(parse('ABC-0001')).toEqual({ kind: 'malformed', reason: 'bad_length' })
    expect(parse('SEAL-0000')).toEqual({ kind: 'malformed', reason: 'bad_length' })
    expect(parse('SEAL#0001')).toEqual({ kind: 'malformed', reason: 'not_a_label' })
  })
})

describe('checkLabelToken', () => {
  it('returns the canonical token or a reason', () => {
    expect(checkLabelToken(TOKEN.toLowerCase())).toEqual({ ok: true, token: TOKEN })
    expect(checkLabelToken('123')).toEqual({ ok: false, reason: 'bad_length' })
    expect(isLabelToken(TOKEN.toLowerCase())).toBe(false) // stored tokens are canonical
  })
})
