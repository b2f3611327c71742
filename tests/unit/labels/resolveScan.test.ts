import { beforeEach, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import type { AssetRow } from '@/platform/db/rows'
import { labelUrl, newLabelToken } from '@/features/assets/domain/labelToken'
import { badgeUrl } from '@/features/labels/domain/badge'
import { resolveAndLog, resolveScanText } from '@/features/scan/data/resolveScan'
import { freshDb } from '../features/testDb'

const ORIGIN = 'https://field.example.com'
const SEAL_ID = '5e000000-0000-4000-8000-000000000001'
const USER = '0a000000-0000-4000-8000-000000000003'
const stamp = '2026-01-01T00:00:00.000Z'
let db: AdminFieldDb
let token: string
let oldToken: string

function seal(): AssetRow {
  return {
    id: SEAL_ID, kind: 'seal', number: 'SEAL-0001', name: '合同专用章', site_id: '05000000-0000-4000-8000-000000000001',
    keeper_id: null, keeper_role: 'seal_keeper', notes: null, details: {}, status: 'in_stock', holder_id: null, due_at: null,
    condition: 'good', label_token: token, has_conflict: false, updated_at: stamp, deleted_at: null,
  }
}

beforeEach(async () => {
  db = freshDb()
  token = newLabelToken()
  oldToken = newLabelToken()
  await db.assets.add(seal())
  await db.asset_labels.bulkAdd([
    { id: crypto.randomUUID(), token, asset_id: SEAL_ID, status: 'active', issued_at: stamp, replaced_at: null, updated_at: stamp, deleted_at: null },
    { id: crypto.randomUUID(), token: oldToken, asset_id: SEAL_ID, status: 'replaced', issued_at: stamp, replaced_at: stamp, updated_at: stamp, deleted_at: null },
  ])
  await db.profiles.add({ id: USER, display_name: '李印', phone: null, site_id: null, department_id: null, updated_at: stamp, deleted_at: null })
})

describe('resolving a scan', () => {
  it('finds the asset from its label URL, its bare token (typed in lower case) and its printed number', async () => {
    expect(await resolveScanText(db, labelUrl(ORIGIN, token), [ORIGIN])).toMatchObject({ kind: 'asset', asset: { id: SEAL_ID } })
    expect(await resolveScanText(db, token.toLowerCase(), [ORIGIN])).toMatchObject({ kind: 'asset' })
    expect(await resolveScanText(db, 'seal 1', [ORIGIN])).toMatchObject({ kind: 'asset', asset: { number: 'SEAL-0001' } })
  })

  it('answers "label replaced" for an old token, "unknown" for a well-formed token not here', async () => {
    expect(await resolveScanText(db, labelUrl(ORIGIN, oldToken), [ORIGIN])).toMatchObject({ kind: 'replaced', asset: { id: SEAL_ID } })
    const stranger = newLabelToken()
    expect(await resolveScanText(db, labelUrl(ORIGIN, stranger), [ORIGIN])).toEqual({ kind: 'unknown', token: stranger })
    expect(await resolveScanText(db, 'EQP-0099', [ORIGIN])).toEqual({ kind: 'unknown_number', number: 'EQP-0099' })
  })

  it('recognises a badge, a foreign host and garbage', async () => {
    expect(await resolveScanText(db, badgeUrl(ORIGIN, USER), [ORIGIN])).toEqual({ kind: 'badge', userId: USER, name: '李印' })
    expect(await resolveScanText(db, `https://evil.example/a/${token}`, [ORIGIN])).toEqual({ kind: 'foreign', host: 'evil.example' })
    expect(await resolveScanText(db, 'WIFI:S:office;;', [ORIGIN])).toMatchObject({ kind: 'malformed' })
    const bad = token.slice(0, 16) + (token.endsWith('0') ? '1' : '0')
    expect(await resolveScanText(db, bad, [ORIGIN])).toEqual({ kind: 'malformed', reason: 'bad_checksum' })
  })

  it('records what found nothing in scan_log, and nothing for a found asset', async () => {
    const stranger = labelUrl(ORIGIN, newLabelToken())
    await resolveAndLog(db, stranger, [ORIGIN], { userId: USER })
    await resolveAndLog(db, labelUrl(ORIGIN, token), [ORIGIN], { userId: USER })
    await resolveAndLog(db, labelUrl(ORIGIN, oldToken), [ORIGIN], { userId: USER })
    await resolveAndLog(db, 'https://evil.example/x', [ORIGIN], { userId: null })
    const log = await db.scan_log.orderBy('scanned_at').toArray()
    expect(log.map((r) => r.result).sort()).toEqual(['foreign', 'label_replaced', 'unknown_label'])
    expect(log.find((r) => r.result === 'unknown_label')).toMatchObject({ text: stranger, user_id: USER })
  })
})
