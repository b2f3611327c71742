/**
 * The KPI dashboard's closed-month cache (`kpi_months`, Dexie v29) and what keeps it true.
 *
 * A finished month's figures (per KPI source, per viewer: every KPI of the source × every scope)
 * are kept once computed, so the 12-month trend reads 11 small rows instead of a year of events.
 * They stay true only if every write that can change an item of that month drops them: this
 * DBCore middleware sees every write — the sync pull's pages and the app's local ops alike, in
 * their own transaction (widened to `kpi_months`, as inspectionScores.ts does) — and drops, per
 * source, every cached month from the earliest one the written row (old and new version) can
 * put an item in. That bound is taken from the whole record, never from the row alone:
 * - an application's items (first pass, each approval step, the dispatch) lie on or after the
 *   earliest of its own dates and its decisions' (a late-synced approval of an old step changes
 *   a month long past): a decision or an application reads the application and all its decisions;
 * - a custody act can close, hand on or (a check-out) replace the loan open before it: it reads
 *   back to the last check-out before it, and the earliest date (or due time) from there;
 * - a 督办 sheet, its reminders or its task: a reminder can set a level's day months on, so every
 *   month (the sheets are few: one per late or important task);
 * - a row whose items lie on its own dates (a task, a rectification, an inspection, a trip, a
 *   stay, a bed's repair act): the earliest date in it;
 * - a fill-up: every month of fuel (a reading's sequence depends on all of its vehicle's);
 * - what scopes or dates every item (a person's department, an area's, an asset's kind, site or
 *   keeper, the company calendar, the time zone): every month of the sources that use it.
 * Each drop also bumps the source's generation (a new random value, once per transaction): a
 * figure computed from rows read before the drop is not stored after it (kpiMonthCache.ts
 * compares the generation in its write).
 * Nothing is read while the cache is empty (a first sync's 200,000 rows cost one count per page),
 * and a page naming more than MAX_RECORDS applications, assets or tasks drops every month of
 * their sources rather than read each one's record back.
 */
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie'

/** One cached month: `figures[kpi][scopeKey]` = [decided, sum of values, pending]. */
export interface KpiMonthRow {
  key: string
  source: string
  month: string
  viewer: string
  figures: Record<string, Record<string, [number, number, number]>>
}
/** A source's generation: key `~gen|<source>`, source '~gen' (after every source), month = the source. */
export interface KpiGenRow {
  key: string
  source: '~gen'
  month: string
  gen: number
}

export const KPI_MONTHS = 'kpi_months'
export const GEN = '~gen'
export const genKey = (source: string) => `${GEN}|${source}`

/** The sources whose items a table's rows feed (features/kpis/domain/all.ts KPI_SOURCE). */
const FACTS: Record<string, readonly string[]> = {
  tasks: ['tasks', 'followUps'],
  follow_ups: ['followUps'],
  task_events: ['followUps'],
  requests: ['requests', 'dispatches'],
  request_events: ['requests'],
  custody_events: ['custody', 'custodyChecks'],
  rectifications: ['checklists'],
  inspections: ['checklists'],
  inspection_scores: ['checklists'],
  trips: ['trips'],
  dorm_stays: ['stays', 'beds'],
  fuel_logs: ['fuel'],
  dorm_bed_events: ['beds'],
}
const ALL_SOURCES = ['tasks', 'followUps', 'requests', 'custody', 'checklists', 'custodyChecks', 'dispatches', 'trips', 'stays', 'fuel', 'beds']
/** Tables that scope or date items: a change of these fields drops every month of these sources. */
const DIMENSIONS: Record<string, { fields: readonly string[]; sources: readonly string[] }> = {
  profiles: { fields: ['department_id', 'deleted_at'], sources: ALL_SOURCES },
  calendar_days: { fields: ['day', 'site_id', 'kind', 'deleted_at'], sources: ALL_SOURCES },
  company: { fields: ['timezone', 'deleted_at'], sources: ALL_SOURCES },
  areas: { fields: ['site_id', 'department_id', 'responsible_id', 'deleted_at'], sources: ['checklists'] },
  assets: { fields: ['kind', 'site_id', 'keeper_id', 'deleted_at', 'fuel_baseline_l100km'], sources: ['custody', 'custodyChecks', 'trips', 'fuel'] },
  dorm_beds: { fields: ['room_id', 'site_id', 'created_at', 'deleted_at'], sources: ['beds'] },
}
const WATCHED = new Set([...Object.keys(FACTS), ...Object.keys(DIMENSIONS)])
/** What a write to a table reads to bound its months (monthsTouched): in its transaction too. */
const READS: Record<string, readonly string[]> = { tasks: ['follow_ups'], requests: ['request_events'], request_events: ['requests'] }
/** From the first month: every month. */
export const EVERY_MONTH = '0000-00'

