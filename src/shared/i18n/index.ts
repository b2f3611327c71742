import { createI18n, type Composer } from 'vue-i18n'
import { Locale as VantLocale } from 'vant'
import vantZhCN from 'vant/es/locale/lang/zh-CN'
import type { MessageSchema } from './messages/zh-CN'
// The shell's few zh-CN messages only (picked from zh-CN.json by vite.config.ts's shellMessages).
import shell from 'virtual:adminfield/shell-messages'
import { DEFAULT_LOCALE, loadLocale, saveLocale, type AppLocale } from './locale'

export { LOCALES, DEFAULT_LOCALE, isAppLocale, type AppLocale } from './locale'
export type { MessageSchema }

/**
 * Only the shell's zh-CN messages (app name, tabs, local-mode banner, sync badge) ship in the
 * entry. All other messages (the core file's and the features') are a chunk per language, fetched while the first page's chunk loads (the router
 * waits for them: see main.ts); English is fetched the first time someone chooses it.
 */
const loaders: Record<AppLocale, () => Promise<{ messages: MessageSchema; vant: Record<string, unknown> }>> = {
  'zh-CN': async () => ({ messages: (await import('./messages/zh-CN')).default, vant: vantZhCN }),
  en: async () => {
    const [messages, vant] = await Promise.all([import('./messages/en'), import('vant/es/locale/lang/en-US')])
    return { messages: messages.default, vant: vant.default }
  },
}

/** The shell's zh-CN messages only, unless given all of them (tests mount pages with every message at once). */
export function createAppI18n(initial: MessageSchema | typeof shell = shell) {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale: DEFAULT_LOCALE,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { 'zh-CN': initial } as Record<AppLocale, MessageSchema>,
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

/** Switch the UI language everywhere (vue-i18n, Vant's built-in texts, <html lang>) and remember it. */
export async function setAppLocale(i18n: LocaleComposer, locale: AppLocale): Promise<void> {
  const { messages, vant } = await loaders[locale]()
  const held = complete.get(i18n) ?? new Set<AppLocale>()
  complete.set(i18n, held)
  if (!held.has(locale)) i18n.setLocaleMessage(locale, messages)
  held.add(locale)
  i18n.locale.value = locale
  VantLocale.use(locale === 'en' ? 'en-US' : 'zh-CN', vant)
  if (typeof document !== 'undefined') document.documentElement.lang = locale
  saveLocale(locale)
}

/** The language this device chose last time, with all its messages (zh-CN when none, or when its chunk cannot load). */
export async function applySavedLocale(i18n: LocaleComposer): Promise<void> {
  await setAppLocale(i18n, loadLocale()).catch(() => setAppLocale(i18n, DEFAULT_LOCALE))
}
