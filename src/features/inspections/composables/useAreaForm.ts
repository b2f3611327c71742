/**
 * The area form's state, options and save (zod at the edge; error messages are i18n keys). What is
 * typed is a device draft (issue #12) per area ('new' for a new one); the save drops it in its transaction.
 */
import { reactive, ref, shallowRef } from 'vue'
import { getDb } from '@/platform/db'
import { useDeviceDraft } from '@/shared/composables/useDeviceDraft'
import type { ChecklistTemplateRow } from '@/platform/db/rows'
import { getArea } from '../data/areas'
import { latestTemplates } from '../data/templates'
import { loadAreaDirectory, peopleWithRole, type NamedRow } from '../data/directory'
import { areaInputSchema, areaIssues } from '../data/areaInput'
import { createArea, updateArea } from '../data/areaWrite'
import { defaultTemplateCode } from '../areaTypes'

export function useAreaForm() {
  const status = ref<'loading' | 'ready' | 'missing' | 'error'>('loading')
  const editing = ref(false)
  const draft = reactive({ id: '', site_id: '', building: '', floor: '', name: '', area_type: 'office', responsible_id: '', department_id: '', frequency: 'daily', template_code: 'sanitation' })
  const key = ref<string | null>(null)
  const sites = shallowRef<NamedRow[]>([])
  const departments = shallowRef<NamedRow[]>([])
  const people = shallowRef<NamedRow[]>([])
  const templates = shallowRef<ChecklistTemplateRow[]>([])
  const errors = ref<Record<string, string>>({})
  const saving = ref(false)
  // The area's id is not input: a new area's draft keeps what was typed, the id is made anew.
  const device = useDeviceDraft({
    key: () => key.value,
    capture: () => ({ ...draft, id: '' }),
    restore: (saved) => Object.assign(draft, { ...saved, id: draft.id }),
  })
  const dirty = device.dirty

  async function load(id: string | null): Promise<void> {
    status.value = 'loading'
    try {
      const db = getDb()
      const [dir, cleaners, tpl] = await Promise.all([loadAreaDirectory(db), peopleWithRole(db, ['cleaner']), latestTemplates(db)])
      sites.value = dir.sites
      departments.value = dir.departments
      people.value = cleaners
      templates.value = tpl
      editing.value = !!id
      if (id) {
        const a = await getArea(db, id)
        if (!a) return void (status.value = 'missing')
        Object.assign(draft, { ...a, responsible_id: a.responsible_id ?? '', department_id: a.department_id ?? '' })
      } else {
        Object.assign(draft, { id: crypto.randomUUID(), site_id: dir.sites[0]?.id ?? '' })
      }
      key.value = `inspections.area:${id ?? 'new'}`
      await device.start()
      status.value = 'ready'
    } catch (e) {
      console.error('area form load failed', e)
      status.value = 'error'
    }
  }

  /** A new type suggests its template family (greening for green areas). */
  function setType(type: string): void {
    if (draft.template_code === defaultTemplateCode(draft.area_type)) draft.template_code = defaultTemplateCode(type)
    draft.area_type = type
  }

  /** The saved area's id, or null when the input is invalid (errors filled). */
  async function save(): Promise<string | null> {
    if (saving.value) return null
    const parsed = areaInputSchema.safeParse({
      id: draft.id,
      site_id: draft.site_id,
      building: draft.building,
      floor: draft.floor,
      name: draft.name,
      area_type: draft.area_type,
      responsible_id: draft.responsible_id || null,
      department_id: draft.department_id || null,
      frequency: draft.frequency,
      template_code: draft.template_code,
    })
    if (!parsed.success) {
      errors.value = areaIssues(parsed.error.issues)
      return null
    }
    errors.value = {}
    saving.value = true
    try {
      const db = getDb()
      const row = editing.value ? await updateArea(db, parsed.data, new Date(), device.key()) : await createArea(db, parsed.data, new Date(), device.key())
      device.markSent()
      return row.id
    } finally {
      saving.value = false
    }
  }

  return { status, editing, draft, sites, departments, people, templates, errors, saving, dirty, load, setType, save }
}
