// Helpers for the checklists engine's db tests: demo areas, valid inspection payloads
// from the domain's default templates, and the ops that move a rectification.
import { randomUUID } from 'node:crypto'
import { DEFAULT_TEMPLATE_IDS, DORM_HYGIENE_V1, SANITATION_V1, GREENING_V1, allItems, scoreInspection, type TemplateVersion } from '@/features/inspections/domain'
import { newLabelToken } from '@/features/assets/domain'
import type { OpResult } from '../../../src/platform/sync/protocol'
import { DEMO, type TestDb } from './database'
import { makeOp, push } from './sync'

export const HQ = DEMO.sites['SH-HQ'] as string
export const SZ = DEMO.sites['SZ-PLANT'] as string
export const SANITATION = DEFAULT_TEMPLATE_IDS.sanitation as string
export const GREENING = DEFAULT_TEMPLATE_IDS.greening as string
export const DORM_HYGIENE = DEFAULT_TEMPLATE_IDS.dorm_hygiene as string
export const TEMPLATES: Record<string, TemplateVersion> = { [SANITATION]: SANITATION_V1, [GREENING]: GREENING_V1, [DORM_HYGIENE]: DORM_HYGIENE_V1 }

/** Demo areas by name (demo-company.json "areas"). */
export const AREAS = Object.fromEntries(DEMO.raw.areas.map((a) => [a.name, a.id])) as Record<string, string>

/** One answer per item: every item passes, except those named in `overrides`. */
export function answers(template: TemplateVersion, overrides: Record<string, Record<string, unknown>> = {}) {
  return allItems(template).map((item) => ({
    item_key: item.key,
    ...(item.mode === 'points' ? { result: 'points', points: item.max_points } : { result: 'pass' }),
    ...overrides[item.key],
  }))
}

/** A failing answer for an item (with a photo, so photo_on_fail is satisfied). */
export const fail = (note = '不合格') => ({ result: 'fail', note, photo_ids: [randomUUID()] })

/**
 * A complete, consistent inspection.submit payload: the device's figures from the domain's
 * scoreInspection and one fresh rectification id per failed item.
 */
export function inspectionPayload(
  areaId: string,
  templateId: string,
  answerList: Record<string, unknown>[],
  extra: Record<string, unknown> = {},
) {
  const template = TEMPLATES[templateId] as TemplateVersion
  const s = scoreInspection(template, answerList)
  const submitted = new Date(Date.now() - 60_000)
  return {
    id: randomUUID(),
    area_id: areaId,
    template_id: templateId,
    started_at: new Date(submitted.getTime() - 15 * 60_000).toISOString(),
    submitted_at: submitted.toISOString(),
    via: 'scan',
    answers: answerList,
    score: s.percent,
    grade: s.grade,
    critical_failed: s.critical_failed,
    rectifications: s.failed_items.map((f) => ({ id: randomUUID(), item_key: f.key })),
    ...extra,
  }
}

export async function submit(db: TestDb, user: string, payload: Record<string, unknown>): Promise<OpResult> {
  const [r] = await push(db, user, [makeOp('inspection.submit', payload.id as string, payload)])
  if (!r) throw new Error('no result')
  return r
}

/** Submits a consistent inspection and insists it applied; returns the payload. */
export async function inspect(
  db: TestDb,
  areaId: string,
  overrides: Record<string, Record<string, unknown>> = {},
  user: string = DEMO.users.inspector,
  templateId: string = SANITATION,
) {
  const p = inspectionPayload(areaId, templateId, answers(TEMPLATES[templateId] as TemplateVersion, overrides))
  const r = await submit(db, user, p)
  if (r.status !== 'applied') throw new Error(`inspection.submit: ${JSON.stringify(r)}`)
  return p
}

export function areaPayload(overrides: Record<string, unknown> = {}) {
  return {
    site_id: HQ,
    building: '测试楼',
    floor: '2F',
    name: `测试区域 ${randomUUID().slice(0, 8)}`,
    area_type: 'washroom',
    responsible_id: DEMO.users.cleaner,
    department_id: DEMO.departments.ADM,
    frequency: 'daily',
    template_code: 'sanitation',
    label_token: newLabelToken(),
    ...overrides,
  }
}

/** Creates an area as the admin head (by default) and returns its id. */
export async function createArea(db: TestDb, overrides: Record<string, unknown> = {}, user: string = DEMO.users.adminHead) {
  const id = randomUUID()
  const [r] = await push(db, user, [makeOp('area.upsert', id, areaPayload(overrides))])
  if (r?.status !== 'applied') throw new Error(`area.upsert: ${JSON.stringify(r)}`)
  return id
}

/** A user with one role (site-scoped when site is given), made directly (tests only). */
export async function makeUser(db: TestDb, role: string, site: string | null, name = role): Promise<string> {
  const id = randomUUID()
  await db.query(`insert into auth.users (id, email) values ($1, $2)`, [id, `${name}-${id.slice(0, 8)}@example.com`])
  await db.query(`insert into public.user_roles (user_id, role, site_id) values ($1, $2, $3)`, [id, role, site])
  return id
}

/** One op as the user; its device_time can be set (acts are ordered by it). */
export async function act(db: TestDb, user: string, kind: string, payload: Record<string, unknown>, deviceTime?: string, id: string = randomUUID()) {
  const [r] = await push(db, user, [makeOp(kind, id, payload, deviceTime ? { device_time: deviceTime } : {})])
  if (!r) throw new Error('no result')
  return { ...r, id }
}

export interface RectState {
  status: string
  fix_note: string | null
  fix_photo_ids: string[]
  verified_by: string | null
  assignee_id: string | null
  severity: string
}

export async function rect(db: TestDb, id: string): Promise<RectState> {
  const [row] = await db.query<RectState>(
    'select status, fix_note, fix_photo_ids, verified_by, assignee_id, severity from public.rectifications where id = $1',
    [id],
  )
  if (!row) throw new Error(`no rectification ${id}`)
  return row
}
