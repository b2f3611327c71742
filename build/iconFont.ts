/**
 * Vant's icon font cut down to the icons the built app can show (issue 13): the whole font is
 * ~25 kB, fetched before the largest paint of every page that shows an icon, for the few dozen
 * icons the app uses out of ~260. vite.config.ts's vantIconFontAsFile() picks the names from the
 * emitted code and subsets the font with these helpers.
 */
import subsetFont from 'subset-font'

/**
 * The WOFF2 font Vant's icon CSS inlines as base64, and the text of its `src` list that names it
 * (and the CDN fallback), to replace with the font's own URL.
 */
export function inlinedIconFont(css: string): { font: Buffer; src: string } | undefined {
  const match = /url\(data:font\/woff2;charset=utf-8;base64,([A-Za-z0-9+/=]+)\) format\("woff2"\),url\([^)]*\) format\("woff"\)/.exec(css)
  return match?.[1] ? { font: Buffer.from(match[1], 'base64'), src: match[0] } : undefined
}

/** Icon name → code point, as Vant's icon CSS maps them (`.van-icon-NAME:before{content:"\e653"}`). */
export function iconCodePoints(css: string): Map<string, number> {
  const icons = new Map<string, number>()
  for (const match of css.matchAll(/\.van-icon-([a-z0-9-]+):{1,2}before\s*\{\s*content:\s*(["'])\\([0-9a-fA-F]+)\2/g)) {
    icons.set(match[1] as string, parseInt(match[3] as string, 16))
  }
  return icons
}

const NAME = '[a-z0-9][a-z0-9-]*'

/**
 * The icons `code` (emitted JavaScript, or HTML without its stylesheets) can show, of `known`.
 * Over-inclusion only costs a glyph, so this is a generous scan rather than a parse:
 * - every quoted string that is a whole icon name (a template's `name="scan"` compiles to one);
 * - `van-icon-NAME` class names (static markup);
 * - names built at run time: a string piece ending in `-` that is then completed (Vant's own
 *   cell builds `arrow-${direction}`; `'arrow-' + d` alike) keeps every name it starts, and a
 *   piece starting with `-` that completes one (`${name}-o`) keeps every name it ends.
 */
export function iconNamesIn(code: string, known: Iterable<string>): Set<string> {
  const names = [...known]
  const isKnown = new Set(names)
  const found = new Set<string>()
  const keep = (name: string | undefined) => {
    if (name && isKnown.has(name)) found.add(name)
  }
  const keepWhere = (test: (name: string) => boolean) => names.filter(test).forEach((name) => found.add(name))
  // A lookahead, so that a quote closing one string can open the next; `\"` closes a string
  // inside a string (JSON, static markup).
  for (const match of code.matchAll(new RegExp(`(?=(["'\`])(${NAME})\\\\?\\1)`, 'g'))) keep(match[2])
  for (const match of code.matchAll(new RegExp(`van-icon-(${NAME})`, 'g'))) keep(match[1])
  const prefixes = [
    ...code.matchAll(new RegExp(`(${NAME}-)\\$\\{`, 'g')),
    ...code.matchAll(new RegExp(`(["'])(${NAME}-)\\1\\s*\\+`, 'g')),
  ].map((match) => match.at(-1) as string)
  const suffixes = [
    ...code.matchAll(/\}(-[a-z0-9-]+)(?=`|\$\{)/g),
    ...code.matchAll(/\+\s*(["'])(-[a-z0-9-]+)\1/g),
  ].map((match) => match.at(-1) as string)
  for (const prefix of prefixes) keepWhere((name) => name.startsWith(prefix))
  for (const suffix of suffixes) keepWhere((name) => name.endsWith(suffix))
  return found
}

/** `font` (any format subset-font reads) with only the glyphs of `codePoints`, as WOFF2. */
export function subsetIconFont(font: Buffer, codePoints: Iterable<number>): Promise<Buffer> {
  return subsetFont(font, String.fromCodePoint(...[...codePoints].sort((a, b) => a - b)), { targetFormat: 'woff2' })
}

/**
 * `css` without the glyph rules (`.van-icon-NAME:before{content:"…"}`, as built) of the icons not
 * in `keep`: their glyphs are not in the subset, and ~170 unused rules were ~2 kB gzip of the
 * inlined stylesheet in index.html that every first visit downloads before it paints.
 */
export function withoutUnusedIconRules(css: string, keep: ReadonlySet<string>): string {
  return css.replace(/\.van-icon-([a-z0-9-]+):{1,2}before\{content:(["'])[^"']*\2\}/g, (rule, name: string) => (keep.has(name) ? rule : ''))
}
