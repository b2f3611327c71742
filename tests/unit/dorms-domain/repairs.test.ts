import { describe, expect, it } from 'vitest'
import { repairTitle, reportRepair, roomRepairs } from '@/features/dorms/domain'

const ROOM = '11111111-1111-4111-8111-111111111111'
const BED = '22222222-2222-4222-8222-222222222222'
const SITE = '33333333-3333-4333-8333-333333333333'
const ctx = (grants: { role: string; siteId: string | null }[] = []) => ({
  taskId: '44444444-4444-4444-8444-444444444444',
  siteId: SITE,
  roomNumber: '101',
  bedCode: '2',
  reporter: { id: '55555555-5555-4555-8555-555555555555', grants, departmentId: null },
  at: '2026-11-27T02:00:00.000Z',
  dueOn: '2026-12-02',
})

describe('报修 (repair report) as a task', () => {
  it('titles name the room, the bed if one, and the defect trimmed', () => {
    expect(repairTitle('101', '2', ' 床板断裂 ')).toBe('101室-2 报修：床板断裂')
    expect(repairTitle('202', null, '门锁坏了')).toBe('202室 报修：门锁坏了')
  })

  it('a resident\'s report: a repair task given by them, assignee left to the server, the op payload as the server reads it', () => {
    const out = reportRepair({ room_id: ROOM, bed_id: BED, what: '床板断裂', description: '  ', photo_ids: [] }, ctx())
    expect(out.ok).toBe(true)
    if (!out.ok) return
    expect(out.task).toMatchObject({
      id: ctx().taskId, site_id: SITE, title: '101室-2 报修：床板断裂', source: 'repair', source_ref: ROOM,
      assigner_id: ctx().reporter.id, assigner_level: 'supervisor', assigned_to: null, assignee_id: null,
      method: null, due_on: '2026-12-02', status: 'assigned',
    })
    expect(out.payload).toEqual({ room_id: ROOM, bed_id: BED, what: '床板断裂', photo_ids: [] })
    // The admin head reporting escalates from their own level, as task.assign does.
    const head = reportRepair({ room_id: ROOM, what: '漏水', photo_ids: [] }, ctx([{ role: 'admin_head', siteId: null }]))
    expect(head.ok && head.task.assigner_level).toBe('admin_head')
  })

  it('refuses an empty or too long defect and a bad room id, naming the field', () => {
    const bad = (input: Parameters<typeof reportRepair>[0]) => {
      const out = reportRepair(input, ctx())
      return out.ok ? [] : out.issues.map((i) => [i.field, i.message])
    }
    expect(bad({ room_id: ROOM, what: '  ', photo_ids: [] })).toEqual([['what', 'dorms.errors.required']])
    expect(bad({ room_id: ROOM, what: '坏'.repeat(101), photo_ids: [] })).toEqual([['what', 'dorms.errors.tooLong']])
    expect(bad({ room_id: 'x', what: '漏水', photo_ids: [] })).toEqual([['room_id', 'dorms.errors.uuid']])
  })

  it('a room\'s repairs, newest first, not another room\'s or other tasks', () => {
    const t = (source: string, ref: string, at: string) => ({ source: source as 'repair', source_ref: ref, assigned_at: at, deleted_at: null })
    const list = [t('repair', ROOM, '2026-11-01T00:00:00Z'), t('inspection', ROOM, '2026-11-03T00:00:00Z'), t('repair', 'other', '2026-11-04T00:00:00Z'), t('repair', ROOM, '2026-11-02T00:00:00Z')]
    expect(roomRepairs(list, ROOM).map((x) => x.assigned_at)).toEqual(['2026-11-02T00:00:00Z', '2026-11-01T00:00:00Z'])
  })
})
