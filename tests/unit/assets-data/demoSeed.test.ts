import { describe, expect, it } from 'vitest'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { DEMO_ASSETS_KEY } from '@/features/auth/data/demoSeed'
import { findAssetByToken } from '@/features/assets'
import { setMeta } from '@/platform/db'
import { freshDb } from '../features/testDb'

const assets = (demo as { assets?: { id: string; number: string; label_token: string }[] }).assets ?? []
const byNumber = (n: string) => assets.find((a) => a.number === n)!

describe('demo seed with assets', () => {
  it('adds the demo assets with their active labels and a few check-outs, no outbox entries', async () => {
    const db = freshDb()
    const now = new Date('2026-03-02T02:00:00Z')
    expect(await seedDemoCompany(db, now)).toBe(true)
    expect(await db.assets.count()).toBe(assets.length)
    expect((await db.asset_labels.toArray()).filter((l) => l.status === 'active')).toHaveLength(assets.length)
    for (const a of assets) expect(await findAssetByToken(db, a.label_token)).toMatchObject({ kind: 'asset', asset: { id: a.id } })
    const employee = demo.users.find((u) => u.roles.includes('employee'))!
    const held = await db.assets.where('holder_id').equals(employee.id).toArray()
    expect(held.map((a) => a.number).sort()).toEqual(['LIC-0002', 'UNI-0003'])
    expect(Date.parse((await db.assets.get(byNumber('LIC-0002').id))!.due_at!)).toBeLessThan(now.getTime())
    // What the browser tests start from stays in stock.
    for (const n of ['EQP-0001', 'EQP-0002', 'UNI-0001', 'SEAL-0001', 'SEAL-0002']) expect((await db.assets.get(byNumber(n).id))?.status, n).toBe('in_stock')
    expect(await db.outbox.count()).toBe(0)
  })

  it('is idempotent and never overwrites what the user changed since', async () => {
    const db = freshDb()
    await seedDemoCompany(db)
    const a = assets[0]!
    await db.assets.update(a.id, { name: 'Renamed' })
    expect(await seedDemoCompany(db)).toBe(false)
    expect(await db.assets.count()).toBe(assets.length)
    expect(await db.custody_events.count()).toBe(3)
    expect((await db.assets.get(a.id))?.name).toBe('Renamed')
  })

  it('gives a device seeded before the demo had assets its assets once', async () => {
    const db = freshDb()
    await seedDemoCompany(db)
    await db.assets.clear()
    await setMeta(db, DEMO_ASSETS_KEY, null)
    expect(await seedDemoCompany(db)).toBe(true)
    expect(await db.assets.count()).toBe(assets.length)
    expect(await db.custody_events.count()).toBe(3)
  })

  it('runs safely twice at once', async () => {
    const db = freshDb()
    const results = await Promise.all([seedDemoCompany(db), seedDemoCompany(db)])
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await db.asset_labels.count()).toBe(assets.length)
  })
})
