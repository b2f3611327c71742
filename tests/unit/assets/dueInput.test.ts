/**
 * Due times on the custody sheets are typed in the company's zone (as seal take-outs are),
 * whatever zone the phone is set to.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import { defaultDueInput, dueFromInput, useCustodyForm } from '@/features/assets/composables/useCustodyForm'

const SEAL = { kind: 'seal', details: {}, label_token: null }

describe('custody due times in the company zone', () => {
  let zone: string | undefined
  beforeEach(() => {
    zone = process.env.TZ
    // A phone set to another zone than the company's.
    process.env.TZ = 'America/Los_Angeles'
  })
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ
    else process.env.TZ = zone
  })

  it('reads datetime-local text as wall time in the zone given, not the device zone', () => {
    expect(new Date('2030-01-02T18:00').toISOString()).toBe('2030-01-03T02:00:00.000Z') // the phone's reading
    expect(dueFromInput('2030-01-02T18:00', 'Asia/Shanghai')).toBe('2030-01-02T10:00:00.000Z')
    expect(dueFromInput('2030-07-02T18:00', 'Europe/Berlin')).toBe('2030-07-02T16:00:00.000Z')
    expect(dueFromInput('', 'Asia/Shanghai')).toBeNull()
    // Invalid text is passed on for the schema to report under the field.
    expect(dueFromInput('tomorrow', 'Asia/Shanghai')).toBe('tomorrow')
  })

  it('presets "tomorrow at this hour" in company time, none for uniforms', () => {
    const now = new Date('2030-01-01T20:30:00Z') // 04:30 on the 2nd in Shanghai, 12:30 on the 1st in LA
    expect(defaultDueInput({ kind: 'seal' }, now, 'Asia/Shanghai')).toBe('2030-01-03T04:00')
    expect(defaultDueInput({ kind: 'seal' }, now, 'Asia/Kolkata')).toBe('2030-01-03T02:00')
    expect(defaultDueInput({ kind: 'uniform' }, now, 'Asia/Shanghai')).toBe('')
  })

  it('makes check-out, transfer and resolve payloads with the company-zone instant', () => {
    const { form, payload } = useCustodyForm(SEAL, () => 'Asia/Shanghai')
    Object.assign(form, { person: 'p1', purpose: '签合同', due: '2030-01-02T18:00', status: 'checked_out' })
    expect(payload('check_out', []).due_at).toBe('2030-01-02T10:00:00.000Z')
    expect(payload('transfer', []).due_at).toBe('2030-01-02T10:00:00.000Z')
    expect(payload('resolve_conflict', ['c1']).due_at).toBe('2030-01-02T10:00:00.000Z')
    form.due = ''
    expect(payload('check_out', []).due_at).toBeNull()
  })

  it('moves an untouched default when the company zone loads late, keeps a typed one', async () => {
    const now = new Date('2030-01-01T20:30:00Z')
    const company = ref('Asia/Shanghai')
    const a = useCustodyForm(SEAL, () => company.value, now)
    const b = useCustodyForm(SEAL, () => company.value, now)
    b.form.due = '2030-01-05T09:00'
    company.value = 'Europe/London'
    await nextTick()
    expect(a.form.due).toBe('2030-01-02T20:00')
    expect(b.form.due).toBe('2030-01-05T09:00')
  })
})
