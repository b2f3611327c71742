import { describe, expect, it } from 'vitest'
import { pendingEntityIds } from '@/platform/sync'
import {
  createDepartment,
  deleteDepartment,
  DepartmentNotFoundError,
  loadOrg,
  renameDepartment,
  updateDepartment,
} from '@/features/admin/data/departmentRepository'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import demo from '@/platform/demo/demo-company.json'
import { freshDb } from '../testDb'

const SITE = demo.sites[0]!.id

describe('department repository', () => {
  it('writes the row and its upsert op together, and marks it pending', async () => {
    const db = freshDb()
    const id = await createDepartment(db, { site_id: SITE, code: 'QA', name: '质量部' })
    const row = await db.departments.get(id)
    expect(row).toMatchObject({ id, site_id: SITE, code: 'QA', name: '质量部', deleted_at: null })
    const ops = await db.outbox.toArray()
    expect(ops).toHaveLength(1)
    expect(ops[0]).toMatchObject({
      kind: 'department.upsert',
      entity_table: 'departments',
      entity_id: id,
      payload: { site_id: SITE, code: 'QA', name: '质量部' },
      status: 'pending',
    })
    expect((await pendingEntityIds(db)).has(id)).toBe(true)
  })

  it('writes nothing when the row cannot be written (no op without its change)', async () => {
    const db = freshDb()
    const id = await createDepartment(db, { site_id: SITE, code: 'QA', name: 'x' })
    // A second add with the same id would fail; simulate by forcing a duplicate primary key.
    const original = crypto.randomUUID
    crypto.randomUUID = () => id as `${string}-${string}-${string}-${string}-${string}`
    try {
      await expect(createDepartment(db, { site_id: SITE, code: 'QB', name: 'y' })).rejects.toThrow()
    } finally {
      crypto.randomUUID = original
    }
    expect(await db.departments.count()).toBe(1)
    expect(await db.outbox.count()).toBe(1)
  })

  it('renames with a full upsert payload', async () => {
    const db = freshDb()
    await seedDemoCompany(db)
    const dept = demo.departments[0]!
    await renameDepartment(db, dept.id, '综合行政部')
    expect((await db.departments.get(dept.id))?.name).toBe('综合行政部')
    const [op] = await db.outbox.toArray()
    expect(op).toMatchObject({ kind: 'department.upsert', entity_id: dept.id, payload: { site_id: dept.site_id, code: dept.code, name: '综合行政部' } })
  })

  it('sets and clears the head; head_id rides in the op only when the head changes', async () => {
    const db = freshDb()
    await seedDemoCompany(db)
    const dept = demo.departments[0]!
    const head = demo.users.find((u) => u.site_id === dept.site_id)!.id
    await updateDepartment(db, dept.id, { name: dept.name, head_id: head })
    expect((await db.departments.get(dept.id))?.head_id).toBe(head)
    expect((await loadOrg(db)).departments.find((d) => d.id === dept.id)?.headId).toBe(head)
    await renameDepartment(db, dept.id, '综合行政部')
    expect((await db.departments.get(dept.id))?.head_id).toBe(head)
    await updateDepartment(db, dept.id, { name: '综合行政部', head_id: null })
    expect((await db.departments.get(dept.id))?.head_id).toBeNull()
    const payloads = (await db.outbox.orderBy('seq').toArray()).map((o) => o.payload)
    expect(payloads).toEqual([
      { site_id: dept.site_id, code: dept.code, name: dept.name, head_id: head },
      { site_id: dept.site_id, code: dept.code, name: '综合行政部' },
      { site_id: dept.site_id, code: dept.code, name: '综合行政部', head_id: null },
    ])
  })

  it('deletes as a tombstone with a delete op; the row leaves the list', async () => {
    const db = freshDb()
    await seedDemoCompany(db)
    const dept = demo.departments[1]!
    await deleteDepartment(db, dept.id)
    const row = await db.departments.get(dept.id)
    expect(row?.deleted_at).toBeTypeOf('string')
    const [op] = await db.outbox.toArray()
    expect(op).toMatchObject({ kind: 'department.delete', entity_id: dept.id, payload: {} })
    const org = await loadOrg(db)
    expect(org.departments.some((d) => d.id === dept.id)).toBe(false)
    expect((await pendingEntityIds(db)).has(dept.id)).toBe(true)
    await expect(deleteDepartment(db, dept.id)).rejects.toBeInstanceOf(DepartmentNotFoundError)
  })

  it('no longer marks a row once its op is applied', async () => {
    const db = freshDb()
    const id = await createDepartment(db, { site_id: SITE, code: 'QA', name: 'x' })
    await db.outbox.toCollection().modify({ status: 'applied' })
    expect((await pendingEntityIds(db)).has(id)).toBe(false)
  })
})
