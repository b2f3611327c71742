// @vitest-environment node
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Blob, Face, Font } from 'harfbuzzjs'
import subsetFont from 'subset-font'
import { beforeAll, describe, expect, it } from 'vitest'
import { iconCodePoints, iconNamesIn, inlinedIconFont, subsetIconFont, withoutUnusedIconRules } from '../../../build/iconFont'

const vantCss = readFileSync(fileURLToPath(new URL('../../../node_modules/vant/es/icon/index.css', import.meta.url)), 'utf8')
const vantIcons = iconCodePoints(vantCss)

describe('iconCodePoints', () => {
  it("reads Vant's map of icon names to code points", () => {
    expect(vantIcons.size).toBeGreaterThan(200)
    expect(vantIcons.get('arrow')).toBe(0xe660)
    expect(vantIcons.get('scan')).toBe(0xe713)
    expect(new Set(vantIcons.values()).size).toBe(vantIcons.size)
  })

  it('takes every rule of that form, and nothing else', () => {
    const css = `.van-icon{font:14px vant-icon}.van-icon-scan:before{content:"\\e713"}.van-icon__image{display:block}.van-icon-user-o::before { content: '\\E6AB' }`
    expect(iconCodePoints(css)).toEqual(
      new Map([
        ['scan', 0xe713],
        ['user-o', 0xe6ab],
      ]),
    )
  })
})

describe('iconNamesIn', () => {
  const known = ['arrow', 'arrow-up', 'arrow-down', 'arrow-double-left', 'scan', 'fire', 'fire-o', 'share-o', 'revoke', 'qr', 'user-o', 'home-o', 'success', 'close', 'photo', 'photo-o']
  const pick = (code: string) => [...iconNamesIn(code, known)].sort()

  it('keeps the quoted strings that are icon names (template props, ternaries, arrays, maps)', () => {
    expect(pick(`k(Ut,{name:"scan"})`)).toEqual(['scan'])
    expect(pick(`k(Kt,{icon:e.torch?"fire":"fire-o"})`)).toEqual(['fire', 'fire-o'])
    expect(pick(`const a={check_out:'share-o',check_in:'revoke'},b=[\`qr\`]`)).toEqual(['qr', 'revoke', 'share-o'])
    // One quote closes a string and opens the next; a string inside a string.
    expect(pick(`["scan","qr"]+'{"icon":\\"fire\\"}'`)).toEqual(['fire', 'qr', 'scan'])
  })

  it('keeps the icons of van-icon-NAME classes in markup', () => {
    expect(pick(`<i class="van-icon van-icon-user-o"></i>`)).toEqual(['user-o'])
    expect(pick(`Qe('<i class=\\"van-icon van-icon-home-o\\"></i>')`)).toEqual(['home-o'])
  })

  it('keeps every icon a name built at run time can end up as', () => {
    // Vant's cell: `arrow-${arrowDirection}`; the plain "arrow" is named elsewhere.
    expect(pick('n=t.arrowDirection?`arrow-${t.arrowDirection}`:"x"')).toEqual(['arrow-double-left', 'arrow-down', 'arrow-up'])
    expect(pick(`n="arrow-"+t`)).toEqual(['arrow-double-left', 'arrow-down', 'arrow-up'])
    expect(pick('n=`${t}-o`')).toEqual(['fire-o', 'home-o', 'photo-o', 'share-o', 'user-o'])
    expect(pick(`n=t+'-o'`)).toEqual(['fire-o', 'home-o', 'photo-o', 'share-o', 'user-o'])
  })

  it('ignores names that are only part of a string, identifiers and other pieces', () => {
    expect(pick(`"scanner";"scan code";"my-scan";x.close();photo.success=1;"van-icon"`)).toEqual([])
    expect(pick('`field-${k}` `${n}px` `tab-${t}-label` "data-"+x')).toEqual([])
  })
})

describe('subsetIconFont', () => {
  const original = inlinedIconFont(vantCss)?.font
  const chosen = ['arrow', 'scan', 'success', 'cross', 'photo-o', 'todo-list-o']
  let full: Font
  let subset: Font
  let subsetBytes: number

  /** An sfnt (what HarfBuzz reads) of a WOFF2 font, every glyph of Vant's map kept. */
  const sfnt = (woff2: Buffer) => subsetFont(woff2, String.fromCodePoint(...vantIcons.values()), { targetFormat: 'sfnt' })
  const fontOf = (data: Buffer) => new Font(new Face(new Blob(data)))

  beforeAll(async () => {
    if (!original) throw new Error("Vant's icon CSS no longer inlines its font as base64 WOFF2")
    const woff2 = await subsetIconFont(original, chosen.map((name) => vantIcons.get(name) as number))
    subsetBytes = woff2.length
    expect(woff2.subarray(0, 4).toString('latin1')).toBe('wOF2')
    full = fontOf(await sfnt(original))
    subset = fontOf(await sfnt(woff2))
  })

  it("keeps the chosen icons' glyphs, drawn as in the whole font", () => {
    for (const name of chosen) {
      const codePoint = vantIcons.get(name) as number
      const kept = subset.nominalGlyph(codePoint)
      expect(kept, name).toBeDefined()
      const path = subset.glyphToPath(kept as number)
      expect(path.length, name).toBeGreaterThan(20)
      expect(path, name).toBe(full.glyphToPath(full.nominalGlyph(codePoint) as number))
    }
  })

  it('drops the others, and is a fraction of the whole font', () => {
    expect(subset.face.collectUnicodes().length).toBe(chosen.length)
    expect(subset.nominalGlyph(vantIcons.get('wechat') as number)).toBeUndefined()
    expect(subsetBytes).toBeLessThan((original?.length ?? 0) / 5)
  })
})

describe('withoutUnusedIconRules', () => {
  it("drops the glyph rules of icons not kept, and nothing else", () => {
    const css = '.van-icon{font:14px vant-icon}.van-icon-scan:before{content:"\ue713"}.van-icon-user-o:before{content:"\ue6ab"}.van-icon__image{display:block}.van-icon-arrow:before{display:inline-block}'
    expect(withoutUnusedIconRules(css, new Set(['scan']))).toBe(
      '.van-icon{font:14px vant-icon}.van-icon-scan:before{content:"\ue713"}.van-icon__image{display:block}.van-icon-arrow:before{display:inline-block}',
    )
  })
})
