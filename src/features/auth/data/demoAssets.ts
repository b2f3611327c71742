/**
 * Local mode's demo assets (demo-company.json "assets"), their active labels, and a few custody
 * events so "what I hold" and "overdue" show something for some roles. Events go through the
 * custody engine's local fold, without outbox entries: demo data is not a user's change.
 * The equipment, UNI-0001 and the seals stay in stock (the browser tests start from there).
 */
import type { AdminFieldDb } from '@/platform/db'
import type { AssetLabelRow, AssetRow, CustodyEventRow } from '@/platform/db/rows'
// The fold and the role table only (no zod, no pages): the seed worker bundles what it imports.
import { writeCustodyEvent } from '@/features/assets/data/custodyWrite'
import { keeperRoleFor } from '@/features/assets/domain/assetRoles'
import demo from '@/platform/demo/demo-company.json'

interface DemoAsset {
  id: string
  kind: string
  number: string
  name: string
  site_id: string
  keeper_id: string | null
  notes: string | null
  details: Record<string, unknown>
  label_token: string
}

const DEMO_ASSETS: readonly DemoAsset[] = ((demo as { assets?: unknown[] }).assets ?? []) as DemoAsset[]
const user = (role: string) => demo.users.find((u) => u.roles.includes(role))?.id ?? ''

export function demoAssetRows(stamp: string): { assets: AssetRow[]; labels: AssetLabelRow[] } {
  const base = { updated_at: stamp, deleted_at: null }
  const assets = DEMO_ASSETS.map((a) => ({
    id: a.id,
    kind: a.kind,
    number: a.number,
    name: a.name,
    site_id: a.site_id,
    keeper_id: a.keeper_id,
    keeper_role: keeperRoleFor(a.kind),
    notes: a.notes,
    details: a.details,
    status: 'in_stock',
    holder_id: null,
    due_at: null,
    condition: null,
    label_token: a.label_token,
    has_conflict: false,
    ...base,
  }))
  const labels = DEMO_ASSETS.map((a) => ({
    // Stable id per asset: the label row is the asset's first label.
    id: `1b${a.id.slice(2)}`,
    token: a.label_token,
    asset_id: a.id,
    status: 'active' as const,
    issued_at: stamp,
    replaced_at: null,
    ...base,
  }))
  return { assets, labels }
}

/** Check-outs relative to now: one overdue licence, a vehicle out today, a uniform issued for good. */
export function demoEvents(now: Date): CustodyEventRow[] {
  const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString()
  const byNumber = new Map(DEMO_ASSETS.map((a) => [a.number, a.id]))
  const plan = [
    { n: 1, number: 'LIC-0002', actor: user('asset_keeper'), time: at(-72), to: user('employee'), due: at(-24), purpose: '食堂年度检查' },
    { n: 2, number: 'VEH-0002', actor: user('fleet_manager'), time: at(-2), to: user('driver'), due: at(6), purpose: '接送客户' },
    { n: 3, number: 'UNI-0003', actor: user('asset_keeper'), time: at(-240), to: user('employee'), due: null, purpose: '新员工入职发放' },
  ]
  return plan.flatMap((p) => {
    const assetId = byNumber.get(p.number)
    if (!assetId || !p.actor || !p.to) return []
    return [
      {
        id: `e5000000-0000-4000-8000-${String(p.n).padStart(12, '0')}`,
        asset_id: assetId,
        type: 'check_out',
        actor_id: p.actor,
        device_time: p.time,
        server_time: null,
        payload: { to_person: p.to, due_at: p.due, purpose: p.purpose, condition: 'good' },
        photo_ids: [],
        flagged: false,
        updated_at: p.time,
        deleted_at: null,
      },
    ]
  })
}

/** Inside the seed transaction: adds what is missing, never overwrites (the user may have changed it). */
export async function seedDemoAssets(database: AdminFieldDb, now: Date): Promise<void> {
  const { assets, labels } = demoAssetRows(now.toISOString())
  const existing = await database.assets.bulkGet(assets.map((a) => a.id))
  const missing = assets.filter((_, i) => existing[i] === undefined)
  if (missing.length === 0) return
  await database.assets.bulkAdd(missing)
  const fresh = new Set(missing.map((a) => a.id))
  await database.asset_labels.bulkPut(labels.filter((l) => fresh.has(l.asset_id)))
  for (const e of demoEvents(now)) if (fresh.has(e.asset_id)) await writeCustodyEvent(database, e)
}
