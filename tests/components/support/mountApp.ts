import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createAppI18n } from '@/shared/i18n'
import zhCN from '@/shared/i18n/messages/zh-CN'

/** Pinia + i18n (zh-CN) as the app installs them, for mounting components. */
export function appPlugins(): { pinia: Pinia; plugins: [Pinia, ReturnType<typeof createAppI18n>] } {
  const pinia = createPinia()
  setActivePinia(pinia)
  return { pinia, plugins: [pinia, createAppI18n(zhCN)] }
}
