/**
 * Runs in Chromium (served by the Vite dev server): fills real IndexedDB with 20,000 assets and
 * 200,000 custody events, then times the registry and timeline reads exactly as the app does them.
 */
import { openDb, type AdminFieldDb } from '@/platform/db'
import type { AssetRow, CustodyEventRow } from '@/platform/db/rows'
import { ASSET_KINDS, ASSET_NUMBER_PREFIX } from '@/features/assets/domain/assetNumber'
import { assetsByKindAndStatus, filterRegistry, firstRegistryPage, loadRegistryIndex, type RegistryEntry } from '@/features/assets/data/registryQueries'
import { loadTimeline } from '@/features/assets/data/timeline'
import { loadAssetDetail } from '@/features/assets/data/assetDetail'
import { assetsHeldBy, assetsInConflict, assetsWithDue } from '@/features/assets/data/myItems'

const STATUSES = ['in_stock', 'checked_out', 'in_repair', 'lost', 'damaged', 'retired']
const NAMES = ['合同专用章', '营业执照', '笔记本电脑', '投影仪', '别克 GL8', '夏季工衣', '冬季工衣', '财务专用章', '打印机', '防静电服']

export interface SeedResult {
  assets: number
  events: number
  seedMs: number
}

export interface Measured {
  samples: number[]
  /** Rows returned by the last run (checked by the test, never the time). */
  rows: number
}

declare global {
  interface Window {
    seedAssets(assets: number, eventsPerAsset: number): Promise<SeedResult>
    measureOpen(runs: number): Promise<Measured>
    measureIndex(runs: number): Promise<Measured>
    measureIndexCold(runs: number): Promise<Measured>
    measureRawAll(runs: number): Promise<Measured>
    measureLists(runs: number): Promise<Measured & { conflicts: number[]; held: number[] }>
    measureKindStatus(runs: number): Promise<Measured>
    measureFilterInMemory(runs: number): Promise<Measured>
    measureSearch(runs: number): Promise<Measured>
    measureTimeline(runs: number): Promise<Measured>
    measureAssetPage(runs: number): Promise<Measured>
  }
}

let db: AdminFieldDb
let ids: string[] = []
let index: RegistryEntry[] = []
const uuid = () => crypto.randomUUID()
const people = Array.from({ length: 500 }, uuid)
const site = uuid()

window.seedAssets = async (count, perAsset) => {
  db = openDb(`bench-assets-${uuid()}`)
  const t0 = performance.now()
  const stamp = new Date().toISOString()
  const assets: AssetRow[] = []
  for (let i = 0; i < count; i++) {
    const kind = ASSET_KINDS[i % ASSET_KINDS.length]!
    const status = STATUSES[i % STATUSES.length]!
    const out = status === 'checked_out'
    assets.push({
      id: uuid(),
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
      label_token: null,
      has_conflict: i % 997 === 0,
      updated_at: stamp,
      deleted_at: null,
    })
  }
  await db.assets.bulkAdd(assets)
  ids = assets.map((a) => a.id)
  const base = Date.parse('2025-01-01T00:00:00Z')
  let batch: CustodyEventRow[] = []
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < perAsset; j++) {
      const t = new Date(base + j * 86_400_000 + i * 1000).toISOString()
      const type = j % 2 === 0 ? 'check_out' : 'check_in'
      batch.push({
        id: uuid(),
        asset_id: ids[i]!,
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
    if (batch.length >= 20_000) {
      await db.custody_events.bulkAdd(batch)
      batch = []
    }
  }
  if (batch.length) await db.custody_events.bulkAdd(batch)
  await db.profiles.bulkAdd(people.map((id, i) => ({ id, display_name: `员工 ${i}`, phone: null, site_id: site, department_id: null, updated_at: stamp, deleted_at: null })))
  return { assets: await db.assets.count(), events: await db.custody_events.count(), seedMs: performance.now() - t0 }
}

async function time(runs: number, run: (i: number) => Promise<number> | number): Promise<Measured> {
  const samples: number[] = []
  let rows = 0
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    rows = await run(i)
    samples.push(performance.now() - t0)
  }
  return { samples, rows }
}

// The registry's first screen: a page from the number index.
window.measureOpen = (runs) => time(runs, async () => (await firstRegistryPage(db, 40)).length)

// The full in-memory index every filter and search then runs over: the registry opened again
// with no asset changed since (its saved snapshot; the first build, which saves it, is not timed).
window.measureIndex = async (runs) => {
  await loadRegistryIndex(db)
  await new Promise((r) => setTimeout(r, 500))
  return time(runs, async () => {
    index = await loadRegistryIndex(db)
    return index.length
  })
}

// The same after an asset changed (no current snapshot): one getAll and the build.
window.measureIndexCold = async (runs) => {
  const samples: number[] = []
  let rows = 0
  for (let i = 0; i < runs; i++) {
    await db.asset_index.delete('registry')
    const t0 = performance.now()
    rows = (await loadRegistryIndex(db)).length
    samples.push(performance.now() - t0)
    await new Promise((r) => setTimeout(r, 500)) // the snapshot save (after the read) is not timed
  }
  return { samples, rows }
}

// Just the getAll, to see what the index build costs beyond reading.
window.measureRawAll = (runs) => time(runs, async () => (await db.assets.toArray()).length)

// Kind + status from the compound index (no full read).
window.measureKindStatus = (runs) =>
  time(runs, async (i) => (await assetsByKindAndStatus(db, ASSET_KINDS[i % ASSET_KINDS.length]!, STATUSES[i % STATUSES.length]!)).length)

// What the registry page does per filter change: kind + status + holder over the in-memory index.
window.measureFilterInMemory = (runs) =>
  time(runs, (i) => filterRegistry(index, { kind: ASSET_KINDS[i % ASSET_KINDS.length]!, status: 'checked_out' }).length)

// Text search as typed: name words and number fragments, over the in-memory index.
window.measureSearch = (runs) => time(runs, (i) => filterRegistry(index, { text: i % 2 === 0 ? `笔记本 ${i}` : `seal-0${i % 10}` }).length)

// An asset's timeline by the [asset_id+device_time] index, actor names from profiles.
window.measureTimeline = (runs) => time(runs, async (i) => (await loadTimeline(db, ids[(i * 7919) % ids.length]!)).length)

// Everything the asset page reads (asset, timeline, fold).
window.measureAssetPage = (runs) => time(runs, async (i) => ((await loadAssetDetail(db, ids[(i * 104_729) % ids.length]!))?.timeline.length ?? 0))

// Home / Work lists: what I hold (holder index), out with a due time (due index), conflicts (scan).
window.measureLists = async (runs) => {
  const held: number[] = []
  const conflicts: number[] = []
  const due = await time(runs, async (i) => {
    const t0 = performance.now()
    await assetsHeldBy(db, people[i % people.length]!)
    held.push(performance.now() - t0)
    const t1 = performance.now()
    await assetsInConflict(db, [ASSET_KINDS[i % ASSET_KINDS.length]!])
    conflicts.push(performance.now() - t1)
    return (await assetsWithDue(db)).length
  })
  return { ...due, held, conflicts }
}
