/**
 * Device-only helpers kept in step with every write to `assets` (DBCore middleware, so the sync
 * pull's writes count too, in the same transaction):
 * - `conflict_flag` (0/1) beside `has_conflict`: IndexedDB cannot index booleans, and keepers'
 *   conflict lists should read only the flagged rows;
 * - a generation token in `asset_index`, replaced on each write: a snapshot of the registry's
 *   columns tagged with the token it was built from is current exactly while the token is.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie'

export const ASSET_GEN_KEY = 'gen'
export const REGISTRY_SNAPSHOT_KEY = 'registry'

/** A row of `asset_index`: the generation token, or a snapshot tagged with one. */
export interface AssetIndexRow {
  key: string
  gen: string
  /** Snapshot payload (shape owned by its reader). */
  data?: unknown
}

/** What `assets` rows carry on the device besides AssetRow. */
export interface AssetIndexFields {
  conflict_flag: 0 | 1
}

export function newGeneration(): string {
  return crypto.randomUUID()
}

function withFlag<T extends { has_conflict?: unknown }>(row: T): T & AssetIndexFields {
  return { ...row, conflict_flag: row.has_conflict ? 1 : 0 }
}

function assetsTable(down: DBCore, table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    async mutate(req: DBCoreMutateRequest) {
      const next = req.type === 'add' || req.type === 'put' ? { ...req, values: req.values.map(withFlag) } : req
      const res = await table.mutate(next)
      await down.table('asset_index').mutate({ type: 'put', trans: req.trans, values: [{ key: ASSET_GEN_KEY, gen: newGeneration() }] })
      return res
    },
  }
}

export const assetIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'AssetIndex',
  create(down) {
    return {
      ...down,
      // A write transaction on assets also writes the generation token: widen its scope.
      transaction(stores, mode, options) {
        const scope = mode === 'readwrite' && stores.includes('assets') && !stores.includes('asset_index') ? [...stores, 'asset_index'] : stores
        return down.transaction(scope, mode, options)
      },
      table(name) {
        const table = down.table(name)
        return name === 'assets' ? assetsTable(down, table) : table
      },
    }
  },
}
