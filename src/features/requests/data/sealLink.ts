/**
 * 用印申请 → 用印登记 on the device: the link row of a register line and the application marked carried
 * out, written in the seal feature's one transaction (the same shape as its photo writes). The server
 * re-checks with op seal_usage.link (flags a line whose application is not approved).
 */
import type { AdminFieldDb } from '@/platform/db'
import type { OutboxEntry, RequestRow, SealUsageRequestRow } from '@/platform/db/rows'
import { buildOp, entityKey } from '@/platform/sync/outbox'

export interface SealLink {
  usageId: string
  usedAt: string
  stampedHere: boolean
  sealInStock: boolean
  request: RequestRow | null
  emergencyReason: string | null
  by: string
}

/** The flag the server will set, computed the same way so the line shows it before syncing. */
export function sealLinkFlag(link: SealLink): string | null {
  if (!link.request) return 'seals.flags.noApplication'
  if (link.request.type !== 'seal_use' || link.request.status !== 'approved') return 'seals.flags.applicationNotApproved'
  if (link.stampedHere && !link.sealInStock) return 'seals.flags.sealUnavailable'
  return null
}

export function sealLinkWrite(database: AdminFieldDb, link: SealLink, now = new Date()): { tables: string[]; ops: OutboxEntry[]; write: () => Promise<void> } {
  const stamp = now.toISOString()
  const row: SealUsageRequestRow = {
    id: link.usageId,
    request_id: link.request?.id ?? null,
    emergency_reason: link.request ? null : link.emergencyReason,
    flag: sealLinkFlag(link),
    linked_by: link.by,
    updated_at: stamp,
    deleted_at: null,
  }
  const op = buildOp('seal_usage.link', 'seal_usage_requests', link.usageId, link.request ? { request_id: link.request.id } : { emergency_reason: link.emergencyReason }, now)
  if (link.request) op.related = [entityKey('requests', link.request.id)]
  const request = link.request
  return {
    tables: ['seal_usage_requests', 'requests'],
    ops: [op],
    write: async () => {
      await database.seal_usage_requests.put(row)
      if (request && row.flag !== 'seals.flags.applicationNotApproved' && request.fulfilled_at === null) {
        await database.requests.update(request.id, { fulfilled_at: link.usedAt, fulfilled_by: link.by, updated_at: stamp })
      }
    },
  }
}

/** Links of register lines, by line id (the register shows which application each carried out). */
export async function sealLinks(database: AdminFieldDb): Promise<Map<string, SealUsageRequestRow & { title: string | null }>> {
  const [links, requests] = await Promise.all([database.seal_usage_requests.toArray(), database.requests.where('[type+status]').between(['seal_use', ''], ['seal_use', '\uffff']).toArray()])
  const titles = new Map(requests.map((r) => [r.id, r.title]))
  return new Map(links.map((l) => [l.id, { ...l, title: l.request_id ? (titles.get(l.request_id) ?? null) : null }]))
}
