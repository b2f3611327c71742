/** Supported UI languages and the persisted choice. Pure apart from localStorage. */
export const LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: AppLocale = 'zh-CN'

const STORAGE_KEY = 'adminfield.locale'

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

export function loadLocale(): AppLocale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
    return isAppLocale(saved) ? saved : DEFAULT_LOCALE
  } catch {
    // Storage can be blocked (private mode); fall back to the default.
    return DEFAULT_LOCALE
  }
}

export function saveLocale(locale: AppLocale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale)
  } catch {
    // Not fatal: the choice just won't survive a reload.
  }
}
