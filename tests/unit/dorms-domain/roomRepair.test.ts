// A room under repair on the device (the server's dorm_room.repair): which beds an act takes, and why not the others.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { bedEventSchema, foldBedEvents, repairEndId, repairEndsOfDoneTask, repairRefusal, roomRepairPayload, roomRepairPlan, type RepairBed } from '@/features/dorms/domain'

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

describe('a done 报修 task frees the beds it put under repair (the server trigger\'s twin)', () => {
  const TASK = '20000000-0000-4000-8000-000000000001'
  const OTHER = '20000000-0000-4000-8000-000000000002'
  const ev = (id: string, type: 'repair_start' | 'repair_end', device_time: string, task_id?: string) => ({ id, type, device_time, server_time: null, deleted_at: null, payload: task_id ? { task_id } : {} })
  const START = '10000000-0000-4000-8000-00000000000a'

  it('the repair_end id is made from the start it ends: the same on every device and on the server, a valid UUID (version 8)', () => {
    const id = repairEndId(START)
    expect(id).toBe(repairEndId(START))
    expect(id).not.toBe(repairEndId('10000000-0000-4000-8000-00000000000b'))
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(z.uuid().safeParse(id).success).toBe(true)
  })

  it('ends each bed whose latest repair start carries the task and is still under repair, at the task\'s time (after the start)', () => {
    const beds = [
      { id: 'b1', in_repair: true, events: [ev(START, 'repair_start', '2026-11-01T01:00:00.000Z', TASK)] },
      // Started by another task (or by hand): left alone.
      { id: 'b2', in_repair: true, events: [ev('s2', 'repair_start', '2026-11-01T01:00:00.000Z', OTHER)] },
      { id: 'b3', in_repair: true, events: [ev('s3', 'repair_start', '2026-11-01T01:00:00.000Z')] },
      // Started by the task, then by hand later: the latest start is not the task's.
      { id: 'b4', in_repair: true, events: [ev('s4', 'repair_start', '2026-11-01T01:00:00.000Z', TASK), ev('s4b', 'repair_start', '2026-11-01T02:00:00.000Z')] },
      // Already back in use.
      { id: 'b5', in_repair: false, events: [ev('s5', 'repair_start', '2026-11-01T01:00:00.000Z', TASK), ev('e5', 'repair_end', '2026-11-01T02:00:00.000Z')] },
      // Its start is later than the task's done time (a device clock): the end comes 1 ms after it.
      { id: 'b6', in_repair: true, events: [ev('s6', 'repair_start', '2026-11-02T09:00:00.000Z', TASK)] },
    ]
    expect(repairEndsOfDoneTask(TASK, beds, '2026-11-02T08:00:00.000Z')).toEqual([
      { id: repairEndId(START), bed_id: 'b1', device_time: '2026-11-02T08:00:00.000Z', payload: { task_id: TASK } },
      { id: repairEndId('s6'), bed_id: 'b6', device_time: '2026-11-02T09:00:00.001Z', payload: { task_id: TASK } },
    ])
    expect(repairEndsOfDoneTask(TASK, [{ ...beds[0]!, events: [{ ...beds[0]!.events[0]!, deleted_at: '2026-11-01T03:00:00.000Z' }] }], '2026-11-02T08:00:00.000Z')).toEqual([])
  })
})
