import { markRaw } from 'vue'
import { createI18n, type Composer, type MessageResolver, type PathValue } from 'vue-i18n'
import { Locale as VantLocale } from 'vant'
import vantZhCN from 'vant/es/locale/lang/zh-CN'
import type { MessageNamespace, MessageSchema } from './messages/zh-CN'
// The shell's few zh-CN messages only (picked from zh-CN.json by vite.config.ts's shellMessages).
import shell from 'virtual:adminfield/shell-messages'
import { nextTask } from '@/shared/lib/nextTask'
import { startInBatches } from '@/shared/lib/inBatches'
import { DEFAULT_LOCALE, loadLocale, saveLocale, type AppLocale } from './locale'

export { LOCALES, DEFAULT_LOCALE, isAppLocale, type AppLocale } from './locale'
export type { MessageNamespace, MessageSchema }

type Part = Record<string, unknown>
type Load = () => Promise<{ default: unknown }>
/** What loads as one chunk: the core file (common texts, Home, Me, sign-in…) or a feature's namespace. */
type Unit = 'core' | MessageNamespace
interface LocaleLoader {
  /** Each unit a chunk of its own (a dynamic import each, so the build keeps them apart). */
  units: Record<Unit, Load>
  vant: () => Promise<Record<string, unknown>>
}

/**
 * Only the shell's zh-CN messages (app name, tabs, local-mode banner, sync badge) ship in the
 * entry. The rest are chunks per language and namespace (issue 13): the core file and the
 * namespaces the first page shows are fetched while its chunk loads (the router waits for them:
 * see main.ts and app/router/messages.ts); a page's lazy parts load theirs with them (Home's
 * to-do widgets, a scan's outcome); the others once the first page has settled (loadAllMessages,
 * without re-rendering it). English is fetched the first time someone chooses it.
 */
const loaders: Record<AppLocale, LocaleLoader> = {
  'zh-CN': {
    units: unitsOf(import.meta.glob<{ default: unknown }>(['./messages/zh-CN.json', './messages/zh-CN.*.json'])),
    vant: async () => vantZhCN,
  },
  en: {
    units: unitsOf(import.meta.glob<{ default: unknown }>(['./messages/en.json', './messages/en.*.json'])),
    vant: async () => (await import('vant/es/locale/lang/en-US')).default,
  },
}

/** A language's files by unit: `<lang>.json` is the core file, `<lang>.<namespace>.json` a namespace. */
function unitsOf(files: Record<string, Load>): Record<Unit, Load> {
  return Object.fromEntries(Object.entries(files).map(([path, load]) => [/\.(\w+)\.json$/.exec(path.replace(/^.*\/(zh-CN|en)/, ''))?.[1] ?? 'core', load])) as Record<Unit, Load>
}

/** The feature namespaces, loaded on demand (the core file is always there once a page opens). */
export const MESSAGE_NAMESPACES = Object.keys(loaders['zh-CN'].units).filter((u): u is MessageNamespace => u !== 'core')

export function isMessageNamespace(value: unknown): value is MessageNamespace {
  return typeof value === 'string' && (MESSAGE_NAMESPACES as readonly string[]).includes(value)
}

/**
 * A language's tree is replaced to show new messages (or, for what no page shows yet, given more
 * namespaces in place, silently), so vue-i18n need not make it deeply reactive: its `messages` ref
 * would wrap every object of the (precompiled) tree that a translation walks in a proxy, on every
 * t() of every page. Replacing a language still triggers.
 */
function asRaw<T extends object>(messages: T): T {
  return markRaw({ ...messages }) as T
}

/**
 * Finds a message by its key. Keys are plain dotted paths (no brackets or quotes), so a split does
 * what vue-i18n's path parser (a character state machine) did; its first runs cost ~10 ms (4x CPU)
 * of the shell's first render. A key never reaches into a message itself: a precompiled message is
 * an object too (`{ t: 0, b: … }`), and a string has no keys.
 */
const resolveKey: MessageResolver = (tree, key) => {
  let node = tree
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || isMessage(node) || !Object.hasOwn(node, part)) return null
    node = (node as Record<string, unknown>)[part]
  }
  return (node ?? null) as PathValue
}

