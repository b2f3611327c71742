/**
 * Messages per feature (issue 13): a page opens once the core messages and its route's namespaces
 * are there (app/router/messages.ts), the others load once the first page is on screen. These
 * tests fail when a page's code (what its component imports statically, within src) spells keys
 * of a namespace its route does not name: it would show raw keys on a first visit.
 */
import '../../components/support/vantCss'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RouteRecordRaw } from 'vue-router'
import { routes } from '@/app/router/routes'
import { SHELL_LAZY_MESSAGES, messagesOf, pagesWaitForMessages } from '@/app/router/messages'
import { MESSAGE_NAMESPACES, applySavedLocale, createAppI18n } from '@/shared/i18n'
import en from '@/shared/i18n/messages/en'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import demo from '@/platform/demo/demo-company.json'
import { useSessionStore } from '@/features/auth'
import { createAppRouter } from '@/app/router'
import { freshDb } from '../features/testDb'
import { FEATURE_NAMESPACES, SRC, closure, lazyParts, namespacesUsed } from './support/messageUse'
import { WIDGETS } from '@/features/home/components/todoWidgets'
import { SCAN_OUTCOME_MESSAGES } from '@/features/scan/outcomeMessages'

/** The file a loader imports (vitest turns `import('./pages/X.vue')` into a root-relative path). */
function fileLoadedBy(loader: unknown): string | null {
  const m = /import__\(\s*["']\/src\/([^"']+)["']\s*\)/.exec(String(loader))
  return m?.[1] ? join(SRC, m[1]) : null
}

/** The page file a route loads. */
function pageOf(route: RouteRecordRaw): string | null {
  return 'component' in route && route.component ? fileLoadedBy(route.component) : null
}

const pages = routes.filter((r) => !('redirect' in r && r.redirect)).map((route) => ({ route, page: pageOf(route) }))
const declared = (route: RouteRecordRaw) => messagesOf({ matched: [{ meta: route.meta ?? {} }] } as never)
const shell = closure(join(SRC, 'app/App.vue'))

describe('messages per route', () => {
  it('finds the page of every route', () => {
    expect(pages.filter((p) => p.page === null).map((p) => String(p.route.name))).toEqual([])
    expect(pages.length).toBeGreaterThan(50)
  })

  it('loads with every page the namespaces its code shows (its static imports)', () => {
    const missing: string[] = []
    for (const { route, page } of pages) {
      const has = declared(route)
      for (const [namespace, where] of namespacesUsed(closure(page!))) {
        if (!has.includes(namespace as never)) missing.push(`${String(route.name)}: ${namespace}, used by ${where}`)
      }
    }
    // Fix: add the namespace to the route's meta.messages (its feature's routes.ts).
    expect(missing).toEqual([])
  })

  it('names no namespace a page does not use (each costs a request before the page opens)', () => {
    const extra: string[] = []
    for (const { route, page } of pages) {
      const used = namespacesUsed(closure(page!))
      for (const namespace of route.meta?.messages ?? []) if (!used.has(namespace)) extra.push(`${String(route.name)}: ${namespace}`)
    }
    expect(extra).toEqual([])
  })

  it('keeps feature keys out of the shell, which renders before any namespace is there', () => {
    expect([...namespacesUsed(shell)]).toEqual([])
  })

  it('loads the namespaces of the shell\'s lazy parts (the bell) once the device db is ready, when they may show', () => {
    const parts = lazyParts(shell)
    expect(parts.some((file) => file.endsWith('ReminderBell.vue'))).toBe(true)
    const missing: string[] = []
    for (const part of parts) {
      for (const [namespace, where] of namespacesUsed(closure(part))) {
        if (!SHELL_LAZY_MESSAGES.includes(namespace as never)) missing.push(`${namespace}, used by ${where}`)
      }
    }
    // Fix: add the namespace to SHELL_LAZY_MESSAGES (app/router/messages.ts).
    expect(missing).toEqual([])
  })

  it("loads with each of Home's to-do widgets the namespaces its code shows (they open after Home)", () => {
    const missing: string[] = []
    for (const [key, [, load, namespaces]] of Object.entries(WIDGETS)) {
      const widget = fileLoadedBy(load)
      expect(widget, key).not.toBeNull()
      for (const [namespace, where] of namespacesUsed(closure(widget!))) {
        if (!(namespaces as readonly string[]).includes(namespace)) missing.push(`${key}: ${namespace}, used by ${where}`)
      }
    }
    // Fix: add the namespace to the widget's entry in home/components/todoWidgets.ts.
    expect(missing).toEqual([])
  })

  it("loads with a scan's outcome the namespaces it shows besides the scan page's", () => {
    const scan = routes.find((r) => r.name === 'scan')!
    const has = [...declared(scan), ...SCAN_OUTCOME_MESSAGES]
    const outcome = closure(join(SRC, 'features/scan/components/ScanOutcome.vue'))
    const missing = [...namespacesUsed(outcome)].filter(([namespace]) => !has.includes(namespace as never))
    // Fix: add the namespace to SCAN_OUTCOME_MESSAGES (features/scan/outcomeMessages.ts).
    expect(missing).toEqual([])
  })

  it('loads every namespace once the first page is shown, for what pages and the shell load lazily', () => {
    // What a page loads through a dynamic import is not waited for by the router: Home's to-do
    // widgets and a scan's outcome load their namespaces with them (tests above); the rest (a
    // dialog, a later step) is covered by loadAllMessages (main.ts: once the first page has
    // settled), which loads every namespace file, and before that by the missing-key handler,
    // which loads a namespace the moment one of its keys is asked for.
    expect([...MESSAGE_NAMESPACES].sort()).toEqual(FEATURE_NAMESPACES)
    const lazy = new Set<string>()
    for (const { page } of pages) for (const namespace of namespacesUsed(closure(page!, { dynamic: true })).keys()) lazy.add(namespace)
    for (const namespace of namespacesUsed(closure(join(SRC, 'app/App.vue'), { dynamic: true })).keys()) lazy.add(namespace)
    for (const namespace of lazy) expect(MESSAGE_NAMESPACES).toContain(namespace)
  })
})

describe('pages wait for their messages', () => {
  it('opens a page once its namespaces are there, in the language being chosen', async () => {
    setActivePinia(createPinia())
    const session = useSessionStore()
    await session.init(freshDb())
    await session.identityReady()
    localStorage.setItem('adminfield.locale', 'en')
    const { global: i18n } = createAppI18n()
    const router = createAppRouter(createMemoryHistory())
    pagesWaitForMessages(router, i18n, applySavedLocale(i18n))
    await router.push('/scan') // titled from the core file; shows the scanner's texts
    expect(i18n.locale.value).toBe('en')
    expect(i18n.t('scanner.pageTip')).toBe(en.scanner.pageTip)
    expect(i18n.te('seals.titles.usageNew', 'en')).toBe(false)
    await router.push(`/seals/${demo.assets.find((a) => a.number === 'SEAL-0001')!.id}/usage/new`)
    expect(router.currentRoute.value.name).toBe('sealUsageNew')
    expect(i18n.t('seals.titles.usageNew')).toBe(en.seals.titles.usageNew)
    expect(i18n.t('requests.applicant')).toBe(en.requests.applicant)
    expect(i18n.te('dorms.bedLabel', 'en')).toBe(false)
    localStorage.removeItem('adminfield.locale')
  })
})
