// photo.register and the private 'photos' bucket: metadata follows its owner record,
// and Storage lets only the owner record's readers upload and read the object.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAsset, record } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, pullAll, push } from './support/sync'

let db: TestDb
const U = DEMO.users
const SEAL = DEMO.raw.assets.find((a) => a.number === 'SEAL-0001')?.id as string

let usageId: string
let usagePhoto: string
let eventPhoto: string
let eventId: string

const meta = (owner_table: string, owner_id: string, extra: Record<string, unknown> = {}) => ({
  owner_table,
  owner_id,
  mime: 'image/jpeg',
  bytes: 183_402,
  width: 1600,
  height: 1200,
  taken_at: new Date().toISOString(),
  ...extra,
})

/** Uploads an object as the user would through Storage (RLS on storage.objects). */
const upload = (user: string, name: string, bucket = 'photos') =>
  db.asUser(user, (q) => q('insert into storage.objects (bucket_id, name, owner) values ($1, $2, $3)', [bucket, name, user]))
const canRead = async (user: string, name: string) =>
  (await db.asUser(user, (q) => q(`select 1 from storage.objects where bucket_id = 'photos' and name = $1`, [name]))).length === 1

beforeAll(async () => {
  db = await openTestDb()
  // A stamp-here line with a photo of the stamped page, recorded by the seal keeper.
  usageId = randomUUID()
  usagePhoto = randomUUID()
  const [u] = await push(db, U.sealKeeper, [
    makeOp('seal_usage.record', usageId, {
      seal_id: SEAL,
      used_at: new Date().toISOString(),
      document_title: '授权委托书',
      document_type: 'letter',
      copies: 1,
      purpose: '银行开户',
      requester_name: '郑浩',
      requester_department: '仓储物流部',
      approver_name: '王晓燕',
      mode: 'stamp_here',
      photo_ids: [usagePhoto],
    }),
    makeOp('photo.register', usagePhoto, meta('seal_usages', usageId)),
  ])
  expect(u?.status).toBe('applied')
  // An employee checks in a uniform it holds, with a photo.
  const uniform = await createAsset(db, 'uniform')
  await record(db, U.assetKeeper, uniform, 'check_out', { to_person: U.employee, due_at: null, purpose: '入职发放', condition: 'good' })
  eventPhoto = randomUUID()
  eventId = (await record(db, U.employee, uniform, 'report_damaged', { note: '拉链坏了' })).event_id
})
afterAll(() => db?.close())

