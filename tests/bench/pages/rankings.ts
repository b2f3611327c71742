/**
 * Runs in Chromium (served by the Vite dev server): fills real IndexedDB with a month of
 * checklists data for 300 areas (9,000 inspections with their answers, 30,000 photo metadata
 * rows; the score index is kept by the app's middleware as they are written), then times what
 * the rankings page does per period change, with the app's own code.
 */
import { openDb, type AdminFieldDb } from '@/platform/db'
import type { AreaRow, InspectionRow, PhotoRow } from '@/platform/db/rows'
import { computeRankings } from '@/features/inspections/domain/rankings'
import { loadDirectory, type Directory } from '@/features/rankings/data/rankingData'
import { periodRows } from '@/features/rankings/data/periodRows'
import { rankPeriod } from '@/features/rankings/data/rankPeriod'
import { periodRange } from '@/features/rankings/domain/periods'

export const MONTH = '2026-03'
const TZ = 'Asia/Shanghai'
const ITEMS = 20

export interface SeedResult {
  areas: number
  inspections: number
  /** Rows of the score index (inspection_scores), one per inspection. */
  scores: number
  photos: number
  seedMs: number
}

export interface Measured {
  samples: number[]
  /** Counts from the last run (checked by the test, never the time). */
  rows: { inspections: number; areas: number; departments: number; people: number }
}

declare global {
  interface Window {
    seedRankings(areas: number, perArea: number, photos: number): Promise<SeedResult>
    measureRankPeriod(runs: number): Promise<Measured>
    measureRankPeriodCold(runs: number): Promise<Measured>
    measureReadOnly(runs: number): Promise<Measured>
    measureComputeOnly(runs: number): Promise<Measured>
    measureWeek(runs: number): Promise<Measured>
  }
}

let db: AdminFieldDb
let directory: Directory
const uuid = () => crypto.randomUUID()

window.seedRankings = async (areaCount, perArea, photoCount) => {
  db = openDb(`bench-rankings-${uuid()}`)
  const t0 = performance.now()
  const stamp = new Date().toISOString()
  const site = uuid()
  const departments = Array.from({ length: 12 }, (_, i) => ({ id: uuid(), site_id: site, code: `D${i}`, name: `部门 ${i}`, updated_at: stamp, deleted_at: null }))
  const people = Array.from({ length: 60 }, (_, i) => ({ id: uuid(), display_name: `保洁员 ${i}`, phone: null, site_id: site, department_id: departments[i % 12]!.id, updated_at: stamp, deleted_at: null }))
  const inspectors = people.slice(0, 8).map((p) => p.id)
  const areas: AreaRow[] = Array.from({ length: areaCount }, (_, i) => ({
    id: uuid(), site_id: site, building: `${String.fromCharCode(65 + (i % 6))}栋`, floor: `${(i % 10) + 1}F`, name: `区域 ${i}`,
    area_type: 'washroom', responsible_id: people[i % people.length]!.id, department_id: departments[i % departments.length]!.id,
    frequency: 'daily', template_code: 'sanitation', label_token: null, updated_at: stamp, deleted_at: null,
  }))
  const template = uuid()
  const monthStart = Date.parse(periodRange(MONTH, TZ).from)
  const inspections: InspectionRow[] = []
  for (let a = 0; a < areaCount; a++) {
    for (let d = 0; d < perArea; d++) {
      const at = new Date(monthStart + d * 86_400_000 + 3_600_000 + a * 60_000).toISOString()
      const score = 55 + ((a * 7 + d * 13) % 45)
      inspections.push({
        id: uuid(), area_id: areas[a]!.id, template_id: template, inspector_id: inspectors[(a + d) % inspectors.length]!, started_at: at, submitted_at: at,
        via: 'scan', answers: Array.from({ length: ITEMS }, (_, k) => ({ item_key: `item_${k}`, result: (k + d) % 9 === 0 ? 'fail' : 'pass' })),
        score, grade: score >= 90 ? 'excellent' : score >= 80 ? 'good' : score >= 60 ? 'fair' : 'poor', critical_failed: false,
        server_score: d % 3 === 0 ? score : null, server_grade: null, updated_at: at, deleted_at: null,
      })
    }
  }
  const photos: PhotoRow[] = Array.from({ length: photoCount }, (_, i) => {
    const owner = inspections[i % inspections.length]!
    return { id: uuid(), owner_table: 'inspections', owner_id: owner.id, mime: 'image/jpeg', bytes: 240_000, width: 1600, height: 1200,
      taken_at: owner.submitted_at, taken_by: owner.inspector_id, storage_path: `inspections/${i}.jpg`, updated_at: owner.submitted_at, deleted_at: null }
  })
  await db.departments.bulkAdd(departments)
  await db.profiles.bulkAdd(people)
  await db.areas.bulkAdd(areas)
  for (let i = 0; i < inspections.length; i += 3000) await db.inspections.bulkAdd(inspections.slice(i, i + 3000))
  for (let i = 0; i < photos.length; i += 10_000) await db.photos.bulkAdd(photos.slice(i, i + 10_000))
  await db.company.add({ id: uuid(), name: 'Bench', timezone: TZ, updated_at: stamp, deleted_at: null })
  directory = await loadDirectory(db)
  return { areas: await db.areas.count(), inspections: await db.inspections.count(), scores: await db.inspection_scores.count(), photos: await db.photos.count(), seedMs: performance.now() - t0 }
}

