/**
 * A form's device draft (issue #12 point 9): restored when the page opens, saved as the user
 * types, so tapping another tab, a reload or an app update loses nothing (photos included);
 * while it holds input the form counts as dirty (the update prompt waits) and asks before it
 * is left. The form's save drops the draft in its own transaction, then calls markSent.
 * On a page that opens before the device db (`beforeSeed`), call start only once the db is
 * readable (session.dbReadable()). The db is imported statically: a write issued later than typed
 * could land after the save's transaction dropped the draft and bring it back.
 */
import { computed, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { dropFormDraft, getDb, loadFormDraft, saveFormDraft } from '@/platform/db'
import { useDirtyGuard } from './useDirtyGuard'
import { askConfirm } from '@/shared/ui/confirm'

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
  const sent = ref(false)
  const pristine = ref('')
  let key: string | null = null
  const current = computed(() => JSON.stringify(options.capture()))
  const dirty = computed(() => ready.value && !sent.value && current.value !== pristine.value)

  /** Call once the form holds its defaults: they are the pristine state; a saved draft goes over them. */
  async function start(): Promise<void> {
    ready.value = false
    sent.value = false
    key = options.key()
    pristine.value = current.value
    const saved = key ? await loadFormDraft<T>(getDb(), key) : undefined
    if (saved !== undefined) options.restore(saved)
    ready.value = true
    // Typed while the saved draft was being read: keep it now, not at the next keystroke.
    if (saved === undefined && dirty.value) persist()
  }

  function persist(): void {
    if (!ready.value || sent.value || !key) return
    const write = dirty.value ? saveFormDraft(getDb(), key, options.capture()) : dropFormDraft(getDb(), key)
    write.catch((e: unknown) => console.error('form draft not saved', e))
  }
  watch(current, persist)
  useDirtyGuard(dirty, { kept: true })

  /** A default that arrives after start (a list loaded late) is not input: the form stays pristine. */
  function settle(): void {
    if (!dirty.value) pristine.value = current.value
  }

  /** The fact is recorded (its transaction dropped the draft): leaving no longer asks. */
  function markSent(): void {
    sent.value = true
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
    if (key) await dropFormDraft(getDb(), key)
    return true
  }

  return { ready, dirty, start, settle, markSent, discard, key: () => key }
}
