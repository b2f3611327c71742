/** The template editor's draft (a deep copy of the version it starts from), its errors and its save. */
import { inject, provide, ref, shallowRef, type InjectionKey, type Ref } from 'vue'
import { getDb } from '@/platform/db'
import { useDeviceDraft } from '@/shared/composables/useDeviceDraft'
import type { ChecklistTemplateRow } from '@/platform/db/rows'
import type { TemplateItem, TemplateSection, TemplateVersion } from '@/features/inspections/domain/template'
import { parseTemplate } from '@/features/inspections/domain/templateSchema'
import { saveNewVersion, templateRow } from '../data/templates'

/** Field path ('sections.0.items.2.text_zh') → i18n key of its first problem. */
export type TemplateErrors = Record<string, string>
const ERRORS: InjectionKey<Ref<TemplateErrors>> = Symbol('templateErrors')

export function provideTemplateErrors(errors: Ref<TemplateErrors>): void {
  provide(ERRORS, errors)
}

/** For field components: the translated-key error at a path, or ''. */
export function useTemplateError(): (path: string) => string {
  const errors = inject(ERRORS, ref<TemplateErrors>({}))
  return (path) => errors.value[path] ?? ''
}

// New keys are opaque but stable: answers and rectifications refer to items by key.
const newKey = (prefix: string) => `${prefix}_${crypto.randomUUID().replace(/-/g, '').slice(0, 10)}`

export function newItem(): TemplateItem {
  return { key: newKey('item'), text_zh: '', text_en: '', mode: 'pass_fail', max_points: 10, allow_na: false, critical: false, photo_on_fail: true }
}

export function newSection(): TemplateSection {
  return { key: newKey('section'), title_zh: '', title_en: '', items: [newItem()] }
}

/** A plain copy with numbers as numbers (steppers may hand back text while typing). */
function normalised(d: TemplateVersion): TemplateVersion {
  const copy = JSON.parse(JSON.stringify(d)) as TemplateVersion
  for (const s of copy.sections) for (const i of s.items) i.max_points = Number(i.max_points)
  for (const th of copy.grading.thresholds) th.min = Number(th.min)
  copy.grading.pass_mark = Number(copy.grading.pass_mark)
  return copy
}

export function useTemplateEditor() {
  const status = ref<'loading' | 'ready' | 'missing' | 'invalid' | 'error'>('loading')
  const base = shallowRef<ChecklistTemplateRow | null>(null)
  const draft = ref<TemplateVersion | null>(null)
  const errors = ref<TemplateErrors>({})
  const saving = ref(false)
  let draftKey: string | null = null
  // The device draft (issue #12): another tab, a reload or an update loses nothing typed.
  const device = useDeviceDraft<TemplateVersion | null>({
    key: () => draftKey,
    capture: () => draft.value,
    restore: (saved) => void (saved && (draft.value = saved)),
  })

  async function load(id: string): Promise<void> {
    draftKey = `rankings.template:${id}`
    status.value = 'loading'
    try {
      const row = await templateRow(getDb(), id)
      if (!row) return void (status.value = 'missing')
      const parsed = parseTemplate(row)
      if (!parsed.success) return void (status.value = 'invalid')
      base.value = row
      draft.value = structuredClone(parsed.data)
      await device.start()
      status.value = 'ready'
    } catch (e) {
      console.error('template load failed', e)
      status.value = 'error'
    }
  }

  /** The new row when saved; null (and `errors` filled) when the draft is not a valid template. */
  async function save(): Promise<ChecklistTemplateRow | null> {
    if (!draft.value || saving.value) return null
    saving.value = true
    try {
      const r = await saveNewVersion(getDb(), normalised(draft.value), new Date(), device.key())
      if (r.ok) {
        device.markSent()
        errors.value = {}
        return r.row
      }
      const out: TemplateErrors = {}
      for (const i of r.issues) out[i.path.map(String).join('.')] ??= i.message
      errors.value = out
      return null
    } finally {
      saving.value = false
    }
  }

  provideTemplateErrors(errors)
  return { status, base, draft, errors, saving, load, save }
}
