import { describe, expect, it } from 'vitest'
import { matchKeyScan, tickScannedKey } from '@/features/dorms/domain'
import { labelUrl } from '@/features/assets/domain/labelToken'
import demo from '@/platform/demo/demo-company.json'

const ORIGIN = 'https://app.example.com'
const KEYS = demo.assets.filter((a) => a.kind === 'dorm_key').map((a) => ({ id: a.id, number: a.number, label_token: a.label_token, room: (a.details as { room_id: string }).room_id }))
const ROOM_101 = KEYS.filter((k) => k.room === 'd1000000-0000-4000-8000-000000000001')
const OTHER = KEYS.find((k) => k.room !== 'd1000000-0000-4000-8000-000000000001')!

describe('scanning a key label', () => {
  it('the demo has labelled keys for more than one room', () => {
    expect(ROOM_101.length).toBeGreaterThanOrEqual(2)
    expect(OTHER).toBeDefined()
  })

  it('the label URL, the bare token or the printed number picks the key', () => {
    const key = ROOM_101[0]!
    const want = { kind: 'key', id: key.id, number: key.number }
    expect(matchKeyScan(labelUrl(ORIGIN, key.label_token), ROOM_101, [ORIGIN])).toEqual(want)
    expect(matchKeyScan(key.label_token.toLowerCase(), ROOM_101, [ORIGIN])).toEqual(want)
    expect(matchKeyScan(` ${key.number.toLowerCase()} `, ROOM_101, [ORIGIN])).toEqual(want)
  })

  it('another room\'s key is named as not listed; a foreign URL or a barcode as not a label', () => {
    expect(matchKeyScan(labelUrl(ORIGIN, OTHER.label_token), ROOM_101, [ORIGIN])).toEqual({ kind: 'not_listed' })
    expect(matchKeyScan(OTHER.number, ROOM_101, [ORIGIN])).toEqual({ kind: 'not_listed' })
    expect(matchKeyScan(labelUrl('https://evil.example.org', ROOM_101[0]!.label_token), ROOM_101, [ORIGIN])).toEqual({ kind: 'not_a_label' })
    expect(matchKeyScan('6901234567892', ROOM_101, [ORIGIN])).toEqual({ kind: 'not_a_label' })
  })

  it('a scan ticks the key once, keeping the order; other answers tick nothing', () => {
    const [a, b] = ROOM_101 as [typeof KEYS[0], typeof KEYS[0]]
    const first = tickScannedKey([], { kind: 'key', id: b.id, number: b.number })
    expect(first).toEqual([b.id])
    expect(tickScannedKey(first, { kind: 'key', id: a.id, number: a.number })).toEqual([b.id, a.id])
    expect(tickScannedKey(first, { kind: 'key', id: b.id, number: b.number })).toEqual([b.id])
    expect(tickScannedKey(first, { kind: 'not_listed' })).toEqual([b.id])
  })
})