type Row = Record<string, unknown>
const DATE = /^\d{4}-\d{2}-\d{2}/

/** The earliest date in rows (their top-level fields and one level down: an application's form). */
export function earliestDate(rows: readonly (Row | null | undefined)[]): string | null {
  let min: string | null = null
  const see = (v: unknown) => {
    if (typeof v === 'string' && DATE.test(v) && (min === null || v.slice(0, 10) < min)) min = v.slice(0, 10)
  }
  for (const row of rows) {
    if (!row) continue
    for (const v of Object.values(row)) {
      if (v && typeof v === 'object' && !Array.isArray(v)) Object.values(v as Row).forEach(see)
      else see(v)
    }
  }
  return min
}

/** The month of a date, a day earlier (an instant's company day can be the UTC day before it). */
export function monthBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - 1)
  return d.toISOString().slice(0, 7)
}

/**
 * The custody rows that bound an act's effect: the asset's acts from the last valid check-out
 * before it (the loan it can close, hand on or replace) up to it.
 */
export function loanSpan(history: readonly Row[], act: Row): Row[] {
  const t = String(act.device_time ?? '')
  const before = history.filter((e) => String(e.device_time ?? '') <= t && e.id !== act.id).sort((a, b) => String(a.device_time).localeCompare(String(b.device_time)))
  // Any valid check-out restarts the fold's loan: nothing before the last one is reached.
  for (let i = before.length - 1; i >= 0; i--) {
    const e = before[i]!
    if (e.type === 'check_out' && !e.flagged && !e.deleted_at) return before.slice(i)
  }
  return []
}

interface Ctx {
  down: DBCore
  trans: DBCoreTransaction
}

async function byIndex(c: Ctx, table: string, keyPath: string, value: unknown): Promise<Row[]> {
  const t = c.down.table(table)
  const index = t.schema.getIndexByKeyPath(keyPath)
  if (!index) return []
  // DBCoreRangeType.Equal (1): a const enum in Dexie's types.
  const res = await t.query({ trans: c.trans, values: true, query: { index, range: { type: 1, lower: value, upper: value } as never } })
  return res.result as Row[]
}

async function getMany(c: Ctx, table: string, keys: unknown[]): Promise<Row[]> {
  if (keys.length === 0) return []
  return ((await c.down.table(table).getMany({ trans: c.trans, keys })) as (Row | undefined)[]).filter((r): r is Row => r !== undefined)
}

/**
 * Records a write reads back at most (one or two index reads each); a bigger page (a first sync,
 * a catch-up after weeks offline) drops every month of its sources instead of reading them all.
 */
export const MAX_RECORDS = 50

