/**
 * IndexedDB's key bounds and Dexie's query types, for the features' index range reads: features
 * read through the platform's db module and never import Dexie themselves.
 */
import Dexie, { type IndexableType } from 'dexie'

export type { Collection, IndexableType } from 'dexie'

/** Below every key: the open start of a compound index range ([site, status, MIN_KEY]). */
export const MIN_KEY: IndexableType = Dexie.minKey
/** Above every key: the open end of a compound index range. */
export const MAX_KEY: IndexableType = Dexie.maxKey
