/**
 * Device-only score index kept in step with every write to `inspections` (DBCore middleware,
 * so the sync pull's writes count too, in the same transaction): `inspection_scores` holds
 * the few fields the rankings need. Reading 9,000 full inspections costs most of a second on
 * a phone (IndexedDB deserialises every answer); reading their score rows does not.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie'
import type { InspectionRow } from './rows'

/** A row of `inspection_scores`: an inspection as the rankings see it. */
export interface InspectionScoreRow {
  id: string
  area_id: string
  submitted_at: string
  score: number | null
  server_score: number | null
  /**
   * A critical item failed. Absent on rows indexed before it was kept (no schema version for
   * a non-indexed field): readers fill it in from the inspection (rankings' periodRows).
   */
  critical_failed?: boolean
  /** Who was responsible for the area then (null: not recorded); absent on rows indexed before it was kept. */
  responsible_id?: string | null
  /** Tombstoned (deleted_at set): kept so the index mirrors the table, filtered by readers. */
  deleted: boolean
}

type ScoreSource = Pick<InspectionRow, 'id' | 'area_id' | 'submitted_at' | 'score' | 'server_score' | 'deleted_at'> & Partial<Pick<InspectionRow, 'critical_failed' | 'responsible_id'>>

export function scoreRowOf(row: ScoreSource): InspectionScoreRow {
  return {
    id: row.id,
    area_id: row.area_id,
    submitted_at: row.submitted_at,
    score: row.score ?? null,
    server_score: row.server_score ?? null,
    critical_failed: row.critical_failed === true,
    responsible_id: row.responsible_id ?? null,
    deleted: row.deleted_at != null,
  }
}

async function mirror(down: DBCore, req: DBCoreMutateRequest, res: DBCoreMutateResponse): Promise<void> {
  const scores = down.table('inspection_scores')
  const trans = req.trans
  if (req.type === 'add' || req.type === 'put') {
    // A failed item (bulkAdd of an existing id) did not change its inspection: keep its score.
    const failed = res.numFailures ? res.failures : {}
    const values = req.values.filter((_, i) => !(i in failed)).map((v) => scoreRowOf(v as ScoreSource))
    if (values.length) await scores.mutate({ type: 'put', trans, values })
  } else if (req.type === 'delete') {
    await scores.mutate({ type: 'delete', trans, keys: req.keys })
  } else {
    // Same primary keys in both stores, so the same range (clear() included).
    await scores.mutate({ type: 'deleteRange', trans, range: req.range })
  }
}

function inspectionsTable(down: DBCore, table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    async mutate(req: DBCoreMutateRequest) {
      const res = await table.mutate(req)
      await mirror(down, req, res)
      return res
    },
  }
}

export const inspectionScoresMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'InspectionScores',
  create(down) {
    return {
      ...down,
      // A write transaction on inspections also writes their scores: widen its scope.
      transaction(stores, mode, options) {
        const scope =
          mode === 'readwrite' && stores.includes('inspections') && !stores.includes('inspection_scores') ? [...stores, 'inspection_scores'] : stores
        return down.transaction(scope, mode, options)
      },
      table(name) {
        const table = down.table(name)
        return name === 'inspections' ? inspectionsTable(down, table) : table
      },
    }
  },
}