/** A precompiled message (vue-i18n's AST, as the build emits it). */
function isMessage(node: object): boolean {
  const ast = node as { t?: unknown; type?: unknown }
  return (ast.t ?? ast.type) === 0 && (Object.hasOwn(node, 'b') || Object.hasOwn(node, 'body'))
}

/** The shell's zh-CN messages only, unless given all of them (tests mount pages with every message at once). */
export function createAppI18n(initial: MessageSchema | typeof shell = shell) {
  const i18n = createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale: DEFAULT_LOCALE,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { 'zh-CN': asRaw(initial) } as Record<AppLocale, MessageSchema>,
    messageResolver: resolveKey,
  })
  // The app loads namespaces as pages need them: one asked for before it is there loads at once.
  if (initial === shell) i18n.global.setMissingHandler((_locale, key) => loadOnMiss(i18n.global, key))
  return i18n
}

export type AppI18n = ReturnType<typeof createAppI18n>
/** What the message loading needs of an i18n instance (its global composer). */
export type LocaleComposer = Pick<Composer, 'locale' | 'setLocaleMessage' | 'getLocaleMessage'>

/** A language's messages as they arrive: the tree so far and each unit's load (started once). */
interface LocaleMessages {
  tree: Part
  loads: Map<Unit, Promise<void>>
  /** Units in the tree that vue-i18n does not have yet. */
  pending: boolean
  /** Units pages have re-rendered with (a quiet load adds units without a re-render). */
  shown: Set<Unit>
}
/** What each i18n instance holds and wants. */
interface MessagesState {
  /** The language shown, or being switched to: what pages' messages load in. */
  target: AppLocale
  locales: Partial<Record<AppLocale, LocaleMessages>>
  /** The namespaces the current page asked for (a language switch loads them first). */
  current: readonly MessageNamespace[]
  /** Once the first page is shown, every namespace of the language shown loads. */
  all: boolean
  /** Namespaces (per language) a missing key asked for. */
  missed: Set<string>
}
const states = new WeakMap<LocaleComposer, MessagesState>()

function stateOf(i18n: LocaleComposer): MessagesState {
  let state = states.get(i18n)
  if (!state) {
    state = { target: i18n.locale.value as AppLocale, locales: {}, current: [], all: false, missed: new Set() }
    states.set(i18n, state)
  }
  return state
}

/**
 * Loads the units of a language not loaded yet, then hands the tree to vue-i18n once (one
 * re-render for the batch). A unit that cannot load (offline, before the service worker has its
 * chunk) is tried again the next time it is asked for; its keys show meanwhile.
 */
async function load(i18n: LocaleComposer, locale: AppLocale, units: readonly Unit[], { quiet = false } = {}): Promise<void> {
  const state = stateOf(i18n)
  // The instance's messages so far (the shell's, or all of them in component tests) are kept.
  const held = (state.locales[locale] ??= { tree: { ...(i18n.getLocaleMessage(locale) as Part) }, loads: new Map(), pending: false, shown: new Set() })
  const waits = units.map((unit) => {
    let loading = held.loads.get(unit)
    if (!loading) {
      loading = loaders[locale].units[unit]().then(
        ({ default: part }) => {
          // A shallow assign of a few keys: nothing deep-merges or walks the tree.
          if (unit === 'core') Object.assign(held.tree, part)
          else held.tree[unit] = part
          held.pending = true
        },
        (e: unknown) => {
          held.loads.delete(unit)
          throw e
        },
      )
      held.loads.set(unit, loading)
    }
    return loading
  })
  const settled = await Promise.allSettled(waits)
  // New messages, or ones a quiet load added that these pages have not rendered with.
  const unshown = () => held.pending || units.some((unit) => held.loads.has(unit) && !held.shown.has(unit))
  if (quiet && i18n.locale.value === locale) {
    // For what no page shows yet (the next pages): into the tree vue-i18n reads (a raw object, so
    // nothing re-renders), not a new tree: re-rendering every page's texts was a long task.
    Object.assign(i18n.getLocaleMessage(locale) as Part, held.tree)
  } else if (unshown()) {
    // A chunk was just evaluated: the pages re-render with the messages in a task of their own.
    await nextTask()
    if (unshown()) {
      held.pending = false
      for (const unit of held.loads.keys()) held.shown.add(unit)
      i18n.setLocaleMessage(locale, asRaw(held.tree) as MessageSchema)
    }
  }
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed) throw failed.reason
}

