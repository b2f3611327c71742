/**
 * A request form's draft: the shared device draft (restored when the page opens, saved as the
 * user types, so another tab, a reload or an update loses nothing; guarded on leave while it
 * holds unsent input), checked with the type's rules on submit.
 */
import { ref } from 'vue'
import { useDeviceDraft } from '@/shared/composables/useDeviceDraft'
import { draftKey } from '../data/drafts'
import { draftToInput, emptyDraft, type RequestDraft } from '../domain/draft'
import { validateForm, type RequestForm } from '../domain/form'

export function useRequestDraft(type: () => string, scope: () => string, initial: () => RequestDraft | null, timeZone: () => string) {
  const draft = ref<RequestDraft>({})
  const errors = ref<Record<string, string>>({})
  const device = useDeviceDraft<RequestDraft>({
    key: () => draftKey(scope()),
    capture: () => ({ ...draft.value }),
    restore: (saved) => void (draft.value = { ...draft.value, ...saved }),
  })

  async function load(): Promise<void> {
    draft.value = initial() ?? emptyDraft(type())
    errors.value = {}
    await device.start()
  }

  /** The validated form, or null with `errors` set (i18n keys by field). */
  function check(): RequestForm | null {
    const r = validateForm(type(), draftToInput(type(), draft.value, timeZone()))
    errors.value = r.ok ? {} : r.issues
    return r.ok ? r.form : null
  }

  /** Call once the form is committed: the draft went in the same transaction; leaving no longer asks. */
  return { draft, errors, ready: device.ready, dirty: device.dirty, load, check, markSent: device.markSent }
}
