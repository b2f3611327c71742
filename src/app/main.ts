import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { applySavedLocale, createAppI18n, ensureMessages, loadAllMessages } from '@/shared/i18n'
import { ensurePersistentStorage } from '@/shared/lib/storagePersistence'
import { nextTask } from '@/shared/lib/nextTask'
import { useSessionStore } from '@/features/auth'
import App from './App.vue'
import { createAppRouterInStages } from './router'
import { messagesOf, pagesWaitForMessages } from './router/messages'
import { whenIdle } from '@/shared/lib/idle'
import { afterPaint } from '@/shared/lib/afterPaint'
import { afterSettling } from './bootstrap/afterSettling'
import './styles/base.css'

/**
 * Start-up in stages, each in a task of its own (issue 13): on a slow phone the entry chunk's
 * evaluation, the app's creation, i18n, the session's start, the route table, the initial
 * navigation and the shell's first render made one or two long tasks. The stages start what the
 * network can fetch meanwhile (messages, toasts, the device db's chunk, the first page's chunk) as
 * early as they can. `nextTask` resumes before other queued work, so the shell mounts no later than
 * before. (An async function, not top-level awaits: those would make the bundler split the entry
 * chunk differently.)
 */
async function start(): Promise<void> {
  await nextTask()
  const app = createApp(App)
  const pinia = createPinia()
  app.use(pinia)

  await nextTask()
  const i18n = createAppI18n()
  app.use(i18n)
  // Reading the saved language is the first localStorage access (a blocking call to the browser),
  // and requesting the messages' chunks inserts their style links: with i18n's creation, one long
  // task on a slow phone.
  await nextTask()
  // The messages (and English) are chunks of their own, per namespace: the shell mounts at once,
  // and no page is entered before its language's core messages and its own namespaces are there.
  const messagesReady = applySavedLocale(i18n.global)
  // Toasts as status messages, not unnamed dialogs: set before any page can show one. A tiny chunk
  // fetched in parallel with the first page's (a static import would put Vant's toast in the entry).
  const toastsReady = import('@/shared/ui/toastA11y')

  // Before mounting: the first render already knows the mode and the last-known identity, so the
  // shell (local-mode banner included) paints once in its final layout instead of growing after.
  await nextTask()
  // The device code loads once the first page is painted (when a last-known identity can paint it).
  let firstScreenShown = () => undefined as void
  const shown = new Promise<void>((resolve) => (firstScreenShown = resolve))
  const session = useSessionStore(pinia)
  const sessionReady = session.init(undefined, shown)
  sessionReady.catch(() => undefined) // Shown by the shell (session.status); awaited below.

  // The history and the route table (in stages); then the initial navigation (its guard waits for
  // the session; the first page's chunk is requested once it passes); then the shell renders.
  await nextTask()
  const router = await createAppRouterInStages()
  // The first page's namespaces are fetched with the core messages, not after its guards and chunk.
  void ensureMessages(i18n.global, messagesOf(router.resolve(location.pathname + location.search + location.hash))).catch(() => undefined)
  pagesWaitForMessages(router, i18n.global, messagesReady)
  router.beforeResolve(async () => {
    await toastsReady.catch(() => undefined) // Even without them (a chunk that cannot load) the page opens.
    // The page's chunk has just been evaluated: its first render comes in a task of its own (issue
    // 13: the evaluation and the render were one long task on a slow phone).
    await nextTask()
    return true
  })
  await nextTask()
  app.use(router)
  await nextTask()
  app.mount('#app')
  // The initial navigation done (or failed), its page renders in the next tick and paints a frame later.
  const firstScreen = router
    .isReady()
    .catch(() => undefined)
    .then(() => afterPaint())
  void firstScreen.then(firstScreenShown)
  // The other namespaces, for the next pages and what a page loads later (a key asked for earlier
  // loads its namespace at once; Home's to-do widgets and a scan's outcome load theirs with them):
  // once the first page has settled. Not at the first idle moment, nor when the device db is ready:
  // a page that reads the device db paints its largest content after those (the seal-use form,
  // an inspection, the KPI dashboard: up to ~40 kB of messages before their largest paint).
  void Promise.all([firstScreen, sessionReady.catch(() => undefined)])
    .then(() => afterSettling())
    .then(() => loadAllMessages(i18n.global))
    .catch(() => undefined)

  // The db must be seeded/ready before the engine pushes or pulls. The engine (and its
  // transports and response schemas) is a separate chunk loaded once the first screen is
  // painted and the main thread is idle: the first screen never waits for it.
  await Promise.all([sessionReady, router.isReady()])
  await whenIdle()
  const { startSync } = await import('./bootstrap/startSync')
  await startSync()
}

start().catch((e: unknown) => console.error('start failed', e))
// Asking for persistent storage is a browser call that cost ~15 ms (4x CPU) in the entry's task;
// the answer is only shown on the Me page, and the device db is usable meanwhile.
void whenIdle().then(() => ensurePersistentStorage())
