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
import { EVERY_MONTH, READS, WATCHED, getMany, monthsTouched, sourcesOf, type Ctx, type Row } from './kpiMonthsTouched'
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

export { MAX_RECORDS } from './kpiMonthsTouched'

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
