/**
 * Runs in Chromium (served by the Vite dev server): a new phone's first sync of 20,000 assets
 * and 200,000 custody events into real IndexedDB, then the registry and timeline reads timed
 * exactly as the app does them.
 */
import { openDb, type AdminFieldDb } from '@/platform/db'
import { createSyncEngine } from '@/platform/sync'
import { ASSET_KINDS } from '@/features/assets/domain/assetNumber'
import { assetsByKindAndStatus, filterRegistry, firstRegistryPage, loadRegistryIndex, type RegistryEntry } from '@/features/assets/data/registryQueries'
import { loadTimeline } from '@/features/assets/data/timeline'
import { loadAssetDetail } from '@/features/assets/data/assetDetail'
import { findAssetByToken } from '@/features/assets/data/lookup'
import { assetsHeldBy, assetsInConflict, assetsWithDue } from '@/features/assets/data/myItems'
import { bigSite, pageServer } from './bigSite'

const STATUSES = ['in_stock', 'checked_out', 'in_repair', 'lost', 'damaged', 'retired']

export interface FirstSyncResult {
  assets: number
  events: number
  /** Sign-in to every person, asset and label written (Home, scan and asset pages work). */
  usableMs: number
  /** Sign-in to a label scanned, its asset page read and Home's lists read, during the sync. */
  scannedMs: number
  /** How long that scan + asset page + Home read took while events were still being written. */
  scanReadMs: number
  /** Sign-in to everything written (the sync idle). */
  syncedMs: number
  pages: number
  progressUpdates: number
  /** The scanned asset's page showed its status; its timeline length then (events still coming). */
  scannedStatus: string
}

export interface Measured {
  samples: number[]
  /** Rows returned by the last run (checked by the test, never the time). */
  rows: number
}

declare global {
  interface Window {
    firstSync(assets: number, eventsPerAsset: number): Promise<FirstSyncResult>
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
let people: string[] = []
let index: RegistryEntry[] = []

// A new phone's first sync through the real engine and pull (bulkPut per table per page, one
// transaction with the cursor), and what the keeper can do while the events still come.
window.firstSync = async (count, perAsset) => {
  db = openDb(`bench-assets-${crypto.randomUUID()}`)
  const site = bigSite(count, perAsset)
  ids = site.assets.map((a) => a.id)
  people = site.people
  const server = pageServer(site.changes)
  const engine = createSyncEngine({ db, transport: server, window: null, document: null, isOnline: () => true })
  let usableMs = NaN
  let progressUpdates = 0
  const probe: { scan: Promise<{ at: number; took: number; status: string }> | null } = { scan: null }
  const t0 = performance.now()
  engine.subscribe((s) => {
    if (!s.pullProgress) return
    progressUpdates += 1
    if (probe.scan || s.pullProgress.received < site.firstRows) return
    usableMs = performance.now() - t0
    const label = site.labels[Math.floor(site.labels.length / 2)]!
    probe.scan = (async () => {
      const t1 = performance.now()
      const found = await findAssetByToken(db, label.token)
      if (found.kind !== 'asset') throw new Error(`scan found ${found.kind}`)
      const detail = await loadAssetDetail(db, found.asset.id)
      await Promise.all([assetsHeldBy(db, people[0]!), assetsWithDue(db)])
      const t2 = performance.now()
      return { at: t2 - t0, took: t2 - t1, status: detail?.state.status ?? 'none' }
    })()
  })
  await engine.syncNow()
  const syncedMs = performance.now() - t0
  if (!probe.scan) throw new Error('the first tables never finished')
  const scanned = await probe.scan
  if (engine.getState().phase !== 'idle') throw new Error(`sync ended ${engine.getState().phase}: ${engine.getState().lastError}`)
  return {
    assets: await db.assets.count(),
    events: await db.custody_events.count(),
    usableMs,
    scannedMs: scanned.at,
    scanReadMs: scanned.took,
    syncedMs,
    pages: server.pages,
    progressUpdates,
    scannedStatus: scanned.status,
  }
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