/** Source → the earliest month these rows (old and new versions of one table's rows) can change. */
export async function monthsTouched(c: Ctx, table: string, rows: readonly Row[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  const drop = (source: string, month: string) => {
    if (!out.has(source) || month < out.get(source)!) out.set(source, month)
  }
  const dropDate = (sources: readonly string[], rowsOf: readonly Row[]) => {
    const d = earliestDate(rowsOf)
    for (const s of sources) drop(s, d === null ? EVERY_MONTH : monthBefore(d))
  }
  switch (table) {
    case 'fuel_logs':
      // A reading's sequence (and so every interval of its vehicle) and the next months' medians
      // depend on every fill: every month.
      drop('fuel', EVERY_MONTH)
      break
    case 'follow_ups':
    case 'task_events':
      // Only reminders count, but a type can change: every sheet's months.
      if (table === 'follow_ups' || rows.some((r) => r.follow_up_id)) drop('followUps', EVERY_MONTH)
      break
    case 'tasks': {
      dropDate(['tasks'], rows)
      const ids = [...new Set(rows.map((r) => r.id))]
      const sheets = rows.some((r) => r.follow_up_id) || ids.length > MAX_RECORDS || (await Promise.all(ids.map((id) => byIndex(c, 'follow_ups', 'task_id', id)))).some((s) => s.length > 0)
      if (sheets) drop('followUps', EVERY_MONTH)
      break
    }
    case 'requests':
    case 'request_events': {
      const ids = [...new Set(rows.map((r) => String(table === 'requests' ? r.id : r.request_id)))]
      if (ids.length > MAX_RECORDS) {
        for (const s of FACTS[table]!) drop(s, EVERY_MONTH)
        break
      }
      for (const id of ids) {
        const [apps, decisions] = await Promise.all([getMany(c, 'requests', [id]), byIndex(c, 'request_events', 'request_id', id)])
        const mine = rows.filter((r) => (table === 'requests' ? r.id : r.request_id) === id)
        dropDate(table === 'requests' ? ['requests', 'dispatches'] : ['requests'], [...mine, ...apps, ...decisions.map((e) => ({ at: e.at }))])
      }
      break
    }
    case 'custody_events': {
      const assets = new Set(rows.map((r) => String(r.asset_id)))
      if (assets.size > MAX_RECORDS) {
        for (const s of FACTS[table]!) drop(s, EVERY_MONTH)
        break
      }
      for (const assetId of assets) {
        const history = await byIndex(c, 'custody_events', 'asset_id', assetId)
        const mine = rows.filter((r) => r.asset_id === assetId)
        const span = mine.flatMap((r) => loanSpan(history, r))
        dropDate(['custody', 'custodyChecks'], [...mine, ...span].map((e) => ({ t: e.device_time, due: (e.payload as Row | undefined)?.due_at })))
      }
      break
    }
    default: {
      const dim = DIMENSIONS[table]
      if (dim) {
        // Old and new versions come in pairs (see mutate): only a change of a field that matters drops.
        const pick = (r: Row) => JSON.stringify(dim.fields.map((f) => r[f] ?? null))
        const byId = new Map<unknown, Set<string>>()
        for (const r of rows) {
          const seen = byId.get(r.id) ?? new Set<string>()
          seen.add(pick(r))
          byId.set(r.id, seen)
        }
        const count = new Map<unknown, number>()
        for (const r of rows) count.set(r.id, (count.get(r.id) ?? 0) + 1)
        // A field changed, or a row came or went (only one version).
        if ([...byId.values()].some((s) => s.size > 1) || [...count.values()].some((n) => n === 1)) for (const s of dim.sources) drop(s, EVERY_MONTH)
      } else if (FACTS[table]) dropDate(FACTS[table], rows)
    }
  }
  return out
}

/**
 * What one transaction has done already (a sync page writes several tables, a local act a row and
 * its events): its writes share one look at the cache, bump each source once, and do not query
 * again for months an earlier write in it dropped. Sound because a readwrite transaction on
 * `kpi_months` runs alone: no other transaction adds a month while it is open.
 */
interface TxState {
  cached?: Promise<boolean>
  /** Sources whose generation this transaction bumped already. */
  bumped: Set<string>
  /** Source → the earliest month this transaction dropped from: nothing from there on is left. */
  dropped: Map<string, string>
}
const txStates = new WeakMap<object, TxState>()
function stateOf(trans: DBCoreTransaction): TxState {
  let st = txStates.get(trans)
  if (!st) txStates.set(trans, (st = { bumped: new Set(), dropped: new Map() }))
  return st
}

/** A new generation: any value but the one read before (random, so the bump is a write with no read). */
function newGen(): number {
  const [hi, lo] = crypto.getRandomValues(new Uint32Array(2))
  return (hi! & 0x1fffff) * 2 ** 32 + lo!
}

/** A figure computed from rows read before this write must not be stored after it (once per transaction). */
async function bump(c: Ctx, st: TxState, sources: readonly string[]): Promise<void> {
  const values = sources.filter((s) => !st.bumped.has(s)).map((source) => ({ key: genKey(source), source: GEN, month: source, gen: newGen() }) satisfies KpiGenRow)
  for (const v of values) st.bumped.add(v.month)
  if (values.length) await c.down.table(KPI_MONTHS).mutate({ type: 'put', trans: c.trans, values })
}

async function invalidate(c: Ctx, st: TxState, touched: ReadonlyMap<string, string>): Promise<void> {
  const cache = c.down.table(KPI_MONTHS)
  const index = cache.schema.getIndexByKeyPath(['source', 'month'])!
  const drops = [...touched].filter(([source, from]) => {
    const done = st.dropped.get(source)
    return done === undefined || from < done
  })
  for (const [source, from] of drops) st.dropped.set(source, from)
  await Promise.all([
    ...drops.map(async ([source, from]) => {
      // DBCoreRangeType.Range (2).
      const found = await cache.query({ trans: c.trans, values: false, query: { index, range: { type: 2, lower: [source, from], upper: [source, '\uffff'], lowerOpen: false, upperOpen: false } as never } })
      if (found.result.length) await cache.mutate({ type: 'delete', trans: c.trans, keys: found.result })
    }),
    bump(c, st, [...touched.keys()]),
  ])
}

/** Whether any month is cached (the generations are not figures). */
async function cached(c: Ctx): Promise<boolean> {
  const cache = c.down.table(KPI_MONTHS)
  const index = cache.schema.getIndexByKeyPath(['source', 'month'])!
  return (await cache.count({ trans: c.trans, query: { index, range: { type: 2, lower: ['', ''], upper: [GEN, ''], lowerOpen: false, upperOpen: true } as never } })) > 0
}

const sourcesOf = (name: string) => FACTS[name] ?? DIMENSIONS[name]?.sources ?? []

function watchedTable(down: DBCore, name: string, table: DBCoreTable): DBCoreTable {
  const sources = sourcesOf(name)
  return {
    ...table,
    // A Dexie promise, as IndexedDB's own layer returns: the callers above keep their transaction zone.
    mutate: (req: DBCoreMutateRequest) => new Dexie.Promise<DBCoreMutateResponse>((resolve, reject) => void mutate(req).then(resolve, reject)),
  }
  // IndexedDB runs a transaction's requests in the order they are made: a read made together with
  // the write still sees the old version, so the two need no round trip in between.
  async function mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
    const c = { down, trans: req.trans }
    // An upgrade's writes (an older version's transaction) have no cache to keep.
    if (!(req.trans as unknown as IDBTransaction).objectStoreNames?.contains(KPI_MONTHS)) return table.mutate(req)
    const st = stateOf(req.trans)
    st.cached ??= cached(c)
    if (!(await st.cached)) {
      // Nothing to drop; a figure being computed meanwhile must still not be stored.
      const [res] = await Promise.all([table.mutate(req), bump(c, st, sources)])
      return res
    }
    if (req.type === 'deleteRange') {
      const res = await table.mutate(req)
      await invalidate(c, st, new Map(sources.map((s) => [s, EVERY_MONTH])))
      return res
    }
    const keyPath = table.schema.primaryKey.keyPath as string
    const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v) => (v as Row)[keyPath]))
    const [before, res] = await Promise.all([getMany(c, name, keys as unknown[]), table.mutate(req)])
    const after = req.type === 'delete' ? [] : (req.values as Row[])
    // The old version and the new; a dimension row only added (no old one) counts as changed.
    const touched = await monthsTouched(c, name, [...before, ...after])
    if (touched.size) await invalidate(c, st, touched)
    return res
  }
}

export const kpiMonthsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'KpiMonths',
  // Right above IndexedDB, below Dexie's live-query layers: its own reads need no Dexie zone
  // (it runs after other middlewares' native awaits, e.g. the score mirror's).
  level: -2,
  create(down) {
    return {
      ...down,
      // A write transaction on a table KPIs are computed from also drops cached months: widen its scope.
      transaction(stores, mode, options) {
        if (mode !== 'readwrite' || !stores.some((s) => WATCHED.has(s))) return down.transaction(stores, mode, options)
        const scope = new Set([...stores, KPI_MONTHS, ...stores.flatMap((s) => READS[s] ?? [])])
        return down.transaction([...scope], mode, options)
      },
      table(name) {
        const table = down.table(name)
        return WATCHED.has(name) ? watchedTable(down, name, table) : table
      },
    }
  },
}
