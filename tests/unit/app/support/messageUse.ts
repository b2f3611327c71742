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
/** `import … from '…'`, `import '…'`, `export … from '…'`: its kind, clause and specifier. */
const STATIC_IMPORT = /(?:^|[\s;])(import|export)\s+(type\s+)?(?:([\w*{}\s,$]+?)\s+from\s+)?['"]([^'"]+)['"]/g
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g

/** The names an import clause takes (null: all of them, `* as ns` or a bare import). */
function importedNames(clause: string | undefined): string[] | null {
  if (!clause || /\*/.test(clause)) return null
  const names: string[] = []
  const braces = /\{([^}]*)\}/.exec(clause)
  const outside = clause.replace(/\{[^}]*\}/, '').replace(/,/g, ' ').trim()
  if (outside) names.push('default')
  for (const part of braces?.[1]?.split(',') ?? []) {
    const item = part.trim()
    if (!item || item.startsWith('type ')) continue
    names.push(item.split(/\s+as\s+/)[0]!.trim())
  }
  return names
}

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

interface Import {
  target: string
  /** The names taken from it; null: all (a namespace import, a bare or a dynamic import). */
  names: string[] | null
}
interface Module {
  text: string
  statics: Import[]
  dynamics: string[]
  /** A file of re-exports only (a feature's public API): each name and where it comes from. */
  barrel: { named: Map<string, Import>; stars: string[] } | null
}

const cache = new Map<string, Module>()
function read(file: string): Module {
  let entry = cache.get(file)
  if (!entry) {
    const raw = file.endsWith('.json') ? '' : readFileSync(file, 'utf8')
    const text = raw.replace(COMMENTS, '$1')
    const statics: Import[] = []
    const dynamics: string[] = []
    const named = new Map<string, Import>()
    const stars: string[] = []
    for (const [, kind, typeOnly, clause, spec = ''] of text.matchAll(STATIC_IMPORT)) {
      const target = typeOnly ? null : resolveImport(file, spec)
      if (!target) continue
      if (kind === 'import') {
        statics.push({ target, names: importedNames(clause) })
        continue
      }
      // A re-export: what it brings depends on which of its names the importer takes.
      if (!clause || clause.trim().startsWith('*')) stars.push(target)
      else {
        for (const part of /\{([^}]*)\}/.exec(clause)?.[1]?.split(',') ?? []) {
          const item = part.trim()
          if (!item || item.startsWith('type ')) continue
          const [from = '', as = from] = item.split(/\s+as\s+/).map((x) => x.trim())
          named.set(as, { target, names: [from] })
        }
      }
      statics.push({ target, names: null })
    }
    for (const m of text.matchAll(DYNAMIC_IMPORT)) {
      const target = resolveImport(file, m[1] ?? '')
      if (target) dynamics.push(target)
    }
    // Only re-exports (nothing left once they are taken out): a barrel.
    const rest = text.replace(STATIC_IMPORT, '').replace(/[\s;]/g, '')
    const barrel = /\.ts$/.test(file) && rest === '' && (named.size > 0 || stars.length > 0) ? { named, stars } : null
    entry = { text, statics, dynamics, barrel }
    cache.set(file, entry)
  }
  return entry
}

/**
 * The src files a module brings: its static imports' closure, or also through dynamic imports.
 * Through a barrel (a feature's index.ts of re-exports) only the modules that provide the names
 * taken from it: what else the barrel offers is neither bundled with the page nor shown.
 */
export function closure(entry: string, { dynamic = false } = {}): Set<string> {
  const files = new Set<string>()
  const seenNames = new Set<string>()
  const queue: Import[] = [{ target: entry, names: null }]
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const { target, names } = next
    const module = read(target)
    if (module.barrel && names !== null) {
      for (const name of names) {
        if (seenNames.has(`${target}#${name}`)) continue
        seenNames.add(`${target}#${name}`)
        const provider = module.barrel.named.get(name)
        if (provider) queue.push(provider)
        else for (const star of module.barrel.stars) queue.push({ target: star, names: [name] })
      }
      continue
    }
    if (files.has(target)) continue
    files.add(target)
    queue.push(...module.statics)
    if (dynamic) queue.push(...module.dynamics.map((file) => ({ target: file, names: null })))
  }
  return files
}

/** The modules these files import dynamically (their lazy parts), not among them. */
export function lazyParts(files: Set<string>): string[] {
  return [...new Set([...files].flatMap((file) => read(file).dynamics))].filter((file) => !files.has(file))
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
