import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { applySavedLocale, createAppI18n } from '@/shared/i18n'
import { ensurePersistentStorage } from '@/shared/lib/storagePersistence'
import { nextTask } from '@/shared/lib/nextTask'
import { useSessionStore } from '@/features/auth'
import App from './App.vue'
import { createAppRouter } from './router'
import { whenIdle } from '@/shared/lib/idle'
import './styles/base.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
// Before mounting: the first render already knows the mode and the last-known identity, so the
// shell (local-mode banner included) paints once in its final layout instead of growing after.
const sessionReady = useSessionStore(pinia).init()
const i18n = createAppI18n()
app.use(i18n)
// The features' messages (and English) are chunks of their own: the shell mounts at once,
// and no page is entered before its language's messages are there.
const messagesReady = applySavedLocale(i18n.global)
// Toasts as status messages, not unnamed dialogs: set before any page can show one. A tiny chunk
// fetched in parallel with the first page's (a static import would put Vant's toast in the entry).
const toastsReady = import('@/shared/ui/toastA11y')
const router = createAppRouter()
router.beforeResolve(() => Promise.all([messagesReady, toastsReady]).then(
  () => true,
  () => true, // Even without them (a chunk that cannot load) the page opens; keys show instead of texts.
))
app.use(router)
// The entry chunk was just evaluated (and the first page's chunks requested): the shell renders in
// a task of its own, so a slow phone runs two shorter tasks instead of one long one.
// (Not a top-level await: that would make the bundler split the entry chunk differently.)
const mounted = nextTask().then(() => {
  app.mount('#app')
})

// The db must be seeded/ready before the engine pushes or pulls. The engine (and its
// transports and response schemas) is a separate chunk loaded once the first screen is
// painted and the main thread is idle: the first screen never waits for it.
Promise.all([sessionReady, router.isReady(), mounted])
  .then(() => whenIdle())
  .then(() => import('./bootstrap/startSync'))
  .then(({ startSync }) => startSync())
  .catch((e: unknown) => console.error('start failed', e))
void ensurePersistentStorage()
