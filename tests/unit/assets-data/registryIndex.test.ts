/** The registry index is read from its saved snapshot while no asset changed, rebuilt after a write. */
import { describe, expect, it, vi } from 'vitest'
import { observe } from '@/platform/db'
import { loadRegistryIndex, type RegistryEntry } from '@/features/assets/data/registryQueries'
import { createAsset, updateAsset } from '@/features/assets/data/assetRepository'
import { recordCustodyEvents } from '@/features/assets/data/custodyRepository'
import { assetsInConflict } from '@/features/assets/data/myItems'
import { freshDb } from '../features/testDb'
import { ALICE, BOB, KEEPER, checkOut, sealInput } from './fixtures'

const snapshotSaved = async (db: ReturnType<typeof freshDb>) =>
  vi.waitFor(async () => {
    const [gen, snap] = await db.asset_index.bulkGet(['gen', 'registry'])
    expect(snap?.gen).toBe(gen?.gen)
  })

describe('registry index snapshot', () => {
  it('serves the snapshot while current, and never a stale one', async () => {
    const db = freshDb()
    await createAsset(db, sealInput(2))
    await createAsset(db, sealInput(1))
    const built = await loadRegistryIndex(db)
    expect(built.map((e) => e.number)).toEqual(['SEAL-0001', 'SEAL-0002'])
    await snapshotSaved(db)

    // Current: the assets table is not read at all.
    const read = vi.spyOn(db.assets, 'toArray')
    expect(await loadRegistryIndex(db)).toEqual(built)
    expect(read).not.toHaveBeenCalled()

    // Any asset write (an edit, a custody event) moves the token: the next read rebuilds.
    await updateAsset(db, sealInput(1, { name: '新名称' }))
    expect((await loadRegistryIndex(db)).find((e) => e.number === 'SEAL-0001')?.name).toBe('新名称')
    expect(read).toHaveBeenCalledTimes(1)
    await snapshotSaved(db)
    const asset = (await db.assets.get(sealInput(2).id))!
    await recordCustodyEvents(db, [{ asset, type: 'check_out', payload: checkOut(ALICE) }], KEEPER)
    expect((await loadRegistryIndex(db)).find((e) => e.number === 'SEAL-0002')).toMatchObject({ status: 'checked_out', holder_id: ALICE })
    expect(read).toHaveBeenCalledTimes(2)
  })

  it('keeps a live registry query live when it was served from the snapshot', async () => {
    const db = freshDb()
    await createAsset(db, sealInput(1))
    await loadRegistryIndex(db)
    await snapshotSaved(db)
    const seen: RegistryEntry[][] = []
    const stop = observe(() => loadRegistryIndex(db), (v) => seen.push(v))
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0))
    await createAsset(db, sealInput(2))
    await vi.waitFor(() => expect(seen.at(-1)?.map((e) => e.number)).toEqual(['SEAL-0001', 'SEAL-0002']))
    stop()
  })

  it('lists conflicts through the conflict_flag index, per kept kind', async () => {
    const db = freshDb()
    const asset = await createAsset(db, sealInput(1))
    await recordCustodyEvents(db, [{ asset, type: 'check_out', payload: checkOut(ALICE) }], KEEPER, { now: new Date('2025-03-03T01:00:00Z') })
    await recordCustodyEvents(db, [{ asset, type: 'check_out', payload: checkOut(BOB) }], KEEPER, { now: new Date('2025-03-03T01:05:00Z') })
    expect((await db.assets.get(asset.id)) as unknown).toMatchObject({ has_conflict: true, conflict_flag: 1 })
    const byKind = vi.spyOn(db.assets, 'where')
    expect((await assetsInConflict(db, ['seal', 'licence'])).map((a) => a.id)).toEqual([asset.id])
    expect(byKind.mock.calls.map((c) => c[0])).toEqual(['conflict_flag'])
    expect(await assetsInConflict(db, ['vehicle'])).toEqual([])
  })
})
