/**
 * The server's side of a new phone's first sync at a big site (issue 13): sync_pull over
 * 20,000 assets and 200,000 custody events (PGlite, or DATABASE_URL's server), at the engine's
 * page size, as the head of administration (who may read all of them).
 * Per page: the time inside the database (sync_pull and its JSON, `server`) and the time the
 * caller waits for the page (`round trip`: the same plus the transfer and the client's parse).
 *
 * Until 20261202220100 a page cost about as much as reading the whole run (each page evaluated
 * every synced table's rows of the run before its keyset filter and sort: ~30-160 s a page on
 * PostgreSQL 15 at loads 4-27); now each table's branch starts at the cursor on its (row_xid, id)
 * index and stops after a page (under 1 s a page). PULL_PAGES=all pulls them all; by default the
 * bench pulls the first pages of the run and then pages at the middle and at the end of the
 * events, resuming from a cursor the server made (only its position is moved), and estimates the
 * whole pull from them.
 * Figures are reported, never asserted; the checks are that the pages hold the rows expected.
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { PullPage } from '../../src/platform/sync/protocol'
import { DEMO, openTestDb, type TestDb } from '../db/support/database'
import { decodeCursor } from '../db/support/sync'
import { createReport } from './support/report'

const ASSETS = 20_000
const EVENTS_PER_ASSET = 10
/** The engine's default (engine.ts pullPageSize). */
const PAGE_SIZE = 2000
const HQ = DEMO.sites['SH-HQ'] as string
const reader = DEMO.users.adminHead

/**
 * The big site, written directly as a restore would (triggers off: no audit rows, no derivation):
 * assets, then their events, a second apart. Every row gets this transaction's row_xid.
 */
async function seedBigSite(db: TestDb): Promise<void> {
  await db.query('begin')
  await db.query('set local session_replication_role = replica')
  await db.query(
    `insert into public.assets (id, kind, number, name, site_id, details, status, condition)
     select gen_random_uuid(), 'equipment', 'EQP-' || lpad(i::text, 6, '0'), '笔记本电脑 ' || i, $1,
            jsonb_build_object('model', 'Bench model', 'location', '柜 ' || (i % 50)), 'in_stock', 'good'
     from generate_series(1, $2::int) i`,
    [HQ, ASSETS],
  )
  await db.query(
    `insert into public.custody_events (id, asset_id, type, actor_id, device_time, payload)
     select gen_random_uuid(), a.id, case when e % 2 = 0 then 'check_out' else 'check_in' end, $1,
            now() - interval '300 days' + (row_number() over () ) * interval '1 second',
            case when e % 2 = 0 then jsonb_build_object('to_person', $2::text, 'due_at', null, 'purpose', '外出', 'condition', 'good')
                 else jsonb_build_object('condition', 'good') end
     from public.assets a cross join generate_series(0, $3::int - 1) e
     where a.number like 'EQP-0%' and a.name like '笔记本电脑 %'`,
    [reader, DEMO.users.employee, EVENTS_PER_ASSET],
  )
  await db.query('commit')
}

/** A cursor the server made, moved to just after the n-th seeded event (in the run's order). */
async function cursorAtEvent(db: TestDb, from: string, n: number): Promise<string> {
  const [row] = await db.query<{ x: string; id: string }>(
    `select row_xid::text as x, id::text as id from public.custody_events order by row_xid, id offset $1 limit 1`,
    [n - 1],
  )
  if (!row) throw new Error(`no event ${n}`)
  const cursor = decodeCursor(from)
  const moved = { ...cursor, after: { k: 2, x: row.x, t: 'custody_events', id: row.id } }
  return Buffer.from(JSON.stringify(moved), 'utf8').toString('base64')
}

interface TimedPage {
  page: PullPage
  serverMs: number
  roundTripMs: number
  bytes: number
}

