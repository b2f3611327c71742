import { describe, expect, it } from 'vitest'
import { compareInventory, daysStayed, meterUse, newDamage } from '@/features/dorms/domain'

const TZ = 'Asia/Shanghai'
const a = (item_key: string, result: 'pass' | 'fail' | 'na', photo_ids?: string[]) => ({ item_key, result, photo_ids })

describe('check-out compared with check-in', () => {
  it('new damage: failed now and not at check-in; damage already there at check-in is not the resident\'s', () => {
    const before = [a('wardrobe', 'fail', ['p1']), a('desk_chair', 'pass'), a('air_conditioner', 'na')]
    const after = [a('wardrobe', 'fail'), a('desk_chair', 'fail'), a('air_conditioner', 'fail')]
    expect(newDamage(before, after)).toEqual(['desk_chair', 'air_conditioner'])
    // No check-in record: every damage found counts as new (the server does the same).
    expect(newDamage(null, after)).toEqual(['wardrobe', 'desk_chair', 'air_conditioner'])
    const lines = compareInventory(['desk_chair', 'wardrobe', 'walls_floor'], before, after)
    expect(lines).toEqual([
      { item_key: 'desk_chair', before: 'pass', beforePhotos: [], after: 'fail', newDamage: true },
      { item_key: 'wardrobe', before: 'fail', beforePhotos: ['p1'], after: 'fail', newDamage: false },
      { item_key: 'walls_floor', before: null, beforePhotos: [], after: null, newDamage: false },
    ])
  })

  it('days stayed count company-zone days, both ends, across a month end', () => {
    // 2026-11-30 23:30 Shanghai is still November 30; 2026-12-02 00:10 Shanghai is December 2.
    expect(daysStayed('2026-11-30T15:30:00Z', '2026-12-01T16:10:00Z', TZ)).toBe(3)
    expect(daysStayed('2026-12-01T02:00:00Z', '2026-12-01T09:00:00Z', TZ)).toBe(1)
  })

  it('the room\'s units from check-in to check-out, and the leaver\'s share by person-days with a roommate', () => {
    const me = { id: 'me', from: '2026-11-01T02:00:00Z', to: '2026-11-30T02:00:00Z' } // 30 days
    const mate = { id: 'mate', from: '2026-11-16T02:00:00Z', to: null } // 15 of those days
    const use = meterUse(
      [{ meter: 'water', reading: 100 }, { meter: 'electricity', reading: 99990 }],
      [{ meter: 'water', reading: 145 }, { meter: 'electricity', reading: 50 }],
      me,
      [mate],
      TZ,
    )
    // Water: 45 m³, 30 of 45 person-days are mine → 30. Electricity read lower with no dial given: an issue, no figure.
    expect(use).toEqual([
      { meter: 'water', units: 45, issue: null, share: 30 },
      { meter: 'electricity', units: null, issue: 'lower', share: null },
    ])
    expect(meterUse(null, [{ meter: 'water', reading: 1 }], me, [], TZ)[0]).toMatchObject({ units: null, issue: 'missing', share: null })
  })
})
