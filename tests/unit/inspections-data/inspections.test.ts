import { beforeEach, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import { pendingEntityIds } from '@/platform/sync'
import { submitInspection, InspectionInvalidError } from '@/features/inspections/data/submitInspection'
import { loadDraft, saveDraft, draftAreaIds } from '@/features/inspections/data/drafts'
import { listInspections, latestTemplate, getTemplateVersion } from '@/features/inspections'
import { freshDb } from '../features/testDb'
import { CRITICAL, INSPECTOR, NOW, TEMPLATE, TEMPLATE_ID, area, draftFor, fakePhoto, seedTemplates } from './fixtures'

let db: AdminFieldDb
beforeEach(async () => {
  db = freshDb()
  await seedTemplates(db)
})

describe('submitting an inspection', () => {
  it('writes the inspection, its rectifications, the photos and the ops in one transaction, and drops the draft', async () => {
    const a = area()
    await db.areas.add(a)
    const photo = fakePhoto()
    const draft = draftFor(a, { [CRITICAL.key]: { result: 'fail', note: '地面积水', photos: [photo] } })
    await saveDraft(db, draft)
    const { inspection, rectifications } = await submitInspection(db, { draft, template: TEMPLATE, area: a }, NOW)

    expect(inspection).toMatchObject({ id: draft.id, area_id: a.id, template_id: TEMPLATE_ID, inspector_id: INSPECTOR, via: 'scan', critical_failed: true })
    expect(inspection.grade).toBe('poor')
    expect(await db.inspections.get(draft.id)).toEqual(inspection)
    expect(rectifications).toHaveLength(1)
    expect(rectifications[0]).toMatchObject({ inspection_id: draft.id, item_key: CRITICAL.key, severity: 'critical', assignee_id: a.responsible_id, status: 'open' })
    expect(await db.rectifications.where('inspection_id').equals(draft.id).count()).toBe(1)
    expect(await db.photos.get(photo.id)).toMatchObject({ owner_table: 'inspections', owner_id: draft.id })
    expect(await db.photo_blobs.get(photo.id)).toBeTruthy()
    expect(await loadDraft(db, a.id)).toBeUndefined()

    const ops = await db.outbox.orderBy('seq').toArray()
    expect(ops.map((o) => o.kind)).toEqual(['inspection.submit', 'photo.register'])
    expect(ops[0]!.payload).toMatchObject({ id: draft.id, score: inspection.score, critical_failed: true, rectifications: [{ id: rectifications[0]!.id, item_key: CRITICAL.key }] })
    expect(ops[0]!.related).toEqual([`rectifications:${rectifications[0]!.id}`])
    const pending = await pendingEntityIds(db)
    expect(pending.has(draft.id) && pending.has(rectifications[0]!.id)).toBe(true)
    expect(await listInspections(db, { from: '2026-03-01T00:00:00Z', to: '2026-03-03T00:00:00Z' })).toHaveLength(1)
  })

  it('refuses a failed photo-required item without a photo, and unanswered items: nothing is written', async () => {
    const a = area()
    await db.areas.add(a)
    const draft = draftFor(a, { [CRITICAL.key]: { result: 'fail' } })
    delete draft.answers[Object.keys(draft.answers)[0] === CRITICAL.key ? Object.keys(draft.answers)[1]! : Object.keys(draft.answers)[0]!]
    const error = await submitInspection(db, { draft, template: TEMPLATE, area: a }, NOW).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InspectionInvalidError)
    const keys = (error as InspectionInvalidError).score.issues.map((i) => i.key)
    expect(keys).toEqual(expect.arrayContaining(['inspections.errors.photoRequired', 'inspections.errors.unanswered']))
    expect(await db.inspections.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('rolls everything back when one write fails (the same inspection id twice)', async () => {
    const a = area()
    await db.areas.add(a)
    const draft = draftFor(a, { [CRITICAL.key]: { result: 'fail', photos: [fakePhoto()] } })
    await submitInspection(db, { draft, template: TEMPLATE, area: a }, NOW)
    const counts = async () => [await db.inspections.count(), await db.rectifications.count(), await db.outbox.count(), await db.photos.count()]
    const before = await counts()
    await expect(submitInspection(db, { draft: { ...draft, answers: { ...draft.answers } }, template: TEMPLATE, area: a }, NOW)).rejects.toThrow()
    expect(await counts()).toEqual(before)
  })

  it('issue #12: stamps the area\'s responsible person at the time on the inspection and its score index', async () => {
    const a = area()
    await db.areas.add(a)
    const { inspection } = await submitInspection(db, { draft: draftFor(a), template: TEMPLATE, area: a }, NOW)
    expect(inspection.responsible_id).toBe(a.responsible_id)
    expect((await db.inspection_scores.get(inspection.id))?.responsible_id).toBe(a.responsible_id)
  })

  it('a clean inspection creates no rectification', async () => {
    const a = area()
    await db.areas.add(a)
    const { inspection, rectifications } = await submitInspection(db, { draft: draftFor(a), template: TEMPLATE, area: a }, NOW)
    expect(inspection).toMatchObject({ score: 100, grade: 'excellent', critical_failed: false })
    expect(rectifications).toEqual([])
  })
})

describe('drafts', () => {
  it('survive a reload (a new handle on the same database), photos included', async () => {
    const a = area()
    const photo = fakePhoto()
    const draft = draftFor(a, { [CRITICAL.key]: { result: 'fail', note: '有积水', photos: [photo] } })
    await saveDraft(db, draft)
    db.close()
    const { openDb } = await import('@/platform/db')
    const again = openDb(db.name)
    const back = await loadDraft(again, a.id)
    expect(back?.id).toBe(draft.id)
    expect(back?.answers[CRITICAL.key]).toMatchObject({ result: 'fail', note: '有积水' })
    expect(back?.answers[CRITICAL.key]?.photos[0]?.id).toBe(photo.id)
    expect(await draftAreaIds(again)).toEqual([a.id])
  })
})

describe('template versions', () => {
  it('latestTemplate takes the highest active version; getTemplateVersion keeps an old one', async () => {
    const v1 = await getTemplateVersion(db, TEMPLATE_ID)
    await db.checklist_templates.add({ ...v1!, id: crypto.randomUUID(), version: 2 })
    await db.checklist_templates.add({ ...v1!, id: crypto.randomUUID(), version: 3, active: false })
    expect((await latestTemplate(db, 'sanitation'))?.version).toBe(2)
    expect((await getTemplateVersion(db, TEMPLATE_ID))?.version).toBe(1)
  })
})
