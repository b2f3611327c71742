/**
 * A pre-trip check in progress: the same answer/score model as an area inspection (it provides
 * the ChecklistForm that ChecklistItem reads), with the vehicle as subject and its own draft.
 */
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import { getDb } from '@/platform/db'
import type { ProcessedPhoto } from '@/platform/photos'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'
import type { TemplateVersion } from '@/features/inspections/domain/template'
import { parseTemplate } from '@/features/inspections/domain/templateSchema'
import { runningScore, scoreInspection, type ScoringIssue } from '@/features/inspections/domain/scoring'
import { latestTemplate } from '@/features/inspections/data/templates'
import { draftToAnswers } from '@/features/inspections/data/submitInspection'
import { emptyAnswer, type DraftAnswer, type InspectionDraft } from '@/features/inspections/data/drafts'
import { loadVehicleSummary, type VehicleSummary } from '../data/vehicleSummary'
import { loadCheckDraft, saveCheckDraft } from '../data/checkDrafts'
import { submitVehicleCheck, type CheckResult } from '../data/checks'
import { PRETRIP_TEMPLATE_CODE, PRETRIP_TEMPLATE_ID, VEHICLE_PRETRIP_V1 } from '../domain/preTrip'

export function usePrecheck() {
  const status = ref<'loading' | 'ready' | 'missing' | 'error'>('loading')
  const vehicle = shallowRef<VehicleSummary | null>(null)
  const template = shallowRef<TemplateVersion>(VEHICLE_PRETRIP_V1)
  const draft = ref<InspectionDraft | null>(null)
  const timeZone = ref(DEFAULT_TIME_ZONE)
  const issues = ref<ScoringIssue[]>([])
  const saving = ref(false)
  let done = false

  async function load(vehicleId: string, driverId: string): Promise<void> {
    status.value = 'loading'
    try {
      const db = getDb()
      vehicle.value = await loadVehicleSummary(db, vehicleId)
      if (!vehicle.value) return void (status.value = 'missing')
      timeZone.value = vehicle.value.timeZone
      // The synced template when the device has one; the built-in version otherwise.
      const row = await latestTemplate(db, PRETRIP_TEMPLATE_CODE)
      const parsed = row ? parseTemplate(row) : null
      template.value = parsed?.success ? parsed.data : VEHICLE_PRETRIP_V1
      const templateId = parsed?.success && row ? row.id : PRETRIP_TEMPLATE_ID
      const saved = await loadCheckDraft(db, vehicleId)
      draft.value =
        saved && saved.template_id === templateId
          ? saved
          : { id: crypto.randomUUID(), area_id: vehicleId, template_id: templateId, inspector_id: driverId, via: 'scan', started_at: new Date().toISOString(), answers: {}, updated_at: '' }
      status.value = 'ready'
    } catch (e) {
      console.error('pre-trip check load failed', e)
      status.value = 'error'
    }
  }

  watch(draft, (d) => d && !done && void saveCheckDraft(getDb(), d).catch((e) => console.error('check draft save failed', e)), { deep: true })

  const answer = (key: string): DraftAnswer => draft.value?.answers[key] ?? emptyAnswer()
  function edit(key: string, change: Partial<DraftAnswer>): void {
    if (!draft.value) return
    draft.value.answers[key] = { ...answer(key), ...change }
    issues.value = issues.value.filter((i) => i.item_key !== key)
  }
  const setResult = (key: string, result: DraftAnswer['result'], points: number | null = null) => edit(key, { result, points })
  const setNote = (key: string, note: string) => edit(key, { note })
  const setPhotos = (key: string, photos: ProcessedPhoto[]) => edit(key, { photos })
  const issueFor = (key: string) => issues.value.find((i) => i.item_key === key)?.key ?? null

  const answers = computed(() => (draft.value ? draftToAnswers(template.value, draft.value) : []))
  const score = computed(() => runningScore(template.value, answers.value))

  async function submit(): Promise<{ ok: true; result: CheckResult } | { ok: false; issues: ScoringIssue[] }> {
    if (!draft.value || saving.value) return { ok: false, issues: [] }
    const check = scoreInspection(template.value, answers.value)
    if (check.issues.length) return { ok: false, issues: (issues.value = check.issues) }
    saving.value = true
    try {
      done = true
      return { ok: true, result: await submitVehicleCheck(getDb(), { draft: draft.value, template: template.value }) }
    } catch (e) {
      done = false
      throw e
    } finally {
      saving.value = false
    }
  }

  return reactive({ status, vehicle, template, draft, timeZone, issues, saving, score, load, answer, setResult, setNote, setPhotos, issueFor, submit })
}
