/**
 * Which cached KPI months a write can change (kpiMonths.ts drops them): the tables that feed each
 * source, and the earliest month a table's rows (old and new versions) can put an item in, read
 * back from the whole record in the write's own transaction.
 */
import type { DBCore, DBCoreTransaction } from 'dexie'
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
export const WATCHED = new Set([...Object.keys(FACTS), ...Object.keys(DIMENSIONS)])
/** What a write to a table reads to bound its months (monthsTouched): in its transaction too. */
export const READS: Record<string, readonly string[]> = { tasks: ['follow_ups'], requests: ['request_events'], request_events: ['requests'] }
/** From the first month: every month. */
/** The sources a table feeds (facts or dimensions). */
export const sourcesOf = (name: string) => FACTS[name] ?? DIMENSIONS[name]?.sources ?? []
export const EVERY_MONTH = '0000-00'

export type Row = Record<string, unknown>
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

export interface Ctx {
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

export async function getMany(c: Ctx, table: string, keys: unknown[]): Promise<Row[]> {
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