/** One page as the reader, with the time spent inside the database for it. */
async function timedPull(db: TestDb, cursor: string | null): Promise<TimedPage> {
  const t0 = performance.now()
  const row = await db.asUser(reader, async (q) => {
    // The target list runs left to right: the pull (and its JSON text), then the clock.
    const [r] = await q<{ r: string; ms: number }>(
      `select public.sync_pull($1, $2)::text as r,
              (extract(epoch from clock_timestamp() - statement_timestamp()) * 1000)::float8 as ms`,
      [cursor, PAGE_SIZE],
    )
    return r
  })
  if (!row) throw new Error('sync_pull returned nothing')
  const page = JSON.parse(row.r) as PullPage
  return { page, serverMs: row.ms, roundTripMs: performance.now() - t0, bytes: row.r.length }
}

describe("sync_pull: a new phone's first pull at a big site", () => {
  const report = createReport(
    `sync_pull on ${process.env.DATABASE_URL ? 'PostgreSQL server' : 'PGlite'}: first pull of ${ASSETS.toLocaleString('en')} assets + ${(ASSETS * EVENTS_PER_ASSET).toLocaleString('en')} events, pages of ${PAGE_SIZE}`,
  )
  let db: TestDb
  afterAll(async () => {
    report.print()
    await db?.close()
  })

  // Seeding 220,000 rows and pulling even a few pages takes minutes on a busy machine.
  it('pulls the first pages of the run, and pages at the middle and the end of the events', async () => {
    db = await openTestDb()
    const s0 = performance.now()
    await seedBigSite(db)
    await db.query('analyze public.assets')
    await db.query('analyze public.custody_events')
    report.add({ what: 'seeding (not part of the pull)', value: (performance.now() - s0) / 1000, unit: 's' })

    const all = process.env.PULL_PAGES === 'all'
    const samples: { where: string; timed: TimedPage }[] = []
    const perTable: Record<string, number> = {}
    const take = (where: string, timed: TimedPage) => {
      samples.push({ where, timed })
      for (const change of timed.page.changes) perTable[change.table] = (perTable[change.table] ?? 0) + 1
      console.error(`${where}: ${timed.page.changes.length} rows, server ${timed.serverMs.toFixed(0)} ms, round trip ${timed.roundTripMs.toFixed(0)} ms`)
    }
    // From a new phone's null cursor: the first pages (people, assets… first, then the events).
    let cursor: string | null = null
    const t0 = performance.now()
    for (let n = 1; all || n <= 3; n++) {
      const timed = await timedPull(db, cursor)
      take(`page ${n}`, timed)
      cursor = timed.page.cursor
      if (!timed.page.has_more) break
    }
    const pulledAllMs = performance.now() - t0
    const events = ASSETS * EVENTS_PER_ASSET
    if (!all && cursor) {
      // Further into the same run: the middle of the events, and their last page.
      for (const [where, at] of [['middle of the events', events / 2], ['last page of the events', events - PAGE_SIZE / 2]] as const) {
        take(where, await timedPull(db, await cursorAtEvent(db, cursor, at)))
      }
      expect(samples.at(-1)?.timed.page.has_more).toBe(false)
    }
    expect(perTable.assets).toBeGreaterThanOrEqual(all ? ASSETS : PAGE_SIZE)
    expect(samples.every((s) => s.timed.page.changes.length > 0)).toBe(true)

    const server = samples.map((s) => s.timed.serverMs)
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)
    const [count] = await db.query<{ n: number }>(
      `select (select count(*) from public.assets)::int + (select count(*) from public.custody_events)::int as n`,
    )
    const rows = count?.n ?? 0
    const pages = Math.ceil(rows / PAGE_SIZE)
    for (const s of samples) {
      report.add({ what: `${s.where}: server`, value: s.timed.serverMs, unit: 'ms' })
      report.add({ what: `${s.where}: round trip`, value: s.timed.roundTripMs, unit: 'ms' })
    }
    report.add({ what: 'JSON per page (mean)', value: mean(samples.map((s) => s.timed.bytes)) / 1024, unit: 'kB' })
    const totalS = all ? pulledAllMs / 1000 : (mean(server) * pages) / 1000
    report.add({ what: `${all ? 'total' : 'estimated total (mean page × pages)'}: ${rows.toLocaleString('en')} asset and event rows, ${pages} pages`, value: totalS, unit: 's' })
    report.add({ what: 'rows per second', value: rows / totalS, unit: 'rows/s' })
  }, 3_600_000)
})
