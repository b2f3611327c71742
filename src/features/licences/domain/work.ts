/**
 * 证照办理 / 变更 / 年检 carried out (manual 2.3 nodes 2–4): after a 'licence_affair' application is
 * approved, the asset keeper (or the admin head) of its site records each step, here and in
 * private.sync_apply_licence_work_record alike (both must agree):
 *
 *   material   a line of the materials checklist ticked or unticked (optional photo), while open
 *   collect    the licence collected and checked against the application: pass, or the errors found
 *              (errors: back for correction; collected and checked again) — until a pass
 *   file       where the original is filed (cabinet, keeper) and how many copies to whom — after a pass
 *   validity   issued / valid until / next annual inspection onto the licence asset — after filing;
 *              the application is then carried out
 *
 * A step that does not fit is refused here; the server keeps it and flags it.
 */
import { z } from 'zod'
import { E, LIMITS, calendarDate, choice, int, optionalText, text, uuid } from './fields'

export const LICENCE_ACTIONS = ['obtain', 'change', 'renew'] as const
export type LicenceAction = (typeof LICENCE_ACTIONS)[number]

/** Materials the app names itself (i18n `licences.work.material.<code>`); the server knows the same codes. */
export const DEFAULT_MATERIAL_CODES = [
  'application_form',
  'legal_rep_id',
  'authorization_letter',
  'articles',
  'premises_proof',
  'old_original',
  'old_copy',
  'change_resolution',
  'annual_report',
] as const
export type DefaultMaterialCode = (typeof DEFAULT_MATERIAL_CODES)[number]

export interface MaterialLine {
  code: string
  /** Null for a default code (the app names it); a custom line's own name. */
  label: string | null
}
export type MaterialLists = Record<LicenceAction, MaterialLine[]>

const line = (code: DefaultMaterialCode): MaterialLine => ({ code, label: null })
/** The defaults (a change needs the old original and a copy, manual 2.3 node 2). */
export const DEFAULT_MATERIALS: MaterialLists = {
  obtain: ['application_form', 'legal_rep_id', 'authorization_letter', 'articles', 'premises_proof'].map((c) => line(c as DefaultMaterialCode)),
  change: ['application_form', 'old_original', 'old_copy', 'change_resolution', 'authorization_letter'].map((c) => line(c as DefaultMaterialCode)),
  renew: ['application_form', 'old_original', 'annual_report', 'authorization_letter'].map((c) => line(c as DefaultMaterialCode)),
}

const isDefaultCode = (code: string): boolean => (DEFAULT_MATERIAL_CODES as readonly string[]).includes(code)
export const CUSTOM_CODE = /^custom_[a-z0-9]{1,32}$/
/** A default material, or a custom one with its name (private.licence_material_code_ok). */
export const materialCodeOk = (code: string, label: string | null): boolean => isDefaultCode(code) || (CUSTOM_CODE.test(code) && label !== null)

/** A fresh code for a line the admin head adds. */
export const newCustomCode = (): string => `custom_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`

export const materialLineSchema = z
  .object({ code: z.string({ error: E.code }), label: optionalText(LIMITS.label) })
  .refine((l) => materialCodeOk(l.code, l.label), { error: E.code, path: ['label'] })

const listSchema = z
  .array(materialLineSchema)
  .min(1, { error: E.emptyList })
  .max(LIMITS.lines, { error: E.range })
  .refine((l) => new Set(l.map((x) => x.code)).size === l.length, { error: E.duplicateCode })

/** The payload of 'licence_materials.update' (the company's lists). */
export const materialListsSchema = z.object({ obtain: listSchema, change: listSchema, renew: listSchema }).strict()

/** The company's lists, or the defaults where it has none (or an unreadable one). */
export function materialsOf(stored: unknown): MaterialLists {
  const parsed = materialListsSchema.safeParse(stored)
  return parsed.success ? parsed.data : DEFAULT_MATERIALS
}

export const ERROR_FIELDS = ['name', 'number', 'dates', 'scope', 'other'] as const
export type ErrorField = (typeof ERROR_FIELDS)[number]

const collectError = z
  .object({ field: choice(ERROR_FIELDS), note: optionalText(LIMITS.errorNote) })
  .refine((e) => e.field !== 'other' || e.note !== null, { error: E.required, path: ['note'] })

/** The payload of 'licence_work.record', by type. */
export const licenceWorkSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('material'), request_id: uuid(), code: z.string({ error: E.code }), label: optionalText(LIMITS.label), done: z.boolean({ error: E.required }) })
      .refine((m) => materialCodeOk(m.code, m.label), { error: E.code, path: ['code'] }),
    z.object({
      type: z.literal('collect'),
      request_id: uuid(),
      result: choice(['pass', 'errors'] as const),
      errors: z.array(collectError).max(LIMITS.errors, { error: E.range }),
      note: optionalText(LIMITS.note),
    })
      .refine((c) => c.result !== 'pass' || c.errors.length === 0, { error: E.errorsOnPass, path: ['errors'] })
      .refine((c) => c.result !== 'errors' || c.errors.length > 0, { error: E.noErrors, path: ['errors'] }),
    z.object({
      type: z.literal('file'),
      request_id: uuid(),
      location: text(LIMITS.location),
      keeper_id: uuid(),
      copies: int(0, LIMITS.copies),
      copy_holders: optionalText(LIMITS.holders),
    }).refine((f) => f.copies === 0 || f.copy_holders !== null, { error: E.holdersRequired, path: ['copy_holders'] }),
    z.object({
      type: z.literal('validity'),
      request_id: uuid(),
      asset_id: uuid(),
      licence_number: text(LIMITS.number),
      valid_from: calendarDate(),
      /** Null: valid long-term (长期有效). */
      valid_to: calendarDate().nullish().transform((v) => v ?? null),
      annual_inspection_on: calendarDate().nullish().transform((v) => v ?? null),
    })
      .refine((v) => v.valid_to === null || v.valid_to >= v.valid_from, { error: E.dateOrder, path: ['valid_to'] })
      .refine((v) => v.annual_inspection_on === null || v.annual_inspection_on >= v.valid_from, { error: E.dateOrder, path: ['annual_inspection_on'] }),
  ],
  { error: E.choice },
)
export type LicenceWorkInput = z.input<typeof licenceWorkSchema>
export type LicenceWorkPayload = z.output<typeof licenceWorkSchema>
export type LicenceWorkType = LicenceWorkPayload['type']

