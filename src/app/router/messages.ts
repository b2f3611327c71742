/**
 * The message namespaces a page shows (issue 13, messages per feature): the namespace of its title
 * key (a feature's pages title themselves from their own namespace) and those its meta names for
 * what it shows of other features. The core file is always there. tests/unit/app/routeMessages.test.ts
 * checks each route against what its page's code spells out, so the list cannot drift.
 */
import type { RouteLocationNormalized, Router } from 'vue-router'
import { ensureMessages, isMessageNamespace, type LocaleComposer, type MessageNamespace } from '@/shared/i18n'

declare module 'vue-router' {
  interface RouteMeta {
    /** Namespaces of other features' messages the page shows from its first render (its title's comes with it). */
    messages?: readonly MessageNamespace[]
  }
}

/**
 * The namespaces of the shell's lazy parts: the reminder bell, which shows once the device db is
 * ready (AppHeader loads them with its chunk). tests/unit/app/routeMessages.test.ts keeps the list complete.
 */
export const SHELL_LAZY_MESSAGES: readonly MessageNamespace[] = ['tasks']

export function messagesOf(route: Pick<RouteLocationNormalized, 'matched'>): MessageNamespace[] {
  const namespaces = new Set<MessageNamespace>()
  for (const { meta } of route.matched) {
    const titled = meta.titleKey?.split('.')[0]
    if (isMessageNamespace(titled)) namespaces.add(titled)
    for (const namespace of meta.messages ?? []) namespaces.add(namespace)
  }
  return [...namespaces]
}

/**
 * No page opens before its messages are there (the core file and messagesOf): each navigation
 * starts loading them while the page's chunk loads, and waits for them before the page renders,
 * once `localeReady` (the saved language chosen) has settled. A page still opens when they
 * cannot load (offline before the service worker has them): keys show instead of texts.
 */
export function pagesWaitForMessages(router: Router, i18n: LocaleComposer, localeReady: Promise<unknown>): void {
  router.beforeEach((to) => void ensureMessages(i18n, messagesOf(to)).catch(() => undefined))
  router.beforeResolve((to) =>
    localeReady
      .catch(() => undefined)
      .then(() => ensureMessages(i18n, messagesOf(to)))
      .then(
        () => true,
        () => true,
      ),
  )
}
