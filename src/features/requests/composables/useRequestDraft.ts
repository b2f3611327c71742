/**
 * A request form's draft: restored from the device when the page opens, saved as the user types
 * (so another tab, a reload or an update loses nothing), checked with the type's rules on submit,
 * and guarded on leave while it holds unsent input.
 */
import { computed, ref, watch } from 'vue'
import { getDb } from '@/platform/db'
import { useDirtyGuard } from '@/shared/composables/useDirtyGuard'
import { loadRequestDraft, saveRequestDraft } from '../data/drafts'
import { draftToInput, emptyDraft, type RequestDraft } from '../domain/draft'
import { validateForm, type RequestForm } from '../domain/form'

export function useRequestDraft(type: () => string, scope: () => string, initial: () => RequestDraft | null, timeZone: () => string) {
  const draft = ref<RequestDraft>({})
  const pristine = ref('')
  const errors = ref<Record<string, string>>({})
  const ready = ref(false)
  const sent = ref(false)

  async function load(): Promise<void> {
    ready.value = false
    const base = initial() ?? emptyDraft(type())
    pristine.value = JSON.stringify(base)
    draft.value = { ...base, ...((await loadRequestDraft(getDb(), scope())) ?? {}) }
    errors.value = {}
    sent.value = false
    ready.value = true
  }

  const dirty = computed(() => ready.value && !sent.value && JSON.stringify(draft.value) !== pristine.value)
  watch(draft, (d) => {
    if (ready.value && !sent.value) void saveRequestDraft(getDb(), scope(), d)
  })
  useDirtyGuard(dirty)

  /** The validated form, or null with `errors` set (i18n keys by field). */
  function check(): RequestForm | null {
    const r = validateForm(type(), draftToInput(type(), draft.value, timeZone()))
    errors.value = r.ok ? {} : r.issues
    return r.ok ? r.form : null
  }

  /** Call once the form is committed: the draft went in the same transaction; leaving no longer asks. */
  function markSent(): void {
    sent.value = true
  }

  return { draft, errors, ready, dirty, load, check, markSent }
}
