import { describe, expect, it } from 'vitest'
import { badgeUrl, isUserId, parseBadgeCode } from '@/features/labels/domain/badge'
import { LABEL_LAYOUTS, labelsPerPage, pageRule, paginate, parseIdsParam, verticalMargin } from '@/features/labels/domain/layouts'

const ORIGIN = 'https://field.example.com'
const USER = '0a000000-0000-4000-8000-000000000003'

describe('badge QR', () => {
  it('round-trips a user id through the badge URL', () => {
    expect(badgeUrl(`${ORIGIN}/`, USER)).toBe(`${ORIGIN}/p/${USER}`)
    expect(parseBadgeCode(badgeUrl(ORIGIN, USER), [ORIGIN])).toBe(USER)
    expect(parseBadgeCode(`${ORIGIN}/p/${USER.toUpperCase()}/`, [ORIGIN])).toBe(USER)
  })

  it('refuses other hosts, other paths, bad ids and plain text', () => {
    expect(parseBadgeCode(`https://evil.example/p/${USER}`, [ORIGIN])).toBeNull()
    expect(parseBadgeCode(`${ORIGIN}/a/${USER}`, [ORIGIN])).toBeNull()
    expect(parseBadgeCode(`${ORIGIN}/p/not-a-uuid`, [ORIGIN])).toBeNull()
    expect(parseBadgeCode(USER, [ORIGIN])).toBeNull()
    expect(isUserId(USER)).toBe(true)
  })

  it('honours a base path', () => {
    expect(parseBadgeCode(`${ORIGIN}/app/p/${USER}`, [`${ORIGIN}/app/`])).toBe(USER)
  })
})

describe('label layouts', () => {
  it('A4: 24 labels of 70 × 37 mm fill the sheet width, centred vertically', () => {
    const a4 = LABEL_LAYOUTS.a4
    expect(labelsPerPage(a4)).toBe(24)
    expect(a4.columns * a4.labelWidth).toBe(a4.pageWidth)
    expect(verticalMargin(a4)).toBeCloseTo(0.5)
    expect(a4.qrSize).toBeLessThan(a4.labelHeight)
    expect(pageRule(a4)).toBe('@page { size: 210mm 297mm; margin: 0; }')
  })

  it('single: one 50 × 30 mm label per page', () => {
    expect(labelsPerPage(LABEL_LAYOUTS.single)).toBe(1)
    expect(pageRule(LABEL_LAYOUTS.single)).toContain('50mm 30mm')
  })

  it('paginates into full pages and a remainder', () => {
    const items = Array.from({ length: 50 }, (_, i) => i)
    const pages = paginate(items, 24)
    expect(pages.map((p) => p.length)).toEqual([24, 24, 2])
    expect(paginate([], 24)).toEqual([])
    expect(() => paginate(items, 0)).toThrow(RangeError)
  })

  it('reads ?ids= loosely', () => {
    expect(parseIdsParam('a, b,,a,c')).toEqual(['a', 'b', 'c'])
    expect(parseIdsParam(['a,b', 'c'])).toEqual(['a', 'b', 'c'])
    expect(parseIdsParam(undefined)).toEqual([])
  })
})