describe('photo.register', () => {
  it('records the metadata with the server-made path and the taker', async () => {
    const [row] = await db.query('select owner_table, owner_id, storage_path, taken_by, mime from public.photos where id = $1', [usagePhoto])
    expect(row).toEqual({ owner_table: 'seal_usages', owner_id: usageId, storage_path: `seal_usages/${usagePhoto}.jpg`, taken_by: U.sealKeeper, mime: 'image/jpeg' })
  })

  it('the holder registers a photo of its own event; a cleaner may not for the seal register', async () => {
    const [r] = await push(db, U.employee, [makeOp('photo.register', eventPhoto, meta('custody_events', eventId, { storage_path: `custody_events/${eventPhoto}.jpg` }))])
    expect(r?.status).toBe('applied')
    const [c] = await push(db, U.cleaner, [makeOp('photo.register', randomUUID(), meta('seal_usages', usageId))])
    expect(c).toMatchObject({ status: 'refused', reason: 'forbidden' })
  })

  it('refuses malformed metadata naming the field, and changes nothing', async () => {
    const bad: [Record<string, unknown>, string, string][] = [
      [meta('seal_usages', randomUUID()), 'not_found', 'owner_id: no such seal_usages row'],
      [meta('assets', usageId), 'invalid', 'owner_table: one of'],
      [meta('seal_usages', usageId, { mime: 'image/png' }), 'invalid', 'mime'],
      [meta('seal_usages', usageId, { bytes: 0 }), 'invalid', 'bytes'],
      [meta('seal_usages', usageId, { width: 1.5 }), 'invalid', 'width'],
      [meta('seal_usages', usageId, { taken_at: 'now' }), 'invalid', 'taken_at'],
      [meta('seal_usages', usageId, { storage_path: 'elsewhere/x.jpg' }), 'invalid', 'storage_path: must be seal_usages/'],
      [meta('seal_usages', usageId, { taken_by: U.adminHead }), 'forbidden', 'taken_by'],
      [meta('seal_usages', usageId, { exif: {} }), 'invalid', 'exif: unexpected field'],
    ]
    const [before] = await db.query<{ n: number }>('select count(*)::int as n from public.photos')
    for (const [payload, reason, detail] of bad) {
      const [r] = await push(db, U.sealKeeper, [makeOp('photo.register', randomUUID(), payload)])
      expect(r, JSON.stringify(payload)).toMatchObject({ status: 'refused', reason })
      expect(r?.detail, JSON.stringify(payload)).toContain(detail)
    }
    const [after] = await db.query<{ n: number }>('select count(*)::int as n from public.photos')
    expect(after).toEqual(before)
  })

  it('is idempotent: the same op is a duplicate, the same photo again is one row', async () => {
    const id = randomUUID()
    const op = makeOp('photo.register', id, meta('seal_usages', usageId))
    expect((await push(db, U.sealKeeper, [op, op])).map((r) => r.status)).toEqual(['applied', 'duplicate'])
    expect((await push(db, U.sealKeeper, [{ ...op, op_id: randomUUID() }]))[0]?.status).toBe('applied')
    const [again] = await push(db, U.adminHead, [makeOp('photo.register', id, meta('custody_events', eventId))])
    expect(again).toMatchObject({ status: 'refused', reason: 'invalid', detail: 'id: already used by another photo' })
    const [n] = await db.query<{ n: number }>('select count(*)::int as n from public.photos where id = $1', [id])
    expect(n?.n).toBe(1)
  })

  it('photos rows follow their owner record through RLS and pull', async () => {
    const seen = async (user: string) =>
      (await db.asUser(user, (q) => q<{ id: string }>('select id from public.photos where id = any ($1::uuid[])', [[usagePhoto, eventPhoto]]))).map((r) => r.id).sort()
    expect(await seen(U.sealKeeper)).toEqual([usagePhoto])
    expect(await seen(U.executive)).toEqual([usagePhoto, eventPhoto].sort())
    expect(await seen(U.assetKeeper)).toEqual([eventPhoto])
    expect(await seen(U.employee)).toEqual([eventPhoto])
    expect(await seen(U.cleaner)).toEqual([])
    const keeper = await pullAll(db, U.sealKeeper, null)
    expect(keeper.changes.find((c) => c.table === 'photos' && c.id === usagePhoto)?.row).toMatchObject({ storage_path: `seal_usages/${usagePhoto}.jpg` })
  })
})

describe('Storage bucket photos', () => {
  it('exists and is private', async () => {
    const [b] = await db.query('select public, allowed_mime_types from storage.buckets where id = $1', ['photos'])
    expect(b).toEqual({ public: false, allowed_mime_types: ['image/jpeg'] })
  })

  it('the keeper uploads and reads a seal usage\'s photo; a cleaner can do neither', async () => {
    const path = `seal_usages/${usagePhoto}.jpg`
    await expect(upload(U.cleaner, path)).rejects.toThrow(/row-level security/)
    await upload(U.sealKeeper, path)
    expect(await canRead(U.sealKeeper, path)).toBe(true)
    expect(await canRead(U.adminHead, path)).toBe(true)
    expect(await canRead(U.cleaner, path)).toBe(false)
    expect(await canRead(U.employee, path)).toBe(false)
    // "Already exists" on a retry: the same path cannot be a second object.
    await expect(upload(U.sealKeeper, path)).rejects.toThrow(/duplicate key|unique/)
  })

  it('the holder uploads its event photo; the kind\'s keeper reads it', async () => {
    const path = `custody_events/${eventPhoto}.jpg`
    await upload(U.employee, path)
    expect(await canRead(U.employee, path)).toBe(true)
    expect(await canRead(U.assetKeeper, path)).toBe(true)
    expect(await canRead(U.sealKeeper, path)).toBe(false)
  })

  it('refuses paths no registered photo owns, and other buckets', async () => {
    await expect(upload(U.sealKeeper, `seal_usages/${randomUUID()}.jpg`)).rejects.toThrow(/row-level security/)
    await expect(upload(U.sealKeeper, `elsewhere/${usagePhoto}.jpg`)).rejects.toThrow(/row-level security/)
    await db.query(`insert into storage.buckets (id, name) values ('other', 'other') on conflict do nothing`)
    await expect(upload(U.sealKeeper, `seal_usages/${usagePhoto}.jpg`, 'other')).rejects.toThrow(/row-level security/)
  })
})

