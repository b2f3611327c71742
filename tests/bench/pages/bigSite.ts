/**
 * A keeper's site as the server holds it: 500 people, N assets with their labels, and
 * `perAsset` custody events each, as sync_pull sends them in one run (pull_rank first:
 * people, assets and labels, then the events), served page by page like the real RPC
 * (a JSON round trip and the client's response check on every page).
 */
import type { AssetLabelRow, AssetRow, CustodyEventRow, ProfileRow } from '@/platform/db/rows'
import { parsePullResponse, type PulledChange, type SyncTransport } from '@/platform/sync'
import { ASSET_KINDS, ASSET_NUMBER_PREFIX } from '@/features/assets/domain/assetNumber'
import { newLabelToken } from '@/features/assets/domain/labelToken'

const STATUSES = ['in_stock', 'checked_out', 'in_repair', 'lost', 'damaged', 'retired']
const NAMES = ['合同专用章', '营业执照', '笔记本电脑', '投影仪', '别克 GL8', '夏季工衣', '冬季工衣', '财务专用章', '打印机', '防静电服']
const uuid = () => crypto.randomUUID()

export interface BigSite {
  people: string[]
  assets: AssetRow[]
  labels: AssetLabelRow[]
  /** Rows in the first tables (people, assets, labels): once these are in, Home and scan work. */
  firstRows: number
  changes: PulledChange[]
}

export function bigSite(count: number, perAsset: number): BigSite {
  const site = uuid()
  const stamp = new Date().toISOString()
  const people = Array.from({ length: 500 }, uuid)
  const profiles: ProfileRow[] = people.map((id, i) => ({ id, display_name: `员工 ${i}`, phone: null, site_id: site, department_id: null, updated_at: stamp, deleted_at: null }))
  const assets: AssetRow[] = []
  const labels: AssetLabelRow[] = []
  for (let i = 0; i < count; i++) {
    const kind = ASSET_KINDS[i % ASSET_KINDS.length]!
    // Every kind in every status (the same index for both gave each kind one status: no checked-out seal).
    const status = STATUSES[Math.floor(i / ASSET_KINDS.length) % STATUSES.length]!
    const out = status === 'checked_out'
    const token = newLabelToken()
    const id = uuid()
    assets.push({
      id,
      kind,
      number: `${ASSET_NUMBER_PREFIX[kind]}-${String(Math.floor(i / ASSET_KINDS.length) + 1).padStart(4, '0')}`,
      name: `${NAMES[i % NAMES.length]} ${i}`,
      site_id: site,
      keeper_id: null,
      keeper_role: 'asset_keeper',
      notes: null,
      details: { model: 'Bench model', location: `柜 ${i % 50}` },
      status,
      holder_id: out ? people[i % people.length]! : null,
      due_at: out ? new Date(Date.now() + ((i % 48) - 24) * 3_600_000).toISOString() : null,
      condition: 'good',
      label_token: token,
      has_conflict: i % 997 === 0,
      updated_at: stamp,
      deleted_at: null,
    })
    labels.push({ id: uuid(), token, asset_id: id, status: 'active', issued_at: stamp, replaced_at: null, updated_at: stamp, deleted_at: null })
  }
  const base = Date.parse('2025-01-01T00:00:00Z')
  const events: CustodyEventRow[] = []
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < perAsset; j++) {
      const t = new Date(base + j * 86_400_000 + i * 1000).toISOString()
      const type = j % 2 === 0 ? 'check_out' : 'check_in'
      events.push({
        id: uuid(),
        asset_id: assets[i]!.id,
        type,
        actor_id: people[(i + j) % people.length]!,
        device_time: t,
        server_time: t,
        payload: type === 'check_out' ? { to_person: people[j % people.length], due_at: null, purpose: '借用', condition: 'good' } : { condition: 'good', note: null },
        photo_ids: [],
        flagged: false,
        updated_at: t,
        deleted_at: null,
      })
    }
  }
  const change = (table: PulledChange['table']) => (row: { id: string }): PulledChange => ({ table, id: row.id, row: row as unknown as Record<string, unknown>, deleted: false })
  const changes = [...profiles.map(change('profiles')), ...assets.map(change('assets')), ...labels.map(change('asset_labels')), ...events.map(change('custody_events'))]
  return { people, assets, labels, firstRows: profiles.length + assets.length + labels.length, changes }
}

/** Serves `changes` as sync_pull pages; the cursor is the offset. */
export function pageServer(changes: PulledChange[]): SyncTransport & { pages: number } {
  return {
    pages: 0,
    async push() {
      return []
    },
    async pull(cursor, maxRows) {
      this.pages += 1
      const from = cursor === null ? 0 : Number(cursor)
      const page = changes.slice(from, from + maxRows)
      const to = from + page.length
      return parsePullResponse(JSON.parse(JSON.stringify({ changes: page, cursor: String(to), has_more: to < changes.length })))
    },
  }
}
