import '../support/vantCss'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { dormRoutes } from '@/features/dorms/routes'
import { mountAt, until } from '../rectification/support'

const saved: { blob: Blob; name: string }[] = []
vi.mock('@/shared/lib/download', () => ({ downloadBlob: (blob: Blob, name: string) => saved.push({ blob, name }) }))

const MANAGER = demo.users.find((u) => u.roles.includes('dorm_manager'))!
const wrappers: VueWrapper[] = []
beforeAll(async () => {
  await seedDemoCompany(getDb())
})
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

describe('the payroll CSV of a month\'s dormitory charges', () => {
  it('lists each resident of the month with the bed fee by days, notes missing meter readings, downloads CSV with a BOM', async () => {
    const { wrapper } = await mountAt('/dorms/payroll', dormRoutes, MANAGER.id, ['dorm_manager'])
    wrappers.push(wrapper)
    await until(() => expect(wrapper.find('[data-testid="payroll-month"]').exists()).toBe(true))
    await wrapper.get('[data-testid="payroll-month"] input').setValue('2026-11')
    // The demo's two residents checked in on 21 November: 10 days of a 30-day month.
    await until(() => expect(wrapper.findAll('[data-testid="payroll-line"]')).toHaveLength(2))
    const text = wrapper.findAll('[data-testid="payroll-line"]').map((l) => l.text())
    expect(text[0]).toContain('刘强')
    expect(text[0]).toContain('50.00') // ¥150 × 10/30
    expect(text[1]).toContain('孙秀英')
    expect(text[1]).toContain('100.00') // ¥300 × 10/30
    expect(text.every((l) => l.includes('水表读数不足'))).toBe(true)
    await wrapper.get('[data-testid="payroll-download"]').trigger('click')
    await until(() => expect(saved).toHaveLength(1))
    expect(saved[0]?.name).toBe('dorm-charges-2026-11.csv')
    const csv = await saved[0]!.blob.text()
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const rows = csv.slice(1).split('\r\n')
    expect(rows[0]).toBe('月份,姓名,部门,房间,床位,入住天数,床位费（元）,水费（元）,电费（元）,损坏赔偿（元）,合计（元）,备注')
    expect(rows[1]).toMatch(/^2026-11,刘强,[^,]*,1 号宿舍楼 101,2,10,50.00,0.00,0.00,0.00,50.00,水表读数不足；电表读数不足$/)
    // A month nobody lived there: the empty state, nothing to download.
    await wrapper.get('[data-testid="payroll-month"] input').setValue('2026-09')
    await until(() => expect(wrapper.get('[data-testid="dorm-payroll-page"]').attributes('data-lines')).toBe('0'))
  })
})
