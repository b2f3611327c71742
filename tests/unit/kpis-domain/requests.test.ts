import { beforeAll, describe, expect, it } from 'vitest'
import { loadStatutoryDays, makeCalendar, type CompanyCalendar } from '@/shared/lib/calendar'
import { figures, monthPeriod, requestItems, type RequestEventFacts, type RequestFacts } from '@/features/kpis/domain'
import { HEAD, ctx, event, request } from './fixtures'

let cal: CompanyCalendar
beforeAll(async () => {
  cal = makeCalendar(await loadStatutoryDays())
})

const NOW = '2026-12-01T10:00:00+08:00'
const run = (rows: RequestFacts[], events: RequestEventFacts[], now = NOW) =>
  requestItems(ctx(cal, now), rows, new Map(rows.map((r) => [r.id, events.filter((e) => e.request_id === r.id)])))

describe('first-pass rate (一次性通过率)', () => {
  it('approved on the first revision passes; returned and resubmitted does not; rejected does not', () => {
    const a = request({ status: 'approved', decided_at: '2026-11-03T10:00:00+08:00', first_pass: true })
    const b = request({ status: 'approved', decided_at: '2026-11-05T10:00:00+08:00', first_pass: false })
    const c = request({ status: 'rejected', decided_at: '2026-11-06T10:00:00+08:00', first_pass: false, type: 'licence_affair' })
    const items = run([a, b, c], []).filter((i) => i.kpi !== 'approval_on_time')
    expect(items.map((i) => [i.kpi, i.value])).toEqual([
      ['seal_use_first_pass', 1],
      ['seal_use_first_pass', 0],
      ['licence_request_first_pass', 0],
    ])
    expect(figures(items, monthPeriod('2026-11')).find((f) => f.kpi === 'seal_use_first_pass')).toMatchObject({ value: 50, decided: 2 })
  })

  it('a withdrawn application counts in neither the first-pass rate nor the approvers\' timeliness', () => {
    const r = request({ status: 'withdrawn' })
    const events = [event(r.id, 'submit', '2026-11-02T09:00:00+08:00'), event(r.id, 'withdraw', '2026-11-02T11:00:00+08:00')]
    // An approval made on the withdrawn application is kept, flagged stale: it decides nothing.
    events.push(event(r.id, 'approve', '2026-11-02T12:00:00+08:00', { flag: 'requests.flags.stale', step: 0 } as never))
    expect(run([r], events)).toEqual([])
  })
})

describe('approval steps decided by the end of the next working day', () => {
  it('across National Day: submitted on 30 Sep, due 8 Oct; at 23:59 it is on time, at midnight late', () => {
    const onTime = request({ status: 'approved', decided_at: '2026-10-08T23:59:00+08:00', first_pass: true })
    const late = request({ status: 'approved', decided_at: '2026-10-09T00:00:00+08:00', first_pass: true })
    const events = [
      event(onTime.id, 'submit', '2026-09-30T10:00:00+08:00'),
      event(onTime.id, 'approve', '2026-10-08T23:59:00+08:00'),
      event(late.id, 'submit', '2026-09-30T10:00:00+08:00'),
      event(late.id, 'approve', '2026-10-09T00:00:00+08:00'),
    ]
    const items = run([onTime, late], events).filter((i) => i.kpi === 'approval_on_time')
    expect(items.map((i) => [i.due, i.value, i.person_id])).toEqual([
      ['2026-10-08', 1, HEAD],
      ['2026-10-08', 0, HEAD],
    ])
  })

  it('the make-up Saturday 10 Oct is a working day: a step opened on Friday 9 Oct is due that Saturday', () => {
    const r = request({ status: 'approved', decided_at: '2026-10-12T09:00:00+08:00', first_pass: true })
    const items = run([r], [event(r.id, 'submit', '2026-10-09T15:00:00+08:00'), event(r.id, 'approve', '2026-10-12T09:00:00+08:00')])
    expect(items.filter((i) => i.kpi === 'approval_on_time').map((i) => [i.due, i.value])).toEqual([['2026-10-10', 0]])
  })

  it('each step of a chain from the previous decision; after a return, the resubmission restarts it; the waiting step by today', () => {
    const r = request({ status: 'pending' })
    const events = [
      event(r.id, 'submit', '2026-11-02T09:00:00+08:00'),
      event(r.id, 'return', '2026-11-03T09:00:00+08:00', { note: 'x' } as never),
      event(r.id, 'resubmit', '2026-11-10T09:00:00+08:00'),
      event(r.id, 'approve', '2026-11-11T09:00:00+08:00', { on_behalf_of: '00000000-0000-4000-8000-0000000000e1' }),
    ]
    const items = run([r], events).filter((i) => i.kpi === 'approval_on_time')
    expect(items.map((i) => [i.due, i.value, i.person_id])).toEqual([
      ['2026-11-03', 1, HEAD],
      // A delegate's decision counts for the approver it was made for (代理审批).
      ['2026-11-11', 1, '00000000-0000-4000-8000-0000000000e1'],
      // The next step opened on the 11th: due the 12th, passed by today, still waiting.
      ['2026-11-12', 0, null],
    ])
    expect(run([r], events, '2026-11-12T20:00:00+08:00').at(-1)?.value).toBe(null)
  })

  it('an application pulled without its events still gives its first-pass figure', () => {
    const r = request({ type: 'seal_lifecycle', status: 'approved', decided_at: '2026-11-03T10:00:00+08:00', first_pass: true })
    expect(run([r], []).map((i) => [i.kpi, i.value])).toEqual([['seal_request_first_pass', 1]])
  })
})
