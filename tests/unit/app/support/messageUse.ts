/**
 * Which message namespaces a page can show (issue 13, messages per feature): the files a module
 * imports within src, followed statically (what renders with it) or also through dynamic imports
 * (what it may load later), and the namespaces whose keys those files spell out. A file counts as
 * using a namespace when any string in it starts with `<namespace>.`: keys passed around as data
 * (titleKey, an error's key) count too, and an extra namespace only costs a few kB, a missing one
 * shows raw keys.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import zhCN from '@/shared/i18n/messages/zh-CN'

export const SRC = resolve(process.cwd(), 'src')
const MESSAGES = join(SRC, 'shared/i18n/messages')

/** The feature namespaces: one file each per language (zh-CN.<ns>.json), loaded on demand. */
export const FEATURE_NAMESPACES: readonly string[] = readdirSync(MESSAGES)
  .map((name) => /^zh-CN\.(\w+)\.json$/.exec(name)?.[1])
  .filter((ns): ns is string => ns !== undefined)
  .sort()

/** A string that is a key of a namespace, or its start up to a `${…}` (`vehicles.fuel.${field}`). */
const KEY = new RegExp(`['"\`]((${FEATURE_NAMESPACES.join('|')})(?:\\.\\w+)+)(?=['"\`]|\\.?\\$\\{)`, 'g')
/** Comments say things like 'assets.errors.required' without showing them. */
const COMMENTS = /\/\*[\s\S]*?\*\/|(^|[^:'"\w])\/\/.*$|<!--[\s\S]*?-->/gm
const STATIC_IMPORT = /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g

function resolveImport(from: string, spec: string): string | null {
  let base: string
  if (spec.startsWith('@/')) base = join(SRC, spec.slice(2))
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec)
  else return null // a package or a virtual module: not the app's messages
  for (const path of [base, `${base}.ts`, `${base}.vue`, join(base, 'index.ts')]) {
    if (existsSync(path) && statSync(path).isFile()) return path
  }
  throw new Error(`${from}: cannot resolve ${spec}`)
}

/** Files whose dotted strings are not message keys: the op kinds ('rectification.fix'; shown as sync.kind.*). */
const NOT_KEYS = new Set([join(SRC, 'platform/sync/protocol.ts')])

/**
 * Route tables: their title keys show only in the header, for the current route, whose title's
 * namespace the router derives (app/router/messages.ts). A page's code reaches other features'
 * tables through their public APIs (index.ts) without showing their titles.
 */
const ROUTE_TABLES = /[\\/]features[\\/][^\\/]+[\\/]routes\.ts$/

const cache = new Map<string, { text: string; statics: string[]; dynamics: string[] }>()
function read(file: string) {
  let entry = cache.get(file)
  if (!entry) {
    const text = readFileSync(file, 'utf8')
    const statics: string[] = []
    const dynamics: string[] = []
    if (!file.endsWith('.json')) {
      for (const m of text.matchAll(STATIC_IMPORT)) {
        const target = m[1] ? null : resolveImport(file, m[2] ?? '')
        if (target) statics.push(target)
      }
      for (const m of text.matchAll(DYNAMIC_IMPORT)) {
        const target = resolveImport(file, m[1] ?? '')
        if (target) dynamics.push(target)
      }
    }
    entry = { text: file.endsWith('.json') ? '' : text.replace(COMMENTS, '$1'), statics, dynamics }
    cache.set(file, entry)
  }
  return entry
}

/** The src files a module brings: its static imports' closure, or also through dynamic imports. */
export function closure(entry: string, { dynamic = false } = {}): Set<string> {
  const seen = new Set([entry])
  const queue = [entry]
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    const { statics, dynamics } = read(file)
    for (const next of dynamic ? [...statics, ...dynamics] : statics) {
      if (seen.has(next)) continue
      seen.add(next)
      queue.push(next)
    }
  }
  return seen
}

/** The feature namespaces the files spell keys of, with one file using each (to say where). */
export function namespacesUsed(files: Iterable<string>): Map<string, string> {
  const used = new Map<string, string>()
  for (const file of files) {
    if (NOT_KEYS.has(file) || ROUTE_TABLES.test(file)) continue
    for (const [, key = '', namespace = ''] of read(file).text.matchAll(KEY)) {
      // Only what is a message: not an op kind ('rectification.fix') or a meta key that looks alike.
      if (!used.has(namespace) && isMessagePath(key)) used.set(namespace, `${file.slice(SRC.length + 1)} (${key})`)
    }
  }
  return used
}

function isMessagePath(key: string): boolean {
  let node: unknown = zhCN
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return false
    node = (node as Record<string, unknown>)[part]
  }
  return true
}

/** All .ts and .vue files under a folder. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|vue)$/.test(name) ? [path] : []
  })
}
