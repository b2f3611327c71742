/**
 * A form's device draft (issue #12 point 9): restored when the page opens, saved as the user
 * types, so tapping another tab, a reload or an app update loses nothing (photos included);
 * while it holds input the form counts as dirty (the update prompt waits) and asks before it
 * is left. The form's save drops the draft in its own transaction, then calls markSent.
 * On a page that opens before the device db (`beforeSeed`), call start only once the db is
 * readable (session.dbReadable()).
 *
 * The db code (Dexie) is imported with the first draft read, so a form can paint before it has
 * loaded (issue 13). So that no write lands out of order (a late one bringing back a draft the
 * save dropped), the draft's reads and writes go through one queue: while the db code loads they
 * wait in order; once it is in (and nothing waits) they are issued at once, as a static import
 * would, and IndexedDB runs them in the order issued. A form whose save may race the draft's
 * first write calls hold before its transaction (no write from then on, those issued have landed).
 */
import { computed, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useDirtyGuard } from './useDirtyGuard'
import { askConfirm } from '@/shared/ui/confirm'

type DbCode = typeof import('@/platform/db')

/** The db code once loaded: from then on draft writes are issued synchronously. */
let dbCode: DbCode | null = null
let dbLoading: Promise<DbCode> | null = null
function loadDb(): Promise<DbCode> {
  if (!dbLoading) {
    dbLoading = import('@/platform/db').then((m) => (dbCode = m))
    // A failed load (offline before the chunk was cached) is tried again by the next read or write.
    dbLoading.catch(() => (dbLoading = null))
  }
  return dbLoading
}

export interface DeviceDraftOptions<T> {
  /** The meta key of this form's draft (e.g. `seals.usage:<seal id>`); null keeps none. */
  key: () => string | null
  /** The form's input as a value (plain data and Blobs). */
  capture: () => T
  /** Puts a saved draft back into the form. */
  restore: (saved: T) => void
}

type RefValues<R extends Record<string, Ref>> = { [K in keyof R]: R[K]['value'] }

/** capture/restore for a form held in refs: `{ note, cost }` is kept as `{ note: note.value, cost: cost.value }`. */
export function draftOfRefs<R extends Record<string, Ref>>(refs: R): Pick<DeviceDraftOptions<RefValues<R>>, 'capture' | 'restore'> {
  return {
    capture: () => Object.fromEntries(Object.entries(refs).map(([k, r]) => [k, r.value])) as RefValues<R>,
    restore: (saved) => {
      for (const k of Object.keys(refs) as (keyof R)[]) if (k in saved) refs[k]!.value = saved[k]
    },
  }
}

export function useDeviceDraft<T>(options: DeviceDraftOptions<T>) {
  const { t } = useI18n()
  const ready = ref(false)
  const started = ref(false)
  const sent = ref(false)
  const pristine = ref('')
  let key: string | null = null
  /** Set by hold: the save's transaction drops the draft, no write may follow it. */
  let held = false
  const current = computed(() => JSON.stringify(options.capture()))
  // Input typed while the saved draft (or the db code) is still being read counts too: leaving asks.
  const dirty = computed(() => started.value && !sent.value && current.value !== pristine.value)

  /** Operations waiting for the db code or for one before them; all issued ones have landed when `landed` resolves. */
  let waiting = 0
  let landed: Promise<unknown> = Promise.resolve()
  function inOrder<R>(op: (db: DbCode) => Promise<R>): Promise<R> {
    let run: Promise<R>
    if (dbCode && waiting === 0) run = op(dbCode)
    else {
      waiting++
      run = landed
        .then(loadDb)
        .then(op)
        .finally(() => void waiting--)
    }
    landed = Promise.allSettled([landed, run])
    return run
  }

  /** Call once the form holds its defaults: they are the pristine state; a saved draft goes over them. */
  async function start(): Promise<void> {
    ready.value = false
    sent.value = false
    held = false
    const k = (key = options.key())
    pristine.value = current.value
    started.value = true
    const saved = k ? await inOrder((db) => db.loadFormDraft<T>(db.getDb(), k)) : undefined
    if (saved !== undefined) options.restore(saved)
    ready.value = true
    // Typed while the saved draft was being read: keep it now, not at the next keystroke.
    if (saved === undefined && dirty.value) persist()
  }

  function persist(): void {
    if (!ready.value || sent.value || held || !key) return
    // What is typed now is what is kept, even if the write waits for the db code.
    const k = key
    const keep = dirty.value
    const value = keep ? options.capture() : undefined
    inOrder((db) => (keep ? db.saveFormDraft(db.getDb(), k, value) : db.dropFormDraft(db.getDb(), k))).catch((e: unknown) => console.error('form draft not saved', e))
  }
  watch(current, persist)
  useDirtyGuard(dirty, { kept: true })

  /** A default that arrives after start (a list loaded late) is not input: the form stays pristine. */
  function settle(): void {
    if (!ready.value || !dirty.value) pristine.value = current.value
  }

  /**
   * The form's save is about to drop the draft in its own transaction: from now on no draft write is
   * issued (one landing after that transaction would bring the draft back), and this resolves once
   * the writes already issued have landed. Then markSent; a save that did not happen calls release.
   */
  async function hold(): Promise<void> {
    held = true
    await landed
  }

  /** The save did not happen: the draft is kept again, with what was typed meanwhile. */
  function release(): void {
    held = false
    persist()
  }

  /** The fact is recorded (its transaction dropped the draft): leaving no longer asks. */
  function markSent(): void {
    sent.value = true
    held = false
  }

  /**
   * The user's "cancel": with input typed, asks first (typed text is not thrown away unasked);
   * then drops the draft. Resolves false when the user chose to stay.
   */
  async function discard(): Promise<boolean> {
    if (dirty.value) {
      const sure = await askConfirm({ title: t('dirty.discardTitle'), message: t('dirty.discardMessage'), confirmButtonText: t('dirty.discard'), cancelButtonText: t('dirty.stay') })
      if (!sure) return false
    }
    sent.value = true
    const k = key
    if (k) await inOrder((db) => db.dropFormDraft(db.getDb(), k))
    return true
  }

  return { ready, dirty, start, settle, hold, release, markSent, discard, key: () => key }
}
