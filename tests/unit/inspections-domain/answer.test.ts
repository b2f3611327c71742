import { describe, expect, it } from 'vitest'
import { readAnswer } from '@/features/inspections/domain/answer'
import { answerSchema } from '@/features/inspections/domain/answerSchema'

const UUID = '6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e6f'
/** Values for each field: valid ones, near misses and wrong types. */
const values: Record<string, unknown[]> = {
  item_key: ['a', 'floor_1', '', ' x ', 1, null, undefined, {}, ['a']],
  result: ['pass', 'fail', 'na', 'points', 'PASS', '', 'skip', 0, null, undefined],
  points: [0, 3, -1, 100, 2.5, NaN, Infinity, -Infinity, 2 ** 53, 2 ** 53 - 1, -(2 ** 53), '3', null, undefined, true],
  note: ['', ' 已清扫 ', 'x'.repeat(5000), 0, null, undefined, ['n']],
  photo_ids: [
    [],
    [UUID],
    [UUID.toUpperCase(), UUID],
    ['00000000-0000-0000-0000-000000000000'],
    ['ffffffff-ffff-ffff-ffff-ffffffffffff'],
    ['6f1c2a9e-3b4d-0c5e-8f70-1a2b3c4d5e6f'],
    ['6f1c2a9e-3b4d-9c5e-8f70-1a2b3c4d5e6f'],
    ['6f1c2a9e-3b4d-4c5e-cf70-1a2b3c4d5e6f'],
    ['6f1c2a9e3b4d4c5e8f701a2b3c4d5e6f'],
    [` ${UUID}`],
    [UUID, 7],
    [null],
    UUID,
    null,
    undefined,
    {},
  ],
}
const base = { item_key: 'a', result: 'pass' }

function agree(input: unknown): void {
  const zod = answerSchema.safeParse(input)
  const plain = readAnswer(input)
  expect(plain === null, JSON.stringify(input)).toBe(!zod.success)
  if (zod.success) {
    expect(plain).toStrictEqual(zod.data)
    expect(Object.keys(plain ?? {})).toEqual(Object.keys(zod.data))
  }
}

describe('readAnswer agrees with answerSchema', () => {
  it('on every value of each field, alone and with the others valid', () => {
    let cases = 0
    for (const [field, list] of Object.entries(values)) {
      for (const v of list) {
        agree({ ...base, [field]: v })
        const without: Record<string, unknown> = { ...base, [field]: v }
        if (v === undefined) delete without[field]
        agree(without)
        cases += 2
      }
    }
    expect(cases).toBeGreaterThan(100)
  })

  it('on pairs of fields (results × points × photos) and extra keys', () => {
    for (const result of values.result ?? []) {
      for (const points of values.points ?? []) {
        for (const photos of values.photo_ids ?? []) agree({ item_key: 'k', result, points, photo_ids: photos, extra: 1 })
      }
    }
  })

  it('on what is not an object', () => {
    for (const v of [null, undefined, 0, 'a', true, [], [base], new Date(0), Object.create(null)]) agree(v)
    agree(Object.assign(Object.create({ note: 'inherited' }), base))
  })
})
