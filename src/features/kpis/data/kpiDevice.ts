/**
 * What the KPI store reads and writes through the device db: Dexie and the read code around it,
 * and the sources' formulas that turn what it read into items.
 * The store imports this module when it first reads, so the dashboard's frame paints before any
 * of it has downloaded (issue 13: the dashboard opens before the device db, `beforeSeed`).
 */
export { getDb } from '@/platform/db'
export { loadKpiBase, readScope, readSource } from './kpiReads'
export { setKpiTarget } from './kpiWrites'
export { keepMonths, readKeptMonths } from './kpiMonthCache'
export { sourceItems } from '../domain/all'
