/**
 * What the KPI store reads and writes through the device db: Dexie and the read code around it,
 * and the sources' formulas that turn what it read into items.
 * A chunk of its own, requested with the dashboard's (loadKpiDevice): the dashboard's frame paints
 * from the page's chunk alone (issue 13: the dashboard opens before the device db, `beforeSeed`).
 */
export { getDb } from '@/platform/db'
export { loadKpiBase, readScope, readSource } from './kpiReads'
export { setKpiTarget } from './kpiWrites'
export { keepMonths, readKeptMonths } from './kpiMonthCache'
export { sourceItems } from '../domain/all'
