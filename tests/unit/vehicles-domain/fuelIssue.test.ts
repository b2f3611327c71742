// Issue #12 point 10: messages name the field and the limit.
import { describe, expect, it } from 'vitest'
import { createAppI18n } from '@/shared/i18n'
import zhCN from '@/shared/i18n/messages/zh-CN'
import { fuelIssueText } from '@/features/vehicles/composables/fuelIssue'
import { resolveAmounts } from '@/features/vehicles/domain/amounts'

const i18n = createAppI18n(zhCN)
const t = (key: string, values?: Record<string, unknown>) => i18n.global.t(key, values ?? {})

describe('fuel form messages', () => {
  it('name the figure and its range', () => {
    expect(fuelIssueText(t, { key: 'vehicles.errors.range', field: 'litres' })).toBe('升数：超出范围（须在 0 到 2000 之间）')
    expect(fuelIssueText(t, { key: 'vehicles.errors.tooLong', field: 'station' })).toContain('最多 100 字')
    expect(fuelIssueText(t, { key: 'vehicles.errors.required', field: 'fuel_type' })).toMatch(/^油品：/)
    expect(fuelIssueText(t, { key: 'vehicles.errors.twoOfThree', field: null })).toBe(t('vehicles.errors.twoOfThree'))
  })

  it('a negative or too large figure is out of range, not "not a number"', () => {
    expect(resolveAmounts({ litres: -5, amount: 40 })).toMatchObject({ ok: false, issue: { key: 'vehicles.errors.range', field: 'litres' } })
    expect(resolveAmounts({ litres: '-5', amount: 40 })).toMatchObject({ ok: false, issue: { key: 'vehicles.errors.range', field: 'litres' } })
    expect(resolveAmounts({ litres: 2500, amount: 300 })).toMatchObject({ ok: false, issue: { key: 'vehicles.errors.range', field: 'litres' } })
    expect(resolveAmounts({ litres: 'abc', amount: 40 })).toMatchObject({ ok: false, issue: { key: 'vehicles.errors.number' } })
  })
})
