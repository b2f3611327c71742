/**
 * Which forms hold unsaved input right now. Forms register a getter; the update prompt and the
 * route-leave guard ask. Reactive, so a computed over it updates as the user types.
 */
import { reactive } from 'vue'

const sources = reactive(new Map<symbol, () => boolean>())

/** Registers a form's "has unsaved input" getter; returns the unregister function. */
export function registerDirtySource(isDirty: () => boolean): () => void {
  const id = Symbol('dirty-source')
  sources.set(id, isDirty)
  return () => {
    sources.delete(id)
  }
}

export function hasUnsavedInput(): boolean {
  for (const isDirty of sources.values()) if (isDirty()) return true
  return false
}

/** For tests. */
export function clearDirtySources(): void {
  sources.clear()
}
