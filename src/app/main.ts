import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { createAppI18n } from '@/shared/i18n'
import { ensurePersistentStorage } from '@/shared/lib/storagePersistence'
import { useSessionStore } from '@/features/auth'
import App from './App.vue'
import { createAppRouter } from './router'
import './styles/base.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(createAppI18n())
app.use(createAppRouter())
app.mount('#app')

// The db must be seeded/ready before the engine pushes or pulls. The engine (and its
// transports and response schemas) is a separate chunk: the first screen does not wait for it.
useSessionStore(pinia)
  .init()
  .then(() => import('./bootstrap/startSync'))
  .then(({ startSync }) => startSync())
  .catch((e: unknown) => console.error('start failed', e))
void ensurePersistentStorage()
