import { createI18n } from 'vue-i18n'
import { Locale as VantLocale } from 'vant'
import vantEnUS from 'vant/es/locale/lang/en-US'
import vantZhCN from 'vant/es/locale/lang/zh-CN'
import zhCN, { type MessageSchema } from './messages/zh-CN'
import en from './messages/en'
import { DEFAULT_LOCALE, loadLocale, saveLocale, type AppLocale } from './locale'

export { LOCALES, DEFAULT_LOCALE, isAppLocale, type AppLocale } from './locale'
export type { MessageSchema }
export const messages: Record<AppLocale, MessageSchema> = { 'zh-CN': zhCN, en }

export function createAppI18n(locale: AppLocale = loadLocale()) {
  const i18n = createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages,
  })
  applyDocumentLocale(locale)
  return i18n
}

export type AppI18n = ReturnType<typeof createAppI18n>

// Key autocompletion for t() in components.
declare module 'vue-i18n' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}

/** Switch the UI language everywhere (vue-i18n, Vant's built-in texts, <html lang>) and remember it. */
export function setAppLocale(current: { value: string }, locale: AppLocale): void {
  current.value = locale
  saveLocale(locale)
  applyDocumentLocale(locale)
}

function applyDocumentLocale(locale: AppLocale): void {
  if (locale === 'en') VantLocale.use('en-US', vantEnUS)
  else VantLocale.use('zh-CN', vantZhCN)
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}
