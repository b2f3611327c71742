import { describe, expect, it } from 'vitest'
import { buildingDeleteBlock, checkBuilding, checkRoom, resizeBeds, roomDeleteBlock } from '@/features/dorms/domain'
import { newLabelToken } from '@/features/assets/domain/labelToken'

let n = 0
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`
const B = '11111111-1111-4111-8111-111111111111'
const room = (over: Record<string, unknown> = {}) => {
  const beds = resizeBeds([], 2, id, newLabelToken)
  return { id: id(), building_id: B, floor: 3, number: '301', room_type: 2 as const, gender: 'male' as const, fee_fen: 15000, furniture: [{ name: '空调', qty: 1 }], beds, ...over }
}
const ctx = (over: Partial<Parameters<typeof checkRoom>[1]> = {}) => ({ floors: 6, otherNumbers: ['302'], heldBedIds: [], ...over })
const fields = (out: ReturnType<typeof checkRoom> | ReturnType<typeof checkBuilding>) => (out.ok ? [] : out.issues.map((i) => [i.field, i.message]))

describe('the room editor', () => {
  it('resizing keeps the first beds with their labels and adds the next free numbers with new labels', () => {
    const four = resizeBeds([], 4, id, newLabelToken)
    expect(four.map((b) => b.code)).toEqual(['1', '2', '3', '4'])
    expect(new Set(four.map((b) => b.label_token)).size).toBe(4)
    const two = resizeBeds(four, 2, id, newLabelToken)
    expect(two).toEqual(four.slice(0, 2))
    const renamed = [{ ...two[0]!, code: '2' }, { ...two[1]!, code: 'A' }]
    const six = resizeBeds(renamed, 6, id, newLabelToken)
    expect(six.map((b) => b.code)).toEqual(['2', 'A', '1', '3', '4', '5'])
    expect(six.slice(0, 2)).toEqual(renamed)
  })

  it('accepts a sound room; refuses a floor above the building, a number taken (any case, spaces), a dropped held bed', () => {
    expect(checkRoom(room(), ctx()).ok).toBe(true)
    expect(checkRoom(room({ floor: -1 }), ctx()).ok).toBe(true)
    expect(fields(checkRoom(room({ floor: 7 }), ctx()))).toEqual([['floor', 'dorms.errors.floorAbove']])
    expect(fields(checkRoom(room({ number: ' 302 ' }), ctx()))).toEqual([['number', 'dorms.errors.numberTaken']])
    expect(fields(checkRoom(room({ number: 'b1' }), ctx({ otherNumbers: ['B1'] })))).toEqual([['number', 'dorms.errors.numberTaken']])
    const r = room()
    expect(fields(checkRoom({ ...r, room_type: 1, beds: [r.beds[0]!] }, ctx({ heldBedIds: [r.beds[1]!.id] })))).toEqual([['beds', 'dorms.errors.bedHeld']])
  })

  it('the shape rules of the schema: beds per type, bed numbers, fee, furniture', () => {
    const r = room()
    expect(fields(checkRoom({ ...r, room_type: 4 }, ctx()))).toEqual([['beds', 'dorms.errors.bedCount']])
    expect(fields(checkRoom({ ...r, beds: [r.beds[0]!, { ...r.beds[1]!, code: r.beds[0]!.code }] }, ctx()))).toEqual([['beds', 'dorms.errors.bedCode']])
    expect(fields(checkRoom({ ...r, fee_fen: -1 }, ctx()))).toEqual([['fee_fen', 'dorms.errors.range']])
    expect(fields(checkRoom({ ...r, furniture: [{ name: '', qty: 1 }] }, ctx()))).toEqual([['furniture', 'dorms.errors.required']])
  })
})

describe('the building editor', () => {
  const b = (over: Record<string, unknown> = {}) => ({ id: id(), site_id: B, name: '2 号宿舍楼', floors: 6, rules: '', ...over })
  it('accepts a building, and may shrink it to its top room floor but not below', () => {
    const ok = checkBuilding(b(), null)
    expect(ok.ok && ok.value.rules).toBe(null)
    expect(checkBuilding(b({ floors: 3 }), 3).ok).toBe(true)
    expect(fields(checkBuilding(b({ floors: 2 }), 3))).toEqual([['floors', 'dorms.errors.floorsBelowRooms']])
    expect(fields(checkBuilding(b({ floors: 0, name: ' ' }), null))).toEqual([['name', 'dorms.errors.required'], ['floors', 'dorms.errors.range']])
  })

  it('rooms and buildings in use are not taken out of use', () => {
    expect(roomDeleteBlock(['x'])).toBe('dorms.errors.inUse')
    expect(roomDeleteBlock([])).toBe(null)
    expect(buildingDeleteBlock(2)).toBe('dorms.errors.hasRooms')
    expect(buildingDeleteBlock(0)).toBe(null)
  })
})
