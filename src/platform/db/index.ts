import { AdminFieldDb } from './schema'

export { AdminFieldDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, SCHEMA_V9, SCHEMA_V10, SCHEMA_V11, SCHEMA_V13, SCHEMA_V14 } from './schema'
export { scoreRowOf, type InspectionScoreRow } from './inspectionScores'
export { ASSET_GEN_KEY, REGISTRY_SNAPSHOT_KEY, newGeneration, type AssetIndexRow } from './assetIndex'
export { getMeta, setMeta } from './meta'
export { calendarDays, calendarFrom, companyZone, loadCompanyCalendar, loadDeadlineCalendar } from './companyCalendar'
export { dropFormDraft, formDraftKeys, loadFormDraft, plainCopy, saveFormDraft } from './drafts'
export { observe } from './observe'
export { onTableChanges, type TableChange } from './changes'
export type * from './rows'

/** A database handle. Tests pass a unique name so each gets a fresh IndexedDB. */
export function openDb(name = 'adminfield'): AdminFieldDb {
  return new AdminFieldDb(name)
}

/** The IndexedDB name of the app's database (`getDb`). */
export const APP_DB_NAME = 'adminfield'

let appDb: AdminFieldDb | null = null

/**
 * The app's database, constructed on first use rather than when this chunk loads: declaring every
 * schema version is ~12 ms of main thread (×4 on a slow phone), which start-up runs in a task of
 * its own (issue 13). Dexie opens IndexedDB lazily on first use.
 */
export function getDb(): AdminFieldDb {
  appDb ??= openDb(APP_DB_NAME)
  return appDb
}
