// Issue #12 point 8: rectifications are due on the company calendar, not 24/72 clock hours after
// the device's submit time: 18:00 company time on the 1st (critical) / 3rd (normal) working day
// after the submit's company day, counting China's statutory days and the company's and the
// area's site's own days. The server's private.rectification_due is tested against the same days.
import { describe, expect, it } from 'vitest'
import data from 'chinese-days/dist/chinese-days.json'
import { rectificationDueAt, rectificationsFor } from '@/features/inspections/domain'
import { makeCalendar, statutoryFrom } from '@/shared/lib/calendar'
import { pf, tpl } from './fixtures'

const TZ = 'Asia/Shanghai'
const SITE = 'site-sz'
const calendar = makeCalendar(statutoryFrom(data), [
  { date: '2026-12-14', site_id: null, kind: 'off', note: '公司活动' },
  { date: '2026-12-12', site_id: SITE, kind: 'work', note: '补班' },
])
const C = { calendar, timeZone: TZ, siteId: null }

describe('rectification deadlines in working days', () => {
  it('a Friday-evening failure is due Monday 18:00 (critical) and Wednesday 18:00 (normal), not over the weekend', () => {
    // Friday 2026-12-04 17:30 Shanghai.
    expect(rectificationDueAt('2026-12-04T09:30:00.000Z', 'critical', C)).toBe('2026-12-07T10:00:00.000Z')
    expect(rectificationDueAt('2026-12-04T09:30:00.000Z', 'normal', C)).toBe('2026-12-09T10:00:00.000Z')
  })

  it('the company day is the company zone\'s: 23:30 UTC Thursday is already Friday in Shanghai', () => {
    expect(rectificationDueAt('2026-12-03T23:30:00.000Z', 'critical', C)).toBe('2026-12-07T10:00:00.000Z')
  })

  it('skips National Day and counts the make-up Saturday (调休)', () => {
    // Wednesday 2026-09-30: the holiday runs 10-01..10-07; the next working day is Thursday 10-08.
    expect(rectificationDueAt('2026-09-30T02:00:00.000Z', 'critical', C)).toBe('2026-10-08T10:00:00.000Z')
    // Thursday 10-08 + 3 working days: Friday 9th, Saturday 10th (worked in lieu), Monday 12th.
    expect(rectificationDueAt('2026-10-08T02:00:00.000Z', 'normal', C)).toBe('2026-10-12T10:00:00.000Z')
  })

  it('a company day off and the site\'s own working day move it', () => {
    expect(rectificationDueAt('2026-12-11T02:00:00.000Z', 'critical', C)).toBe('2026-12-15T10:00:00.000Z')
    expect(rectificationDueAt('2026-12-11T02:00:00.000Z', 'critical', { ...C, siteId: SITE })).toBe('2026-12-12T10:00:00.000Z')
  })

  it('rectificationsFor counts at the area\'s site', () => {
    const template = tpl([pf('washroom', 10, { critical: true })])
    const inspection = { id: 'i', area_id: 'a', submitted_at: '2026-12-11T02:00:00.000Z', answers: [{ item_key: 'washroom', result: 'fail' }] }
    const [atSite] = rectificationsFor(inspection, template, { responsible_id: null, site_id: SITE }, () => 'r', { calendar, timeZone: TZ })
    const [company] = rectificationsFor(inspection, template, { responsible_id: null, site_id: null }, () => 'r', { calendar, timeZone: TZ })
    expect(atSite?.due_at).toBe('2026-12-12T10:00:00.000Z')
    expect(company?.due_at).toBe('2026-12-15T10:00:00.000Z')
  })
})
