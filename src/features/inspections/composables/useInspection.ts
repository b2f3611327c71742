/**
 * The inspect page's state: the area, its template's LATEST version (the inspection keeps
 * that version's id), the draft (persisted on every change), the running score and submit.
 */
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import { getDb } from '@/platform/db'
import type { AreaRow } from '@/platform/db/rows'
import type { ProcessedPhoto } from '@/platform/photos'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'
import { passingRest, type TemplateVersion } from '../domain/template'
import { runningScore, scoreInspection, type ScoringIssue } from '../domain/scoring'
import { getArea } from '../data/areas'
import { readTemplate } from '../domain/templateRead'
import { latestTemplate } from '../data/templates'
import { loadAreaDirectory } from '../data/directory'
import { discardDraft, draftToAnswers, emptyAnswer, loadDraft, saveDraft, type DraftAnswer, type InspectionDraft } from '../data/drafts'
import type { SubmitResult } from '../data/submitInspection'
import { warmImport } from '@/shared/lib/idle'

/** The save (and the rectifications it makes): loaded when the inspector submits, warmed once the checklist shows. */
const loadSubmit = () => import('../data/submitInspection')

export type InspectStatus = 'loading' | 'ready' | 'missing' | 'noTemplate' | 'badTemplate' | 'error'

export function useInspection() {
  const status = ref<InspectStatus>('loading')
  const area = shallowRef<AreaRow | null>(null)
  const template = shallowRef<TemplateVersion | null>(null)
  const draft = ref<InspectionDraft | null>(null)
  const restored = ref(false)
  const timeZone = ref(DEFAULT_TIME_ZONE)
  const issues = ref<ScoringIssue[]>([])
  const saving = ref(false)
  const submitted = ref(false)
  /** A draft write not yet in IndexedDB: the only input that could be lost. */
  const unsaved = ref(false)

  async function load(areaId: string, via: 'scan' | 'list', inspectorId: string): Promise<void> {
    status.value = 'loading'
    try {
      const db = getDb()
      const [a, dir] = await Promise.all([getArea(db, areaId), loadAreaDirectory(db)])
      timeZone.value = dir.timeZone
      area.value = a ?? null
      if (!a) return void (status.value = 'missing')
      const row = await latestTemplate(db, a.template_code)
      if (!row) return void (status.value = 'noTemplate')
      // Read without zod (issue 13): readTemplate accepts exactly what parseTemplate does.
      const read = readTemplate(row)
      if (!read) return void (status.value = 'badTemplate')
      template.value = read
      const saved = await loadDraft(db, areaId)
      // A draft started on an older version stays on it: its answers belong to those items.
      const keep = saved && saved.template_id === row.id
      restored.value = !!keep
      draft.value = keep
        ? { ...saved, via: saved.via === 'scan' || via === 'scan' ? 'scan' : 'list' }
        : { id: crypto.randomUUID(), area_id: areaId, template_id: row.id, inspector_id: inspectorId, via, started_at: new Date().toISOString(), answers: {}, updated_at: '' }
      status.value = 'ready'
      warmImport(loadSubmit)
    } catch (e) {
      console.error('inspection load failed', e)
      status.value = 'error'
    }
  }

  let timer: ReturnType<typeof setTimeout> | null = null
  let writing: Promise<void> = Promise.resolve()
  function persistSoon(): void {
    unsaved.value = true
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void flush(), 200)
  }
  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer)
    timer = null
    const d = draft.value
    if (!d || submitted.value) return
    writing = writing.then(() => saveDraft(getDb(), d)).catch((e) => console.error('draft save failed', e))
    await writing
    unsaved.value = false
  }
  watch(draft, () => status.value === 'ready' && !submitted.value && persistSoon(), { deep: true })

  function answer(key: string): DraftAnswer {
    return draft.value?.answers[key] ?? emptyAnswer()
  }
  function edit(key: string, change: Partial<DraftAnswer>): void {
    const d = draft.value
    if (!d) return
    d.answers[key] = { ...answer(key), ...change }
    issues.value = issues.value.filter((i) => i.item_key !== key)
  }
  const setResult = (key: string, result: DraftAnswer['result'], points: number | null = null) => edit(key, { result, points })
  const setNote = (key: string, note: string) => edit(key, { note })
  const setPhotos = (key: string, photos: ProcessedPhoto[]) => edit(key, { photos })

  /**
   * Issue #12 (fewer taps): every unanswered item of a section (or of the checklist) passes, a
   * points item with full points. Answered items keep their answer. Returns how many it set.
   */
  function passUnanswered(sectionKey?: string): number {
    if (!template.value) return 0
    const rest = passingRest(template.value, (key) => answer(key).result !== null, sectionKey)
    for (const p of rest) setResult(p.key, p.result, p.points)
    return rest.length
  }

  const answers = computed(() => (template.value && draft.value ? draftToAnswers(template.value, draft.value) : []))
  const score = computed(() => (template.value ? runningScore(template.value, answers.value) : null))

  /** The submit's blocking issues (unanswered, missing photos), or the saved result. */
  async function submit(): Promise<{ ok: true; result: SubmitResult } | { ok: false; issues: ScoringIssue[] }> {
    if (!template.value || !draft.value || !area.value || saving.value) return { ok: false, issues: [] }
    const check = scoreInspection(template.value, answers.value)
    if (check.issues.length) {
      issues.value = check.issues
      return { ok: false, issues: check.issues }
    }
    saving.value = true
    try {
      await flush()
      const { submitInspection } = await loadSubmit()
      const result = await submitInspection(getDb(), { draft: draft.value, template: template.value, area: area.value })
      submitted.value = true
      return { ok: true, result }
    } finally {
      saving.value = false
    }
  }

  async function discard(): Promise<void> {
    if (!area.value) return
    submitted.value = true
    await discardDraft(getDb(), area.value.id)
  }

  const issueFor = (key: string) => issues.value.find((i) => i.item_key === key)?.key ?? null

  return reactive({ status, area, template, draft, restored, timeZone, issues, saving, submitted, unsaved, score, load, setResult, setNote, setPhotos, passUnanswered, answer, issueFor, submit, discard, flush })
}

export type InspectionForm = ReturnType<typeof useInspection>
// Kept here too for the pages that import them with the composable.
export { INSPECTION_KEY, injectInspection, type ChecklistForm } from './checklistForm'
