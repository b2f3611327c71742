import { beforeAll, describe, expect, it } from 'vitest'
import {
  NO_STATUTORY_DAYS,
  addWorkingDays,
  companyToday,
  coversYear,
  dayInfo,
  dueState,
  isWorkingDay,
  loadStatutoryDays,
  makeCalendar,
  nextWorkingDay,
  statutoryFrom,
  workingDaysBetween,
  type CompanyCalendar,
  type StatutoryDays,
} from '@/shared/lib/calendar'

const SH = 'Asia/Shanghai'
let statutory: StatutoryDays
let cal: CompanyCalendar
beforeAll(async () => {
  // The real data of the chinese-days package, as the app loads it.
  statutory = await loadStatutoryDays()
  cal = makeCalendar(statutory)
})

describe('statutory days from chinese-days', () => {
  it('has the 2026 Spring Festival and its make-up Saturdays', () => {
    expect(dayInfo(cal, '2026-02-17')).toEqual({ date: '2026-02-17', working: false, reason: 'holiday', name: '春节' })
    // 2026-02-14 and 2026-02-28 are Saturdays worked in lieu (调休上班).
    expect(dayInfo(cal, '2026-02-14')).toMatchObject({ working: true, reason: 'makeup', name: '春节' })
    expect(dayInfo(cal, '2026-02-28')).toMatchObject({ working: true, reason: 'makeup' })
    expect(isWorkingDay(cal, '2026-02-21')).toBe(false) // a Saturday inside the holiday
  })

  it('keeps ordinary weeks: Monday to Friday worked, weekends off', () => {
    expect(dayInfo(cal, '2026-03-10')).toMatchObject({ working: true, reason: 'weekday' })
    expect(dayInfo(cal, '2026-03-14')).toMatchObject({ working: false, reason: 'weekend' })
  })

  it('says which years it covers; a year not yet published falls back to the week', () => {
    expect(coversYear(cal, '2026-05-01')).toBe(true)
    expect(coversYear(cal, '2099-05-01')).toBe(false)
    expect(dayInfo(cal, '2099-10-01')).toMatchObject({ working: true, reason: 'weekday' })
  })

  it('reads the package format "English,中文,n"', () => {
    const s = statutoryFrom({ holidays: { '2030-01-01': "New Year's Day,元旦,1" }, workdays: {} })
    expect([...s.years]).toEqual([2030])
    expect(dayInfo(makeCalendar(s), '2030-01-01').name).toBe('元旦')
  })
})

describe('addWorkingDays', () => {
  it('crosses the Spring Festival, counting the make-up Saturday', () => {
    // Thu 02-12 + 3: Fri 02-13, Sat 02-14 (make-up), then 02-15…02-23 off, Tue 02-24.
    expect(addWorkingDays(cal, '2026-02-12', 3)).toBe('2026-02-24')
    // On weekends alone it would have been Tue 02-17, a holiday.
    expect(addWorkingDays(makeCalendar(NO_STATUTORY_DAYS), '2026-02-12', 3)).toBe('2026-02-17')
  })

  it('crosses National Day to the first day back, and lands on a make-up Saturday', () => {
    expect(addWorkingDays(cal, '2026-09-30', 1)).toBe('2026-10-08')
    expect(addWorkingDays(cal, '2026-10-09', 1)).toBe('2026-10-10') // Saturday worked in lieu
  })

  it('from a Friday, 3 working days is the next Wednesday', () => {
    expect(addWorkingDays(cal, '2026-03-13', 3)).toBe('2026-03-18')
  })

  it('n = 0 is the day itself when worked, else the next working day; negative counts back', () => {
    expect(addWorkingDays(cal, '2026-03-10', 0)).toBe('2026-03-10')
    expect(addWorkingDays(cal, '2026-02-15', 0)).toBe('2026-02-24')
    expect(addWorkingDays(cal, '2026-02-24', -1)).toBe('2026-02-14')
  })

  it('refuses an invalid date or a silly count', () => {
    expect(() => addWorkingDays(cal, '2026-02-30', 1)).toThrow(RangeError)
    expect(() => addWorkingDays(cal, '2026-02-10', 1.5)).toThrow(RangeError)
    expect(() => addWorkingDays(cal, '2026-02-10', 5000)).toThrow(RangeError)
  })
})

describe('company and site adjustments', () => {
  const SITE = 'site-plant'
  const adjusted = () =>
    makeCalendar(statutory, [
      { date: '2026-03-13', site_id: null, kind: 'off', note: '公司年会' },
      { date: '2026-03-14', site_id: SITE, kind: 'work', note: '盘点' },
      { date: '2026-03-13', site_id: SITE, kind: 'work', note: '工厂照常' },
      { date: '2026-02-14', site_id: null, kind: 'off', note: null },
    ])

  it('a company day off moves every deadline; a site may work it anyway', () => {
    const c = adjusted()
    expect(dayInfo(c, '2026-03-13')).toMatchObject({ working: false, reason: 'company', name: '公司年会' })
    expect(addWorkingDays(c, '2026-03-12', 1)).toBe('2026-03-16')
    expect(dayInfo(c, '2026-03-13', SITE)).toMatchObject({ working: true, reason: 'site' })
    expect(addWorkingDays(c, '2026-03-12', 2, SITE)).toBe('2026-03-14') // the site's Saturday stocktake
    expect(isWorkingDay(c, '2026-03-14', 'another-site')).toBe(false)
  })

  it('the company may give a make-up Saturday off', () => {
    expect(addWorkingDays(adjusted(), '2026-02-12', 2)).toBe('2026-02-24')
  })

  it('the later adjustment of the same day and scope wins', () => {
    const c = makeCalendar(NO_STATUTORY_DAYS, [
      { date: '2026-03-10', site_id: null, kind: 'off' },
      { date: '2026-03-10', site_id: null, kind: 'work' },
    ])
    expect(isWorkingDay(c, '2026-03-10')).toBe(true)
  })
})

describe('counting and due dates in the company zone', () => {
  it('counts the working days after one day up to another', () => {
    expect(workingDaysBetween(cal, '2026-02-12', '2026-02-24')).toBe(3)
    expect(workingDaysBetween(cal, '2026-02-24', '2026-02-12')).toBe(0)
    expect(nextWorkingDay(cal, '2026-09-30')).toBe('2026-10-08')
  })

  it('"today" is the company day: 00:30 in Shanghai is already the next day', () => {
    const now = '2026-02-23T16:30:00Z'
    expect(companyToday(now, SH)).toBe('2026-02-24')
    expect(dueState('2026-02-23', now, SH)).toBe('overdue')
    expect(dueState('2026-02-23', now, 'UTC')).toBe('today')
    expect(dueState('2026-02-24', now, SH)).toBe('today')
    expect(dueState('2026-02-25', now, SH)).toBe('upcoming')
  })
})
