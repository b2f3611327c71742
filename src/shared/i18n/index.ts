import { createI18n, type Composer } from 'vue-i18n'
import { Locale as VantLocale } from 'vant'
import vantZhCN from 'vant/es/locale/lang/zh-CN'
import zhCN, { type MessageSchema } from './messages/zh-CN'
import { DEFAULT_LOCALE, loadLocale, saveLocale, type AppLocale } from './locale'

export { LOCALES, DEFAULT_LOCALE, isAppLocale, type AppLocale } from './locale'
export type { MessageSchema }

/**
 * zh-CN (the default and the fallback) ships with the app; English is its own chunk,
 * fetched the first time someone chooses it, so the first screen carries one language.
 */
const loaders: Record<AppLocale, () => Promise<{ messages: MessageSchema; vant: Record<string, unknown> }>> = {
  'zh-CN': async () => ({ messages: zhCN, vant: vantZhCN }),
  en: async () => {
    const [messages, vant] = await Promise.all([import('./messages/en'), import('vant/es/locale/lang/en-US')])
    return { messages: messages.default, vant: vant.default }
  },
}

export function createAppI18n() {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale: DEFAULT_LOCALE,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { 'zh-CN': zhCN } as Record<AppLocale, MessageSchema>,
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>
type LocaleComposer = Pick<Composer, 'locale' | 'availableLocales' | 'setLocaleMessage'>

// Key autocompletion for t() in components.
declare module 'vue-i18n' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}

/** Switch the UI language everywhere (vue-i18n, Vant's built-in texts, <html lang>) and remember it. */
export async function setAppLocale(i18n: LocaleComposer, locale: AppLocale): Promise<void> {
  const { messages, vant } = await loaders[locale]()
  if (!i18n.availableLocales.includes(locale)) i18n.setLocaleMessage(locale, messages)
  i18n.locale.value = locale
  VantLocale.use(locale === 'en' ? 'en-US' : 'zh-CN', vant)
  if (typeof document !== 'undefined') document.documentElement.lang = locale
  saveLocale(locale)
}

/** The language this device chose last time (zh-CN when none, or when its chunk cannot load). */
export async function applySavedLocale(i18n: LocaleComposer): Promise<void> {
  await setAppLocale(i18n, loadLocale()).catch(() => setAppLocale(i18n, DEFAULT_LOCALE))
}
