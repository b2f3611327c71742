/**
 * The check-in walk-through in progress: bed, room, rules and the stay it checks in; the draft, saved
 * on every change (photos included) so a reload resumes at the same step; the inventory answers as a
 * checklist run (it provides the ChecklistForm that ChecklistItem reads); and the save.
 */
import { computed, effectScope, onScopeDispose, reactive, ref, shallowRef, watch } from 'vue'
import type { AssetRow, DormBedRow, DormBuildingRow, DormRoomRow, DormStayRow } from '@/platform/db/rows'
import { useSessionStore } from '@/features/auth'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'
import type { TemplateVersion } from '@/features/inspections/domain/template'
import type { DraftAnswer } from '@/features/inspections/data/drafts'
import type { ProcessedPhoto } from '@/platform/photos'
import { warmImport } from '@/shared/lib/idle'
import type { CheckInDraft } from '../data/checkIn'
import type { useInventoryAnswers } from './useInventoryAnswers'

/**
 * The device db and the data code: loaded when the walk-through reads, so the page paints its frame
 * and hint before Dexie has downloaded (issue 13).
 */
const loadData = () => import('./checkInData')
type CheckInData = Awaited<ReturnType<typeof loadData>>
type InventoryAnswers = ReturnType<typeof useInventoryAnswers>
/** The save validates with zod: loaded when the resident saves (warmed once the walk-through shows), not to show it. */
const loadCheckInSubmit = () => import('../data/checkInSubmit')

export const CHECK_IN_STEPS = ['inventory', 'meters', 'keys', 'rules'] as const

/**
 * Until the data code is in: no sections (the page shows them once ready). The built-in inventory
 * comes with the data code, so its module (and the inspections' defaults it imports) is not on the
 * path of the first paint (issue 13).
 */
const NO_TEMPLATE: TemplateVersion = { code: '', version: 0, name_zh: '', name_en: '', sections: [], grading: { thresholds: [], pass_mark: 0 } }