describe('the photo-owner registry', () => {
  it('names an existing public table and a private (uuid) → boolean rule for every owner, closed to clients', async () => {
    const rows = await db.query<{ t: string; has_table: boolean; schema: string; args: string; ret: string; authn: boolean }>(
      `select o.owner_table as t, to_regclass('public.' || o.owner_table) is not null as has_table,
              p.pronamespace::regnamespace::text as schema, pg_get_function_identity_arguments(p.oid) as args,
              p.prorettype::regtype::text as ret, has_function_privilege('authenticated', p.oid, 'execute') as authn
       from private.photo_owners o join pg_proc p on p.oid = o.can_see::oid order by 1`,
    )
    expect(rows.map((r) => r.t)).toEqual(expect.arrayContaining(['custody_events', 'seal_usages', 'tasks', 'dorm_check_ins']))
    for (const r of rows) expect(r, r.t).toMatchObject({ has_table: true, schema: 'private', ret: 'boolean', authn: false })
    for (const r of rows) expect(r.args, r.t).toMatch(/^p_\w+ uuid$/)
    const [c] = await db.query<{ n: number }>(
      `select count(*)::int as n from private.photo_owners where owner_table in ('profiles', 'user_roles')`,
    )
    expect(c?.n).toBe(0)
  })

  it('refuses a photo of a table that is not registered, with a reason, and stores nothing', async () => {
    const id = randomUUID()
    const [r] = await push(db, U.sealKeeper, [makeOp('photo.register', id, meta('profiles', U.sealKeeper))])
    expect(r).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(JSON.stringify(r)).toMatch(/owner_table/)
    expect(await db.query('select 1 from public.photos where id = $1', [id])).toHaveLength(0)
  })

  it('an engine adds a photo owner with one row: photo.register, photos RLS and Storage follow it', async () => {
    // A stand-in engine table whose rows only their author may read.
    await db.query(`create table public.notes_for_photos (id uuid primary key, author uuid not null)`)
    await db.query(`create function private.can_see_note_for_photos(p_id uuid) returns boolean language sql stable
                    set search_path = '' as $$ select exists (select 1 from public.notes_for_photos n
                    where n.id = p_id and n.author = auth.uid()) $$`)
    await db.query(`insert into private.photo_owners values ('notes_for_photos', 'private.can_see_note_for_photos(uuid)')`)
    const note = randomUUID()
    await db.query('insert into public.notes_for_photos values ($1, $2)', [note, U.employee])
    const photo = randomUUID()
    const [refused] = await push(db, U.cleaner, [makeOp('photo.register', photo, meta('notes_for_photos', note))])
    expect(refused).toMatchObject({ status: 'refused', reason: 'forbidden' })
    const [ok] = await push(db, U.employee, [makeOp('photo.register', photo, meta('notes_for_photos', note))])
    expect(ok?.status).toBe('applied')
    const path = `notes_for_photos/${photo}.jpg`
    await expect(upload(U.cleaner, path)).rejects.toThrow(/row-level security/)
    await upload(U.employee, path)
    expect(await canRead(U.employee, path)).toBe(true)
    expect(await canRead(U.cleaner, path)).toBe(false)
  })
})
