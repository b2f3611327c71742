// 调宿 on the device: an approved room change prefills the allocation from the resident's present stay,
// and once the new bed is reserved the move shows as "check out of the old, then in on the new".
import { describe, expect, it } from 'vitest'
import type { DormStayRow, RequestRow } from '@/platform/db/rows'
import { allocateLinkFor, leavesToCheckOut, movesUnderWay } from '@/features/dorms/composables/useDormApplications'

const stay = (id: string, bed: string, status: DormStayRow['status'], request_id: string | null = null): DormStayRow => ({
  id, bed_id: bed, room_id: `room-${bed}`, building_id: 'b', site_id: 's', occupant_id: 'p1', gender: 'female', department_id: 'd', shift: '夜班',
  starts_on: '2026-11-01', ends_on: '2027-06-30', request_id, allocated_by: 'm', allocated_at: '2026-11-01T00:00:00Z', status,
  checked_in_at: status === 'active' ? '2026-11-01T02:00:00Z' : null, ended_at: null, contested: false, updated_at: '', deleted_at: null,
})

describe('room change (调宿) on the device', () => {
  it('the allocation is prefilled from the application and the resident\'s present stay', () => {
    const r = { id: 'r1', type: 'dorm_move', applicant_id: 'p1', form: { reason: '换班', move_at: '2026-12-05T01:00:00Z', preferences: null } } as unknown as RequestRow
    expect(allocateLinkFor(r, stay('old', 'b1', 'active'))).toEqual({
      name: 'dormAllocate',
      query: { request: 'r1', person: 'p1', gender: 'female', shift: '夜班', from: '2026-12-05', until: '2027-06-30' },
    })
  })

  it('a reserved stay from a move while the old one is active is a move under way; others are plain check-ins', () => {
    const old = stay('old', 'b1', 'active')
    const next = stay('new', 'b2', 'reserved', 'r1')
    const plain = { ...stay('other', 'b3', 'reserved', 'r2'), occupant_id: 'p2' }
    expect(movesUnderWay([old, next, plain], new Set(['r1']))).toEqual([{ from: old, to: next }])
    // Once checked out of the old bed, nothing is left to move.
    expect(movesUnderWay([{ ...old, status: 'ended' }, next], new Set(['r1']))).toEqual([])
  })
})

describe('提前退宿 to check out', () => {
  it('an approved early leave not yet carried out, whose applicant still lives on a bed', () => {
    const req = (id: string, applicant: string, over: Record<string, unknown> = {}) => ({ id, applicant_id: applicant, status: 'approved', fulfilled_at: null, deleted_at: null, form: { reason: '家中有事' }, ...over }) as never
    const stay = (id: string, occupant: string, status: string) => ({ id, occupant_id: occupant, status, deleted_at: null, bed_id: `b-${id}` }) as never
    const out = leavesToCheckOut(
      [req('r1', 'p1'), req('r2', 'p2'), req('r3', 'p3', { fulfilled_at: '2026-11-01T00:00:00Z' }), req('r4', 'p4', { status: 'rejected' })],
      [stay('s1', 'p1', 'active'), stay('s2', 'p2', 'ended'), stay('s3', 'p3', 'active'), stay('s4', 'p4', 'active')],
    )
    expect(out.map((x) => [x.request.id, x.stay.id])).toEqual([['r1', 's1']])
  })
})
