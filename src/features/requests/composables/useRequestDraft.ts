/**
 * A request form's draft: the shared device draft (restored when the page opens, saved as the
 * user types, so another tab, a reload or an update loses nothing — the photos taken too; guarded
 * on leave while it holds unsent input), checked with the type's rules on submit.
 */
import { ref } from 'vue'
import type { ProcessedPhoto } from '@/platform/photos'
import { useDeviceDraft } from '@/shared/composables/useDeviceDraft'
import { draftKey } from '../data/drafts'
import { draftToInput, emptyDraft, type RequestDraft } from '../domain/draft'
import type { RequestForm } from '../domain/form'
import { validateForm } from '../domain/formSchema'

interface SavedDraft {
  fields: RequestDraft
  photos: ProcessedPhoto[]
  /** Editing: the application's earlier photos still kept (absent in drafts saved before this was offered). */
  kept?: string[]
}
const isSaved = (v: SavedDraft | RequestDraft): v is SavedDraft => typeof v.fields === 'object' && v.fields !== null && Array.isArray(v.photos)

export function useRequestDraft(
  type: () => string,
  scope: () => string,
  initial: () => RequestDraft | null,
  timeZone: () => string,
  /** Editing an application: its photos so far, which the edit keeps unless removed. */
  initialPhotos: () => string[] = () => [],
) {
  const draft = ref<RequestDraft>({})
  const photos = ref<ProcessedPhoto[]>([])
  const kept = ref<string[]>([])
  const errors = ref<Record<string, string>>({})
  const device = useDeviceDraft<SavedDraft | RequestDraft>({
    key: () => draftKey(scope()),
    capture: () => ({ fields: { ...draft.value }, photos: photos.value, kept: kept.value }),
    restore: (saved) => {
      // A draft saved before photos were offered is the fields alone.
      const withPhotos = isSaved(saved)
      draft.value = { ...draft.value, ...(withPhotos ? saved.fields : saved) }
      photos.value = withPhotos ? saved.photos : []
      if (withPhotos && Array.isArray(saved.kept)) kept.value = saved.kept.filter((id) => initialPhotos().includes(id))
    },
  })

  async function load(): Promise<void> {
    draft.value = initial() ?? emptyDraft(type())
    photos.value = []
    kept.value = [...initialPhotos()]
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
  return { draft, photos, kept, errors, ready: device.ready, dirty: device.dirty, load, check, markSent: device.markSent }
}
