import { markRaw } from 'vue'
import { createI18n, type Composer, type MessageResolver, type PathValue } from 'vue-i18n'
import { Locale as VantLocale } from 'vant'
import vantZhCN from 'vant/es/locale/lang/zh-CN'
import type { MessageSchema } from './messages/zh-CN'
// The shell's few zh-CN messages only (picked from zh-CN.json by vite.config.ts's shellMessages).
import shell from 'virtual:adminfield/shell-messages'
import { nextTask } from '@/shared/lib/nextTask'
import { DEFAULT_LOCALE, loadLocale, saveLocale, type AppLocale } from './locale'

export { LOCALES, DEFAULT_LOCALE, isAppLocale, type AppLocale } from './locale'
export type { MessageSchema }

type Part = Record<string, unknown>
interface LocaleLoader {
  /** The messages, in parts: each a chunk of its own, so each is evaluated in a task of its own. */
  parts: () => Promise<{ default: Part }>[]
  vant: () => Promise<Record<string, unknown>>
}

/**
 * Only the shell's zh-CN messages (app name, tabs, local-mode banner, sync badge) ship in the
 * entry. All other messages (the core file's and the features') are chunks per language, fetched
 * while the first page's chunk loads (the router waits for them: see main.ts); English is fetched
 * the first time someone chooses it.
 */
const loaders: Record<AppLocale, LocaleLoader> = {
  'zh-CN': {
    parts: () => [import('./messages/zh-CN.part1'), import('./messages/zh-CN.part2'), import('./messages/zh-CN.part3')],
    vant: async () => vantZhCN,
  },
  en: {
    parts: () => [import('./messages/en.part1'), import('./messages/en.part2'), import('./messages/en.part3')],
    vant: async () => (await import('vant/es/locale/lang/en-US')).default,
  },
}

/**
 * A language's whole message tree, as one raw (non-reactive) object. Each part's namespaces join
 * it as it arrives, a shallow assign of a few keys: nothing deep-merges or walks the tree.
 */
async function loadMessages(locale: AppLocale): Promise<MessageSchema> {
  const all: Part = {}
  await Promise.all(loaders[locale].parts().map((part) => part.then((m) => void Object.assign(all, m.default))))
  return asRaw(all as MessageSchema)
}

/**
 * Messages are never changed in place, only replaced per language, so vue-i18n need not make them
 * deeply reactive: its `messages` ref would wrap every object of the (precompiled) tree that a
 * translation walks in a proxy, on every t() of every page. Replacing a language still triggers.
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
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale: DEFAULT_LOCALE,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { 'zh-CN': asRaw(initial) } as Record<AppLocale, MessageSchema>,
    messageResolver: resolveKey,
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>
type LocaleComposer = Pick<Composer, 'locale' | 'setLocaleMessage'>
/** Languages whose full messages each i18n instance holds. */
const complete = new WeakMap<LocaleComposer, Set<AppLocale>>()

// Key autocompletion for t() in components.
declare module 'vue-i18n' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}

/** The language Vant's built-in texts are in: its own default until told otherwise. */
let vantLocale: AppLocale = DEFAULT_LOCALE

/** Switch the UI language everywhere (vue-i18n, Vant's built-in texts, <html lang>) and remember it. */
export async function setAppLocale(i18n: LocaleComposer, locale: AppLocale): Promise<void> {
  const held = complete.get(i18n) ?? new Set<AppLocale>()
  complete.set(i18n, held)
  // Vant merges its texts deeply into a reactive tree: only when its language really changes.
  const [messages, vant] = await Promise.all([
    held.has(locale) ? null : loadMessages(locale),
    vantLocale === locale ? null : loaders[locale].vant(),
  ])
  if (messages) {
    // The last part's chunk was just evaluated: the shell re-renders with all the messages in a
    // task of its own.
    await nextTask()
    i18n.setLocaleMessage(locale, messages)
    held.add(locale)
  }
  if (i18n.locale.value !== locale) i18n.locale.value = locale
  if (vant) {
    VantLocale.use(locale === 'en' ? 'en-US' : 'zh-CN', vant)
    vantLocale = locale
  }
  if (typeof document !== 'undefined' && document.documentElement.lang !== locale) document.documentElement.lang = locale
  saveLocale(locale)
}

/** The language this device chose last time, with all its messages (zh-CN when none, or when its chunk cannot load). */
export async function applySavedLocale(i18n: LocaleComposer): Promise<void> {
  await setAppLocale(i18n, loadLocale()).catch(() => setAppLocale(i18n, DEFAULT_LOCALE))
}