/** One recorded step as the device keeps it (public.licence_work_events). */
export interface LicenceWorkEvent {
  id: string
  request_id: string
  type: LicenceWorkType
  actor_id: string
  device_time: string
  data: Record<string, unknown>
  flagged: boolean
}

export type LicenceWorkStage = 'waiting' | 'collect' | 'file' | 'validity' | 'done'

export interface MaterialState {
  line: MaterialLine
  done: boolean
  /** The step that ticked it last (its photo hangs on it). */
  eventId: string | null
}

export interface LicenceWork {
  stage: LicenceWorkStage
  materials: MaterialState[]
  /** Every collection check, in order (errors ones sent it back for correction). */
  collections: { id: string; at: string; by: string; result: 'pass' | 'errors'; errors: { field: ErrorField; note: string | null }[]; note: string | null }[]
  filing: { location: string; keeper_id: string; copies: number; copy_holders: string | null; at: string } | null
  validity: { asset_id: string; licence_number: string; valid_from: string; valid_to: string | null; annual_inspection_on: string | null; at: string } | null
  /** Errors found at the last check: the licence is back with the authority for correction. */
  correcting: boolean
}

const byTime = (a: LicenceWorkEvent, b: LicenceWorkEvent) => (a.device_time < b.device_time ? -1 : a.device_time > b.device_time ? 1 : a.id < b.id ? -1 : 1)

/**
 * Where the work stands, folded from its steps (the flagged ones change nothing). `open` is the
 * application approved and not carried out (the server's r.status = 'approved' and fulfilled_at null).
 */
export function licenceWork(events: readonly LicenceWorkEvent[], lines: readonly MaterialLine[], open: boolean): LicenceWork {
  const applied = events.filter((e) => !e.flagged).sort(byTime)
  const ticks = new Map<string, { done: boolean; id: string }>()
  const extra: MaterialLine[] = []
  const work: LicenceWork = { stage: 'collect', materials: [], collections: [], filing: null, validity: null, correcting: false }
  for (const e of applied) {
    const d = e.data
    if (e.type === 'material') {
      const code = String(d.code)
      ticks.set(code, { done: d.done === true, id: e.id })
      if (!lines.some((l) => l.code === code) && !extra.some((l) => l.code === code)) extra.push({ code, label: typeof d.label === 'string' ? d.label : null })
    } else if (e.type === 'collect') {
      work.collections.push({
        id: e.id,
        at: e.device_time,
        by: e.actor_id,
        result: d.result === 'pass' ? 'pass' : 'errors',
        errors: Array.isArray(d.errors) ? (d.errors as { field: ErrorField; note: string | null }[]) : [],
        note: typeof d.note === 'string' ? d.note : null,
      })
    } else if (e.type === 'file') {
      work.filing = { location: String(d.location), keeper_id: String(d.keeper_id), copies: Number(d.copies), copy_holders: typeof d.copy_holders === 'string' ? d.copy_holders : null, at: e.device_time }
    } else {
      work.validity = {
        asset_id: String(d.asset_id),
        licence_number: String(d.licence_number),
        valid_from: String(d.valid_from),
        valid_to: typeof d.valid_to === 'string' ? d.valid_to : null,
        annual_inspection_on: typeof d.annual_inspection_on === 'string' ? d.annual_inspection_on : null,
        at: e.device_time,
      }
    }
  }
  work.materials = [...lines, ...extra].map((line) => ({ line, done: ticks.get(line.code)?.done ?? false, eventId: ticks.get(line.code)?.id ?? null }))
  const last = work.collections.at(-1)
  const passed = last?.result === 'pass'
  work.correcting = last?.result === 'errors'
  work.stage = work.validity ? 'done' : !open ? 'waiting' : !passed ? 'collect' : work.filing ? 'validity' : 'file'
  return work
}

/** Whether a step of this type fits the work now (the server flags it otherwise). */
export function fits(work: LicenceWork, type: LicenceWorkType, open: boolean): boolean {
  if (!open || work.stage === 'done') return false
  if (type === 'material') return true
  if (type === 'collect') return work.stage === 'collect'
  if (type === 'file') return work.stage === 'file' || work.stage === 'validity'
  return work.stage === 'validity'
}

/** How many checklist lines are ticked, of how many. */
export const materialsProgress = (w: LicenceWork): { done: number; total: number } => ({ done: w.materials.filter((m) => m.done).length, total: w.materials.length })

/** Who does the work: the asset keeper or the admin head of the application's site (roles held there). */
export const mayDoLicenceWork = (rolesAtSite: readonly string[]): boolean => rolesAtSite.includes('asset_keeper') || rolesAtSite.includes('admin_head')

/** The action of a 'licence_affair' form (obtain by default for an unreadable form). */
export const actionOf = (form: Record<string, unknown>): LicenceAction =>
  (LICENCE_ACTIONS as readonly string[]).includes(String(form.action)) ? (form.action as LicenceAction) : 'obtain'
