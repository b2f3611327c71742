// A room under repair on the device (the server's dorm_room.repair): which beds an act takes, and why not the others.
import { describe, expect, it } from 'vitest'
import { bedEventSchema, foldBedEvents, repairRefusal, roomRepairPayload, roomRepairPlan, type RepairBed } from '@/features/dorms/domain'

const bed = (code: string, status: RepairBed['status'], in_repair = status === 'under_repair'): RepairBed => ({ id: `b${code}`, code, status, in_repair })
const ROOM = [bed('1', 'occupied'), bed('2', 'reserved'), bed('3', 'vacant'), bed('4', 'under_repair')]

describe('room repair plan', () => {
  it('a whole room takes its vacant beds; lived-on and reserved beds are left alone with the reason; one under repair stays so', () => {
    const plan = roomRepairPlan(ROOM, 'start')
    expect(plan.beds.map((b) => b.code)).toEqual(['3'])
    expect(plan.skipped.map((s) => [s.bed.code, s.reason])).toEqual([['1', 'occupied'], ['2', 'reserved']])
  })

  it('one bed named: taken when vacant, refused with its reason when someone lives on it', () => {
    expect(roomRepairPlan(ROOM, 'start', 'b3').beds.map((b) => b.code)).toEqual(['3'])
    expect(roomRepairPlan(ROOM, 'start', 'b1')).toEqual({ beds: [], skipped: [{ bed: ROOM[0], reason: 'occupied' }] })
    expect(repairRefusal({ status: 'vacant' })).toBeNull()
    expect(repairRefusal({ status: 'reserved' })).toBe('reserved')
  })

  it('ending takes the beds under repair; the payload names each bed with its event id and the task', () => {
    const end = roomRepairPlan(ROOM, 'end')
    expect(end.beds.map((b) => b.code)).toEqual(['4'])
    expect(roomRepairPayload(roomRepairPlan(ROOM, 'start'), 'start', ['e1'], 't1', '  漏水 ')).toEqual({ action: 'start', beds: [{ bed_id: 'b3', event_id: 'e1' }], task_id: 't1', note: '漏水' })
    expect(roomRepairPayload(end, 'end', ['e2'])).toEqual({ action: 'end', beds: [{ bed_id: 'b4', event_id: 'e2' }] })
  })

  it('a repair event carrying its task keeps the task id through the schema and folds like any repair', () => {
    const task = '20000000-0000-4000-8000-000000000001'
    const parsed = bedEventSchema.parse({
      id: '10000000-0000-4000-8000-000000000001', bed_id: '30000000-0000-4000-8000-000000000003', actor_id: '00000000-0000-4000-8000-000000000001',
      device_time: '2026-11-01T00:00:00.000Z', type: 'repair_start', payload: { task_id: task },
    })
    expect(parsed.payload).toMatchObject({ task_id: task })
    expect(foldBedEvents([parsed]).status).toBe('under_repair')
    expect(bedEventSchema.safeParse({ ...parsed, payload: { task_id: 'nope' } }).success).toBe(false)
  })
})
