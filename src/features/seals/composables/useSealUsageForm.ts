/**
 * The 用印登记 form's state and its save: validate with sealUsageSchema (messages are i18n
 * keys), derive the take-out's check-out event, then one transaction with the photos.
 * The device db is reached only through ../data/usageFormDb, imported lazily once the db holds
 * its queries for the seed: the page paints before Dexie loads (issue 13).
 */
import { inject, reactive, ref, shallowRef, type InjectionKey } from 'vue'
import type { AssetRow, RequestRow, SealUsageRow } from '@/platform/db/rows'
import type { ProcessedPhoto } from '@/platform/photos'
import { useSessionStore } from '@/features/auth'
import { namesAsset, parseRequestCode, pickProblem, type PickProblem } from '@/features/requests/domain/pickCode'
import { sealUsageCheckOut } from '@/features/assets/domain/sealUsage'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'
import { useDeviceDraft } from '@/shared/composables/useDeviceDraft'
import { draftFromApplication, draftFromLast, draftToInput, emptyDraft, issuesByField } from '../domain/form'
import { defaultTakeOutDue, toZonedInput } from '../domain/zonedInput'
import type { RequesterOption } from '../data/sealRepository'
import { warmImport } from '@/shared/lib/idle'

/** Whether an application's 印章名称 names this seal (its name or its number, spaces ignored). */
const namesSeal = (app: RequestRow, seal: AssetRow): boolean => namesAsset(app.form.seal_name, seal)

/** The save's schemas (zod): loaded by the first save, warmed when the form opens. */
const loadSchemas = () => Promise.all([import('@/features/assets/domain/sealUsageSchema'), import('@/features/assets/domain/custodyEventSchema')])