/**
 * Resolves once the core messages and these namespaces are there in the language shown (or
 * being switched to). The router waits for a page's namespaces before it opens (app/router/messages.ts).
 */
export function ensureMessages(i18n: LocaleComposer, namespaces: readonly MessageNamespace[]): Promise<void> {
  const state = stateOf(i18n)
  state.current = namespaces
  return load(i18n, state.target, ['core', ...namespaces])
}

/** Starts loading these namespaces in the language shown (for what shows outside a page: the shell's bell). */
export function preloadMessages(i18n: LocaleComposer, namespaces: readonly MessageNamespace[]): Promise<void> {
  return load(i18n, stateOf(i18n).target, ['core', ...namespaces])
}

/**
 * How many chunks one task of loadAllMessages asks for. Each import() cost the main thread 1–5 ms
 * here (4× that on a slow phone): asking for all ~25 at once was a long task on every page.
 */
const UNITS_PER_TASK = 2

/** Every namespace of the language shown, and of any language chosen later (once the first page is on screen). */
export async function loadAllMessages(i18n: LocaleComposer): Promise<void> {
  const state = stateOf(i18n)
  state.all = true
  const locale = state.target
  const loads = await startInBatches(['core', ...MESSAGE_NAMESPACES] as Unit[], UNITS_PER_TASK, (units) => {
    const loading = load(i18n, locale, units, { quiet: true })
    loading.catch(() => undefined) // Handled below, once every batch is asked for: not "unhandled" meanwhile.
    return loading
  })
  const failed = (await Promise.allSettled(loads)).find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed) throw failed.reason
}

/**
 * A safety net for a key of a namespace not loaded yet (a lazy part of a page that came before
 * the rest of the messages): its namespace loads at once, and the text replaces the key.
 */
function loadOnMiss(i18n: LocaleComposer, key: string): void {
  const namespace = key.slice(0, key.indexOf('.'))
  const state = stateOf(i18n)
  const asked = `${state.target}:${namespace}`
  // Once per language and namespace: a chunk that cannot load (offline) is not asked for on every render.
  if (!isMessageNamespace(namespace) || state.missed.has(asked) || state.locales[state.target]?.loads.has(namespace)) return
  state.missed.add(asked)
  load(i18n, state.target, [namespace]).catch(() => undefined)
}

// Key autocompletion for t() in components.
declare module 'vue-i18n' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}

/** The language Vant's built-in texts are in: its own default until told otherwise. */
let vantLocale: AppLocale = DEFAULT_LOCALE

/**
 * Switch the UI language everywhere (vue-i18n, Vant's built-in texts, <html lang>) and remember it.
 * Resolves once the core messages and the current page's namespaces are there; the others follow.
 */
export async function setAppLocale(i18n: LocaleComposer, locale: AppLocale): Promise<void> {
  const state = stateOf(i18n)
  state.target = locale
  // Vant merges its texts deeply into a reactive tree: only when its language really changes.
  const [, vant] = await Promise.all([load(i18n, locale, ['core', ...state.current]), vantLocale === locale ? null : loaders[locale].vant()]).catch((e: unknown) => {
    // Pages go on loading their messages in the language still shown.
    if (state.target === locale) state.target = i18n.locale.value as AppLocale
    throw e
  })
  if (state.target !== locale) return // Another language was chosen meanwhile.
  if (i18n.locale.value !== locale) i18n.locale.value = locale
  if (vant) {
    VantLocale.use(locale === 'en' ? 'en-US' : 'zh-CN', vant)
    vantLocale = locale
  }
  if (typeof document !== 'undefined' && document.documentElement.lang !== locale) document.documentElement.lang = locale
  saveLocale(locale)
  if (state.all) loadAllMessages(i18n).catch(() => undefined)
}

/** The language this device chose last time, with its core messages (zh-CN when none, or when its chunk cannot load). */
export async function applySavedLocale(i18n: LocaleComposer): Promise<void> {
  await setAppLocale(i18n, loadLocale()).catch(() => setAppLocale(i18n, DEFAULT_LOCALE))
}
