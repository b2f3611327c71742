import Dexie, { type IntervalTree, type ObservabilitySet } from 'dexie'

/** The rows of a table that changed: their primary keys, or 'all' when only a range is known. */
export type TableChange = ReadonlySet<string> | 'all'

/**
 * Calls `listener` after every committed write (in this tab or another) to any of `tables` of this
 * database, with the primary keys written or deleted per table. Dexie knows the keys of a put, add
 * or delete of fewer than 50 rows; a bigger bulk write (a sync's page), a clear, a range delete, a
 * database just created or a page restored from the back/forward cache give 'all', and the
 * listener must then read everything again. For incremental views (the bell's tally) where a live
 * query would re-run its whole read. Returns the unsubscribe function.
 */
export function onTableChanges(database: Dexie, tables: readonly string[], listener: (changes: Map<string, TableChange>) => void): () => void {
  const prefix = `idb://${database.name}/`
  const handler = (parts: ObservabilitySet) => {
    const changes = new Map<string, Set<string> | 'all'>()
    const everything = () => tables.forEach((t) => changes.set(t, 'all'))
    for (const [part, tree] of Object.entries(parts)) {
      if (!part.startsWith('idb://')) {
        everything()
        continue
      }
      if (!part.startsWith(prefix)) continue
      const rest = part.slice(prefix.length)
      const slash = rest.indexOf('/')
      const table = rest.slice(0, slash)
      const index = rest.slice(slash + 1)
      // The primary keys written ('') and deleted (':dels'); index parts repeat them as index keys.
      if (slash < 0 || !tables.includes(table) || (index !== '' && index !== ':dels')) continue
      const now = changes.get(table)
      if (now === 'all') continue
      const keys = keysOf(tree)
      if (keys === 'all') changes.set(table, 'all')
      else if (keys.length > 0) changes.set(table, new Set([...(now ?? []), ...keys]))
    }
    if (changes.size > 0) listener(changes)
  }
  Dexie.on.storagemutated.subscribe(handler)
  return () => Dexie.on.storagemutated.unsubscribe(handler)
}

/** The single keys of a range set (Dexie's interval tree), or 'all' when it holds a range. */
function keysOf(tree: IntervalTree): string[] | 'all' {
  const keys: string[] = []
  const stack: IntervalTree[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (!('from' in node)) continue
    if (typeof node.from !== 'string' || node.from !== node.to) return 'all'
    keys.push(node.from)
    if (node.l) stack.push(node.l)
    if (node.r) stack.push(node.r)
  }
  return keys
}