export function useCheckIn() {
  const status = ref<'loading' | 'ready' | 'missing' | 'notYours' | 'error'>('loading')
  const bed = shallowRef<DormBedRow | null>(null)
  const room = shallowRef<DormRoomRow | null>(null)
  const building = shallowRef<DormBuildingRow | null>(null)
  const stay = shallowRef<DormStayRow | null>(null)
  const roomKeys = shallowRef<AssetRow[]>([])
  const template = shallowRef<TemplateVersion>(NO_TEMPLATE)
  const draft = ref<CheckInDraft | null>(null)
  const stepError = ref<string | null>(null)
  const saving = ref(false)
  const timeZone = ref(DEFAULT_TIME_ZONE)
  let done = false
  const session = useSessionStore()
  /** Set by load(): everything that writes or checks a draft runs only once there is one, so after it. */
  let data: CheckInData | null = null
  const loaded = (): CheckInData => {
    if (!data) throw new Error('check-in data not loaded')
    return data
  }
  // The inventory's answers come with the data code (their helpers import the db): made in this
  // scope once loaded, stopped with the page.
  const scope = effectScope()
  onScopeDispose(() => scope.stop())
  const inventory = shallowRef<InventoryAnswers | null>(null)
  const answers = (): InventoryAnswers => {
    if (!inventory.value) throw new Error('check-in data not loaded')
    return inventory.value
  }

  async function load(bedId: string, userId: string, manager: boolean): Promise<void> {
    status.value = 'loading'
    try {
      // On a fresh device the db may not hold its queries for the demo seed yet: never read it empty.
      const [d] = await Promise.all([loadData(), session.dbReadable()])
      data = d
      inventory.value ??= scope.run(() => d.useInventoryAnswers(draft, template)) ?? null
      const { latestTemplate, readTemplate, loadCheckInDraft, newCheckInDraft, roomKeys: loadRoomKeys, DORM_INVENTORY_CODE, DORM_INVENTORY_TEMPLATE_ID, DORM_INVENTORY_V1 } = d
      const db = d.getDb()
      bed.value = (await db.dorm_beds.get(bedId)) ?? null
      if (!bed.value || bed.value.deleted_at) return void (status.value = 'missing')
      room.value = (await db.dorm_rooms.get(bed.value.room_id)) ?? null
      building.value = (await db.dorm_buildings.get(bed.value.building_id)) ?? null
      const stays = (await db.dorm_stays.where('bed_id').equals(bedId).toArray()).filter((s) => s.status === 'reserved' && s.deleted_at === null)
      // My own stay on this bed; the dorm manager checks in whoever holds it.
      stay.value = stays.find((s) => s.occupant_id === userId) ?? (manager ? (stays.find((s) => s.id === bed.value?.stay_id) ?? null) : null)
      if (!stay.value) return void (status.value = 'notYours')
      timeZone.value = (await db.company.toArray()).find((c) => c.deleted_at === null)?.timezone || DEFAULT_TIME_ZONE
      const row = await latestTemplate(db, DORM_INVENTORY_CODE)
      const read = row ? readTemplate(row) : null
      template.value = read ?? DORM_INVENTORY_V1
      const templateId = read && row ? row.id : DORM_INVENTORY_TEMPLATE_ID
      const saved = await loadCheckInDraft(db, bedId)
      roomKeys.value = await loadRoomKeys(db, bed.value.room_id)
      draft.value = saved && saved.stay_id === stay.value.id && saved.template_id === templateId ? saved : newCheckInDraft(bedId, stay.value.id, templateId)
      status.value = 'ready'
      warmImport(loadCheckInSubmit)
    } catch (e) {
      console.error('check-in load failed', e)
      status.value = 'error'
    }
  }

  watch(draft, (d) => d && !done && void loaded().saveCheckInDraft(loaded().getDb(), d).catch((e) => console.error('check-in draft save failed', e)), { deep: true })

  // The page and ChecklistItem call these once the walk-through is ready (the data loaded).
  const issues = computed(() => inventory.value?.issues.value ?? [])
  const score = computed(() => inventory.value?.score.value ?? null)
  const answer = (key: string): DraftAnswer => answers().answer(key)
  const setResult = (key: string, result: DraftAnswer['result'], points: number | null = null) => answers().setResult(key, result, points)
  const setNote = (key: string, note: string) => answers().setNote(key, note)
  const setPhotos = (key: string, photos: ProcessedPhoto[]) => answers().setPhotos(key, photos)
  const passUnanswered = (): number => answers().passUnanswered()
  const issueFor = (key: string) => inventory.value?.issueFor(key) ?? null
  const complete = (): boolean => inventory.value?.complete() ?? false

  /** Checks the current step; moves on when it is complete. */
  function next(): boolean {
    const d = draft.value
    if (!d) return false
    stepError.value = null
    if (d.step === 0 && !complete()) return false
    if (d.step === 1) {
      if (loaded().checkInStepIssue(d, template.value)?.step === 'meters') {
        stepError.value = 'dorms.checkIn.metersMissing'
        return false
      }
    }
    d.step = Math.min(d.step + 1, CHECK_IN_STEPS.length - 1)
    return true
  }
  function back(): void {
    if (draft.value && draft.value.step > 0) draft.value.step -= 1
  }

  async function submit(actorId: string): Promise<boolean> {
    const d = draft.value
    if (!d || !stay.value || !bed.value || saving.value) return false
    // Marked saving before the import: a double tap cannot save twice.
    saving.value = true
    try {
      const save = await loadCheckInSubmit()
      const r = save.checkInFromDraft(d, template.value)
      if (!r.ok) {
        stepError.value = r.step === 'rules' ? 'dorms.checkIn.signFirst' : r.step === 'meters' ? 'dorms.checkIn.metersMissing' : 'dorms.checkIn.inventoryMissing'
        d.step = CHECK_IN_STEPS.indexOf(r.step)
        return false
      }
      done = true
      await save.submitCheckIn(loaded().getDb(), { draft: d, template: template.value, occupantId: stay.value.occupant_id, siteId: bed.value.site_id, actorId })
      return true
    } catch (e) {
      done = false
      throw e
    } finally {
      saving.value = false
    }
  }

  return reactive({ status, bed, room, building, stay, roomKeys, template, draft, issues, stepError, saving, timeZone, score, load, answer, setResult, setNote, setPhotos, passUnanswered, issueFor, next, back, submit })
}