async function time(runs: number, run: () => Promise<Measured['rows']>): Promise<Measured> {
  const samples: number[] = []
  let rows: Measured['rows'] = { inspections: 0, areas: 0, departments: 0, people: 0 }
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    rows = await run()
    samples.push(performance.now() - t0)
  }
  return { samples, rows }
}

// What the page does on a period change: read this and the previous month, rank by all three.
async function rankMonth(): Promise<Measured['rows']> {
  const r = await rankPeriod(db, directory, MONTH)
  const c = r.current
  return { inspections: r.read, areas: c?.area.length ?? 0, departments: c?.department.length ?? 0, people: c?.person.length ?? 0 }
}

// Cold: the database is closed and opened again first (untimed), as when the app starts.
window.measureRankPeriodCold = async (runs) => {
  const samples: number[] = []
  let rows: Measured['rows'] = { inspections: 0, areas: 0, departments: 0, people: 0 }
  for (let i = 0; i < runs; i++) {
    db.close()
    await db.open()
    const m = await time(1, rankMonth)
    samples.push(...m.samples)
    rows = m.rows
  }
  return { samples, rows }
}

// Warm: the page opened the period again.
window.measureRankPeriod = (runs) => time(runs, rankMonth)

// Of which: reading the month's score rows (inspection_scores, submitted_at range).
window.measureReadOnly = (runs) =>
  time(runs, async () => {
    const { from, to } = periodRange(MONTH, TZ)
    return { inspections: (await periodRows(db, from, to)).length, areas: 0, departments: 0, people: 0 }
  })

// Of which: the domain aggregation alone, rows already in memory.
window.measureComputeOnly = async (runs) => {
  const { from, to } = periodRange(MONTH, TZ)
  const rows = await periodRows(db, from, to)
  return time(runs, async () => {
    const m = computeRankings(rows, directory.areas, TZ, ['month']).get(MONTH)
    return { inspections: rows.length, areas: m?.area.length ?? 0, departments: m?.department.length ?? 0, people: m?.person.length ?? 0 }
  })
}

// A week of the same month (the page's weekly view).
window.measureWeek = (runs) =>
  time(runs, async () => {
    const r = await rankPeriod(db, directory, '2026-W11')
    const c = r.current
    return { inspections: r.read, areas: c?.area.length ?? 0, departments: c?.department.length ?? 0, people: c?.person.length ?? 0 }
  })
