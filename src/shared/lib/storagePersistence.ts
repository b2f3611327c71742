/**
 * Asks the browser once to keep our IndexedDB under storage pressure (unsynced writes live there),
 * and exposes the result for the Me page.
 */
import { ref } from 'vue'

export type PersistState = 'checking' | 'persisted' | 'not_persisted' | 'unsupported'

const ASKED_KEY = 'adminfield.persistAsked'

export const persistState = ref<PersistState>('checking')

export async function ensurePersistentStorage(): Promise<PersistState> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage
  if (!storage?.persisted || !storage.persist) {
    persistState.value = 'unsupported'
    return persistState.value
  }
  try {
    let granted = await storage.persisted()
    if (!granted && !alreadyAsked()) {
      markAsked()
      granted = await storage.persist()
    }
    persistState.value = granted ? 'persisted' : 'not_persisted'
  } catch {
    persistState.value = 'unsupported'
  }
  return persistState.value
}

function alreadyAsked(): boolean {
  try {
    return localStorage.getItem(ASKED_KEY) === '1'
  } catch {
    return false
  }
}

function markAsked(): void {
  try {
    localStorage.setItem(ASKED_KEY, '1')
  } catch {
    // Not fatal: we may ask again next start.
  }
}
