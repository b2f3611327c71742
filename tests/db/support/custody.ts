// Helpers for the custody engine's db tests: valid asset payloads per kind,
// custody.record ops, and reading the derived row back.
import { randomUUID } from 'node:crypto'
import { newLabelToken, type AssetKind } from '@/features/assets/domain'
import type { OpResult } from '../../../src/platform/sync/protocol'
import { DEMO, type TestDb } from './database'
import { makeOp, push } from './sync'

export const HQ = DEMO.sites['SH-HQ'] as string
export const SZ = DEMO.sites['SZ-PLANT'] as string

/** Valid details per kind (assetKinds.ts). */
export const DETAILS: Record<AssetKind, Record<string, unknown>> = {
  seal: { seal_type: 'contract', cabinet: '行政部 2 号保险柜', enabled_on: '2024-01-02', retired_on: null },
  licence: {
    licence_type: 'business_licence',
    licence_number: '91310000TEST00001X',
    issuing_authority: '上海市市场监督管理局',
    valid_from: '2024-01-01',
    valid_to: '2027-12-31',
    annual_inspection_on: '2026-06-30',
    original_or_copy: 'copy',
  },
  equipment: { model: 'Dell U2723QE', serial_number: null, location: '行政部', purchase_date: '2025-01-01', warranty_end: null },
  vehicle: {
    plate: '沪A·D12346',
    model: '比亚迪秦 PLUS',
    fuel_type: 'electric',
    tank_size_l: null,
    odometer_km: 1200,
    insurance_end: '2026-10-01',
    annual_inspection_on: '2027-10-01',
  },
  uniform: { uniform_type: '夏季工衣', size: 'L', quantity: 2 },
  dorm_key: { key_type: 'access_card', room_id: null },
}

const PREFIX: Record<AssetKind, string> = { seal: 'SEAL', licence: 'LIC', equipment: 'EQP', vehicle: 'VEH', uniform: 'UNI', dorm_key: 'KEY' }
let seq = 5000 + Math.floor(Math.random() * 1000) * 100

/** A fresh, unused asset number of the kind (tests share one database per file). */
export const nextNumber = (kind: AssetKind): string => `${PREFIX[kind]}-${seq++}`

export function assetPayload(kind: AssetKind, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { kind, number: nextNumber(kind), name: `测试${kind}`, site_id: HQ, details: DETAILS[kind], ...overrides }
}

/** Creates an asset as `user` (admin head by default) and returns its id. */
export async function createAsset(
  db: TestDb,
  kind: AssetKind,
  overrides: Record<string, unknown> = {},
  user: string = DEMO.users.adminHead,
): Promise<string> {
  const id = randomUUID()
  const [r] = await push(db, user, [makeOp('asset.upsert', id, assetPayload(kind, overrides))])
  if (r?.status !== 'applied') throw new Error(`asset.upsert: ${JSON.stringify(r)}`)
  return id
}

/** Minutes past 09:00 Shanghai on 2025-03-03, as ISO (like the unit tests' fixtures). */
export const at = (min: number): string => new Date(Date.parse('2025-03-03T09:00:00+08:00') + min * 60_000).toISOString()

/** A custody.record op; entity_id = the event id. */
export function eventOp(
  assetId: string,
  type: string,
  payload: Record<string, unknown>,
  deviceTime: string = new Date().toISOString(),
  id: string = randomUUID(),
  extra: Record<string, unknown> = {},
) {
  return makeOp('custody.record', id, { asset_id: assetId, type, device_time: deviceTime, payload, ...extra })
}

export async function record(
  db: TestDb,
  user: string,
  assetId: string,
  type: string,
  payload: Record<string, unknown>,
  deviceTime?: string,
): Promise<OpResult & { event_id: string }> {
  const op = eventOp(assetId, type, payload, deviceTime)
  const [r] = await push(db, user, [op])
  if (!r) throw new Error('no result')
  return { ...r, event_id: op.entity_id }
}

export interface DerivedAsset {
  status: string
  holder_id: string | null
  due_at: string | null
  condition: string | null
  label_token: string | null
  has_conflict: boolean
}

/** The derived columns, due_at as ISO, read as superuser. */
export async function derived(db: TestDb, assetId: string): Promise<DerivedAsset> {
  const [row] = await db.query<DerivedAsset>(
    `select status, holder_id, to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as due_at,
            condition, label_token, has_conflict
     from public.assets where id = $1`,
    [assetId],
  )
  if (!row) throw new Error(`no asset ${assetId}`)
  return row
}

export const token = (): string => newLabelToken()