export function useSealUsageForm() {
  const session = useSessionStore()
  /** The db code, once the db holds its queries for the seed (at once on a device that started before). */
  const dbCode = async () => (await Promise.all([import('../data/usageFormDb'), session.dbReadable()]))[0]
  const status = ref<'loading' | 'ready' | 'missing' | 'error'>('loading')
  const seal = shallowRef<AssetRow | null>(null)
  const last = shallowRef<SealUsageRow | null>(null)
  const people = shallowRef<RequesterOption[]>([])
  const timeZone = ref(DEFAULT_TIME_ZONE)
  const draft = reactive(emptyDraft())
  const photos = ref<ProcessedPhoto[]>([])
  const errors = ref<Record<string, string>>({})
  const saving = ref(false)
  /** 用印申请: the approved application this use carries out; none needs an emergency reason. */
  const applications = shallowRef<RequestRow[]>([])
  const application = shallowRef<RequestRow | null>(null)
  const emergencyReason = ref('')
  // The device draft (issue #12): per seal, and per application when the form starts from one.
  let draftKey: string | null = null
  const saved = useDeviceDraft({
    key: () => draftKey,
    capture: () => ({ draft: { ...draft }, photos: photos.value, emergencyReason: emergencyReason.value, application: application.value?.id ?? null }),
    restore: (d) => {
      Object.assign(draft, d.draft)
      photos.value = d.photos
      emergencyReason.value = d.emergencyReason
      application.value = applications.value.find((a) => a.id === d.application) ?? null
    },
  })

  async function load(sealId: string, requestId?: string): Promise<void> {
    status.value = 'loading'
    draftKey = `seals.usage:${sealId}${requestId ? `:${requestId}` : ''}`
    try {
      const { seal: s, last: l, people: p, timeZone: tz, applications: apps } = await (await dbCode()).readUsageForm(sealId)
      seal.value = s
      last.value = l
      people.value = p
      timeZone.value = tz
      applications.value = apps
      // The application named on the link; else the only approved one for this seal (issue #12: fewer taps).
      const forSeal = s ? apps.filter((a) => namesSeal(a, s)) : []
      const preset = apps.find((a) => a.id === requestId) ?? (forSeal.length === 1 ? forSeal[0] : undefined)
      if (preset) pickApplication(preset)
      await saved.start()
      status.value = s ? 'ready' : 'missing'
      // Once the form shows: in memory before the first save, even offline on a first visit (issue 13).
      if (s) warmImport(loadSchemas)
    } catch (e) {
      console.error('seal form load failed', e)
      status.value = 'error'
    }
  }

  function sameAsLast(): void {
    if (last.value) Object.assign(draft, draftFromLast(last.value, new Date(), timeZone.value))
    errors.value = {}
  }

  /** Switching to take-out suggests a due time; the keeper may change it. */
  function setMode(mode: 'stamp_here' | 'take_out'): void {
    draft.mode = mode
    if (mode === 'take_out' && !draft.due_local) draft.due_local = toZonedInput(defaultTakeOutDue(new Date(), timeZone.value), timeZone.value)
  }

  /** Fills the form from the application: what was approved is what gets stamped. */
  function pickApplication(app: RequestRow | null): void {
    application.value = app
    if (!app) return
    const applicant = people.value.find((p) => p.id === app.applicant_id)
    const approver = people.value.find((p) => p.id === app.deciders.at(-1))
    Object.assign(draft, draftFromApplication(app.form, { applicant, approverName: approver?.name ?? '', timeZone: timeZone.value }))
    errors.value = {}
  }

  /**
   * The application's QR on the applicant's phone, scanned here (issue 9): picks that application when it
   * is an approved, unused 用印申请 for this seal; else says why (null = picked) and changes nothing.
   */
  async function pickScanned(text: string, origins: readonly string[]): Promise<{ problem: PickProblem; title: string | null } | null> {
    const id = parseRequestCode(text, origins)
    if (!id) return { problem: 'not_a_request', title: null }
    const row = await (await dbCode()).readRequest(id)
    const problem = pickProblem(row, ['seal_use']) ?? (row && seal.value && !namesSeal(row, seal.value) ? 'other_seal' : null)
    if (problem !== null || !row) return { problem: problem ?? 'not_on_device', title: row?.title ?? null }
    if (!applications.value.some((a) => a.id === row.id)) applications.value = [...applications.value, row]
    pickApplication(row)
    return null
  }

  function pickRequester(p: RequesterOption): void {
    draft.requester_id = p.id
    draft.requester_name = p.name
    draft.requester_department = p.department
  }

  /** True when saved. Invalid input changes nothing and fills `errors` (i18n keys per field). */
  async function save(): Promise<boolean> {
    if (!seal.value || !session.userId || saving.value) return false
    saving.value = true
    try {
      // zod loads with the first save, not with the form (issue 13); before the transaction opens.
      const [[{ sealUsageSchema }, { custodyEventSchema }], { writeUsage }] = await Promise.all([loadSchemas(), dbCode()])
      const now = new Date()
      const id = crypto.randomUUID()
      const input = draftToInput(draft, {
        id,
        seal_id: seal.value.id,
        recorded_by: session.userId,
        used_at: now.toISOString(),
        photo_ids: photos.value.map((p) => p.id),
        timeZone: timeZone.value,
      })
      const parsed = sealUsageSchema.safeParse(input)
      const noReason = !application.value && !emergencyReason.value.trim()
      if (!parsed.success || noReason) {
        errors.value = { ...(parsed.success ? {} : issuesByField(parsed.error.issues)), ...(noReason ? { emergency_reason: 'seals.errors.emergencyReason' } : {}) }
        return false
      }
      const co = sealUsageCheckOut(parsed.data, crypto.randomUUID())
      const event = co ? custodyEventSchema.safeParse(co) : null
      if (event && !event.success) {
        errors.value = issuesByField(event.error.issues.map((i) => ({ ...i, path: i.path.slice(1) })))
        return false
      }
      const owner = { table: 'seal_usages', id, takenBy: session.userId }
      const link = {
        usageId: id,
        usedAt: parsed.data.used_at,
        stampedHere: parsed.data.mode === 'stamp_here',
        sealInStock: seal.value.status === 'in_stock',
        request: application.value,
        emergencyReason: emergencyReason.value.trim() || null,
        by: session.userId,
      }
      // No draft write may land after the transaction that drops the draft (it would come back).
      await saved.hold()
      try {
        await writeUsage(parsed.data, event?.data ?? null, photos.value, owner, link, now, saved.key())
      } catch (e) {
        saved.release()
        throw e
      }
      saved.markSent()
      errors.value = {}
      return true
    } finally {
      saving.value = false
    }
  }

  return {
    status,
    seal,
    last,
    people,
    timeZone,
    draft,
    photos,
    errors,
    saving,
    applications,
    application,
    emergencyReason,
    load,
    sameAsLast,
    setMode,
    pickRequester,
    pickApplication,
    pickScanned,
    save,
  }
}

export type SealUsageForm = ReturnType<typeof useSealUsageForm>

/** The page provides its form; the field groups inject it (no prop mutation, no re-emitting every field). */
export const SEAL_FORM_KEY: InjectionKey<SealUsageForm> = Symbol('sealUsageForm')

export function injectSealForm(): SealUsageForm {
  const form = inject(SEAL_FORM_KEY)
  if (!form) throw new Error('seal usage form not provided')
  return form
}
