import { beforeAll, describe, expect, it } from 'vitest'
import { makeCalendar, NO_STATUTORY_DAYS, type CompanyCalendar } from '@/shared/lib/calendar'
import { checklistItems, custodyItems, type AreaFacts, type CustodyFacts, type RectificationFacts } from '@/features/kpis/domain'
import { ALICE, BOB, DEPT2, SITE, ctx, id } from './fixtures'

let cal: CompanyCalendar
beforeAll(() => {
  cal = makeCalendar(NO_STATUTORY_DAYS)
})
const NOW = '2026-12-01T10:00:00+08:00'

describe('seals and licences back on time (外带, 借用)', () => {
  const seal = { id: id(), kind: 'seal', site_id: SITE }
  const ev = (type: string, at: string, payload: Record<string, unknown> = {}): CustodyFacts => ({ id: id(), asset_id: seal.id, type, device_time: at, payload, flagged: false, deleted_at: null })
  const run = (events: CustodyFacts[], now = NOW) => custodyItems(ctx(cal, now), [seal], new Map([[seal.id, events]]))

  it('checked in at the due minute is on time, a minute later late; the holder at the return answers for it', () => {
    const due = '2026-11-10T17:00:00+08:00'
    const items = run([
      ev('check_out', '2026-11-10T09:00:00+08:00', { to_person: ALICE, due_at: due }),
      ev('check_in', '2026-11-10T17:00:00+08:00'),
      ev('check_out', '2026-11-11T09:00:00+08:00', { to_person: ALICE, due_at: '2026-11-11T17:00:00+08:00' }),
      ev('transfer', '2026-11-11T12:00:00+08:00', { to_person: BOB }),
      ev('check_in', '2026-11-11T17:01:00+08:00'),
    ])
    expect(items.map((i) => [i.kpi, i.value, i.person_id, i.department_id])).toEqual([
      ['seal_returned_on_time', 1, ALICE, expect.any(String)],
      ['seal_returned_on_time', 0, BOB, DEPT2],
    ])
  })

  it('still out: undecided before its due time, missed after; lost is missed; a check-out with no due time is not measured', () => {
    expect(run([ev('check_out', '2026-12-01T09:00:00+08:00', { to_person: ALICE, due_at: '2026-12-01T17:00:00+08:00' })]).map((i) => i.value)).toEqual([null])
    expect(run([ev('check_out', '2026-11-30T09:00:00+08:00', { to_person: ALICE, due_at: '2026-11-30T17:00:00+08:00' })]).map((i) => i.value)).toEqual([0])
    expect(run([ev('check_out', '2026-11-30T09:00:00+08:00', { to_person: ALICE, due_at: '2026-12-30T17:00:00+08:00' }), ev('report_lost', '2026-11-30T12:00:00+08:00')]).map((i) => i.value)).toEqual([0])
    expect(run([ev('check_out', '2026-11-30T09:00:00+08:00', { to_person: ALICE }), ev('check_in', '2026-11-30T12:00:00+08:00')])).toEqual([])
    // A check-in with no check-out before it (the check-out's event not on this device): nothing to measure.
    expect(run([ev('check_in', '2026-11-30T12:00:00+08:00')])).toEqual([])
  })
})

describe('rectifications on time and inspection scores', () => {
  const area: AreaFacts = { id: id(), site_id: SITE, department_id: DEPT2, responsible_id: BOB }
  const rect = (over: Partial<RectificationFacts>): RectificationFacts => ({ id: id(), area_id: area.id, assignee_id: null, due_at: '2026-11-20T10:00:00+08:00', status: 'open', fixed_at: null, deleted_at: null, ...over })
  const run = (rows: RectificationFacts[]) => checklistItems(ctx(cal, NOW), new Map([[area.id, area]]), rows, [])

  it('fixed at the deadline minute is on time, after it late; the area\'s department and responsible person answer for it', () => {
    const items = run([rect({ status: 'closed', fixed_at: '2026-11-20T10:00:00+08:00' }), rect({ status: 'fixed', fixed_at: '2026-11-20T10:01:00+08:00' })])
    expect(items.map((i) => [i.value, i.person_id, i.department_id])).toEqual([
      [1, BOB, DEPT2],
      [0, BOB, DEPT2],
    ])
  })

  it('a reopened rectification\'s first fix does not count: measured by its new deadline', () => {
    const items = run([
      rect({ status: 'reopened', fixed_at: '2026-11-19T10:00:00+08:00', due_at: '2026-11-28T10:00:00+08:00' }),
      rect({ status: 'reopened', fixed_at: '2026-11-19T10:00:00+08:00', due_at: '2026-12-03T10:00:00+08:00' }),
      rect({ status: 'fixed', fixed_at: '2026-12-02T10:00:00+08:00', due_at: '2026-12-03T10:00:00+08:00', assignee_id: ALICE }),
    ])
    expect(items.map((i) => [i.value, i.done_at])).toEqual([
      [0, null],
      [null, null],
      [1, '2026-12-02T10:00:00+08:00'],
    ])
  })

  it('scores: the server\'s when it has one, else the device\'s; an unscored run gives nothing', () => {
    const base = { area_id: area.id, submitted_at: '2026-11-05T10:00:00+08:00', deleted_at: null }
    const items = checklistItems(ctx(cal, NOW), new Map([[area.id, area]]), [], [
      { ...base, id: id(), score: 80, server_score: 85 },
      { ...base, id: id(), score: 70, server_score: null, responsible_id: ALICE },
      { ...base, id: id(), score: null, server_score: null },
    ])
    expect(items.map((i) => [i.value, i.person_id])).toEqual([
      [85, BOB],
      [70, ALICE],
    ])
  })
})
