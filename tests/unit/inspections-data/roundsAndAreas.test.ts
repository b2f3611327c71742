import { beforeEach, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import { recordRound, reviewRound, RoundPhotoRequiredError, InvalidReviewError } from '@/features/inspections/data/rounds'
import { pendingRounds } from '@/features/inspections/data/roundQueries'
import { createArea, updateArea } from '@/features/inspections/data/areaWrite'
import { areaInputSchema } from '@/features/inspections/data/areaInput'
import { findAreaByToken, listAreas } from '@/features/inspections'
import { isLabelToken, labelUrl } from '@/features/assets/domain/labelToken'
import { resolveScanText } from '@/features/scan/data/resolveScan'
import { roundDue } from '@/features/inspections/data/due'
import { freshDb } from '../features/testDb'
import { CLEANER, INSPECTOR, NOW, SITE, area, fakePhoto } from './fixtures'

let db: AdminFieldDb
beforeEach(() => {
  db = freshDb()
})

describe('cleaning rounds', () => {
  it('a round needs an after photo: without one nothing is written', async () => {
    const a = area()
    await expect(recordRound(db, { id: crypto.randomUUID(), area_id: a.id, cleaner_id: CLEANER, via: 'scan', note: null }, [], NOW)).rejects.toBeInstanceOf(RoundPhotoRequiredError)
    expect(await db.cleaning_rounds.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('records the round with its photos and ops, then the review with its own op', async () => {
    const a = area()
    await db.areas.add(a)
    const photo = fakePhoto()
    const round = await recordRound(db, { id: crypto.randomUUID(), area_id: a.id, cleaner_id: CLEANER, via: 'scan', note: '  已拖地 ' }, [photo], NOW)
    expect(round).toMatchObject({ review_status: 'pending', photo_ids: [photo.id], note: '已拖地', via: 'scan' })
    expect(await db.photos.get(photo.id)).toMatchObject({ owner_table: 'cleaning_rounds', owner_id: round.id })
    expect((await pendingRounds(db)).map((r) => r.id)).toEqual([round.id])
    expect((await roundDue(db, CLEANER, NOW, 'Asia/Shanghai')).done.map((x) => x.id)).toEqual([a.id])

    await expect(reviewRound(db, round.id, { status: 'accepted', score: 101, comment: null, reviewerId: INSPECTOR })).rejects.toBeInstanceOf(InvalidReviewError)
    const reviewed = await reviewRound(db, round.id, { status: 'sent_back', score: 55, comment: '角落没扫', reviewerId: INSPECTOR }, NOW)
    expect(reviewed).toMatchObject({ review_status: 'sent_back', review_score: 55, review_comment: '角落没扫', reviewed_by: INSPECTOR })
    expect(await pendingRounds(db)).toEqual([])
    const ops = await db.outbox.orderBy('seq').toArray()
    expect(ops.map((o) => o.kind)).toEqual(['round.record', 'photo.register', 'round.review'])
    expect(ops[2]!.payload).toEqual({ round_id: round.id, score: 55, decision: 'sent_back', comment: '角落没扫' })
    expect(ops[2]!.entity_id).not.toBe(round.id)
    expect(ops[2]!.related).toEqual([`cleaning_rounds:${round.id}`])
    // A round sent back does not count: the area is to be cleaned again.
    expect((await roundDue(db, CLEANER, NOW, 'Asia/Shanghai')).done).toEqual([])
  })
})

describe('areas', () => {
  const input = (over: Record<string, unknown> = {}) =>
    areaInputSchema.parse({ id: crypto.randomUUID(), site_id: SITE, building: 'B栋', floor: '1F', name: '大堂', area_type: 'office', responsible_id: CLEANER, department_id: null, frequency: 'daily', template_code: 'sanitation', ...over })

  it('create gives a fresh label token (area.upsert carries it); the token and the scanner find the area', async () => {
    const row = await createArea(db, input(), NOW)
    expect(isLabelToken(row.label_token!)).toBe(true)
    const [op] = await db.outbox.toArray()
    expect(op).toMatchObject({ kind: 'area.upsert', entity_id: row.id, payload: { label_token: row.label_token, name: '大堂' } })
    expect((await findAreaByToken(db, row.label_token!))?.id).toBe(row.id)
    expect(await resolveScanText(db, labelUrl('https://app.example', row.label_token!), ['https://app.example'])).toMatchObject({ kind: 'area', area: { id: row.id } })
  })

  it('edit keeps the token; the form schema refuses a blank name with an i18n key', async () => {
    const row = await createArea(db, input(), NOW)
    const saved = await updateArea(db, { ...input({ id: row.id }), name: '前台大堂' }, NOW)
    expect(saved).toMatchObject({ name: '前台大堂', label_token: row.label_token })
    const bad = areaInputSchema.safeParse({ ...input(), name: '  ' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.message).toBe('inspections.errors.required')
  })

  it('lists 300 areas sorted and filtered by site, type and responsible person', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => area({ name: `区域 ${String(i).padStart(3, '0')}`, area_type: i % 2 ? 'office' : 'washroom', responsible_id: i % 3 ? CLEANER : null }))
    await db.areas.bulkAdd(rows)
    const all = await listAreas(db)
    expect(all).toHaveLength(300)
    expect(all[0]!.name).toBe('区域 000')
    expect(await listAreas(db, { area_type: 'office' })).toHaveLength(150)
    expect(await listAreas(db, { responsible_id: CLEANER, area_type: 'office' })).toHaveLength(100)
  })
})
