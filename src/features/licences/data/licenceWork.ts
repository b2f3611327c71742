/**
 * 证照办理's steps after approval on the device. Each step is ONE transaction with its op (and its
 * photo's register op): the step row; for 'validity' also the licence asset's dates (what the expiry
 * list reads) and the application marked carried out, as the server does.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { AssetRow, LicenceWorkEventRow, RequestRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox, entityKey } from '@/platform/sync/outbox'
import { PHOTO_TABLES, photoRegisterOps, savePhotos, type ProcessedPhoto } from '@/platform/photos'
import { fits, licenceWork, licenceWorkSchema, materialListsSchema, materialsOf, actionOf, type LicenceWork, type MaterialLine, type MaterialLists } from '../domain/work'

export const LICENCE_WORK_TABLES = ['licence_work_events', 'assets', 'requests', ...PHOTO_TABLES]

/** A refusal the page shows (an i18n key, and the field it is about). */
export class LicenceWorkRefused extends Error {
  constructor(
    readonly reason: string,
    readonly field?: string,
  ) {
    super(reason)
  }
}

/** Approved and not yet carried out: the work is open. */
export const isOpen = (r: Pick<RequestRow, 'status' | 'fulfilled_at' | 'deleted_at'>): boolean => r.status === 'approved' && r.fulfilled_at === null && r.deleted_at === null

export interface LicenceWorkView {
  events: LicenceWorkEventRow[]
  lines: MaterialLine[]
  work: LicenceWork
}

/** The application's steps, the checklist lines of its action, and where the work stands. */
export async function loadLicenceWork(database: AdminFieldDb, request: RequestRow): Promise<LicenceWorkView> {
  const [events, company] = await Promise.all([database.licence_work_events.where('request_id').equals(request.id).toArray(), database.company.toArray()])
  const live = events.filter((e) => e.deleted_at === null)
  const lists = materialsOf(company.find((c) => c.deleted_at === null)?.licence_materials)
  const lines = lists[actionOf(request.form)]
  return { events: live.sort((a, b) => (a.device_time < b.device_time ? -1 : 1)), lines, work: licenceWork(live, lines, isOpen(request)) }
}

/** Licences of a site, for the validity step's picker (retired ones left out). */
export async function licencesAt(database: AdminFieldDb, siteId: string | null): Promise<AssetRow[]> {
  const rows = await database.assets.where('kind').equals('licence').toArray()
  return rows.filter((a) => a.deleted_at === null && a.status !== 'retired' && (siteId === null || a.site_id === siteId)).sort((a, b) => a.number.localeCompare(b.number))
}

export interface RecordArgs {
  request: RequestRow
  input: unknown
  actorId: string
  /** A ticked material's photo. */
  photos?: ProcessedPhoto[]
  /** The form's device draft, dropped in the same transaction. */
  draftKey?: string | null
}

/** Records one step. Refuses (LicenceWorkRefused) a malformed step or one that does not fit the work now. */
export async function recordLicenceWork(database: AdminFieldDb, args: RecordArgs, now = new Date()): Promise<LicenceWorkEventRow> {
  const parsed = licenceWorkSchema.safeParse(args.input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new LicenceWorkRefused(issue?.message ?? 'licences.work.errors.required', String(issue?.path[0] ?? ''))
  }
  const step = parsed.data
  if (step.request_id !== args.request.id) throw new LicenceWorkRefused('licences.work.errors.notAllowed')
  const view = await loadLicenceWork(database, args.request)
  if (!fits(view.work, step.type, isOpen(args.request))) throw new LicenceWorkRefused('licences.work.errors.outOfOrder')
  const at = now.toISOString()
  const id = crypto.randomUUID()
  const { type, request_id: requestId, ...data } = step
  const row: LicenceWorkEventRow = { id, request_id: requestId, site_id: args.request.site_id, type, actor_id: args.actorId, device_time: at, data, flagged: false, updated_at: at, deleted_at: null }
  const op = buildOp('licence_work.record', 'licence_work_events', id, { ...step }, now)
  op.related = [entityKey('requests', requestId), ...(step.type === 'validity' ? [entityKey('assets', step.asset_id)] : [])]
  const photos = step.type === 'material' ? (args.photos ?? []).slice(0, 1) : []
  const owner = { table: 'licence_work_events', id, takenBy: args.actorId }
  await commitWithOutbox(database, LICENCE_WORK_TABLES, [op, ...photoRegisterOps(photos, owner, now)], async () => {
    await database.licence_work_events.add(row)
    if (photos.length) await savePhotos(database, photos, owner)
    if (step.type === 'validity') {
      const asset = await database.assets.get(step.asset_id)
      if (!asset || asset.kind !== 'licence') throw new LicenceWorkRefused('licences.work.errors.required', 'asset_id')
      const { licence_number, valid_from, valid_to, annual_inspection_on } = step
      await database.assets.update(asset.id, { details: { ...asset.details, licence_number, valid_from, valid_to, annual_inspection_on }, updated_at: at })
      await database.requests.update(requestId, { fulfilled_at: at, fulfilled_by: args.actorId, updated_at: at })
    }
  }, { draftKey: args.draftKey })
  return row
}

/** The admin head's checklist lines per action (op licence_materials.update on the company row). */
export async function saveMaterialLists(database: AdminFieldDb, companyId: string, lists: MaterialLists, now = new Date()): Promise<MaterialLists> {
  const parsed = materialListsSchema.safeParse(lists)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new LicenceWorkRefused(issue?.message ?? 'licences.work.errors.required', issue?.path.join('.'))
  }
  const op = buildOp('licence_materials.update', 'company', companyId, { ...parsed.data }, now)
  await commitWithOutbox(database, ['company'], op, async () => {
    await database.company.update(companyId, { licence_materials: parsed.data, updated_at: now.toISOString() })
  })
  return parsed.data
}
