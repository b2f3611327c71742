import { TransientSyncError, type SyncTransport } from './protocol'

/**
 * Local mode has no server. This transport acknowledges every op as `applied` after
 * `latencyMs` and its pull never returns changes; the data stays on this device only.
 * It exists so the queue behaves as it will with a server: while `isOnline()` is false
 * (default: navigator.onLine) it throws TransientSyncError, so ops really stay "not synced"
 * offline and turn "synced" when the device comes back online. It proves nothing about a server.
 */
export function createLocalTransport(opts: { isOnline?: () => boolean; latencyMs?: number } = {}): SyncTransport {
  const isOnline = opts.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false)
  const latencyMs = opts.latencyMs ?? 300

  async function reachable(): Promise<void> {
    if (!isOnline()) throw new TransientSyncError('offline', 0)
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs))
    // The connection may have dropped while "in flight".
    if (!isOnline()) throw new TransientSyncError('offline', 0)
  }

  return {
    async push(ops) {
      await reachable()
      return ops.map((op) => ({ op_id: op.op_id, status: 'applied' as const }))
    },
    async pull(cursor) {
      await reachable()
      return { changes: [], cursor: cursor ?? 'local', has_more: false }
    },
  }
}
