// Issue #12 point 11: an overdue renewal says "逾期 12 天" (not "剩 -12 天"); the renewals part
// of Home's vehicleDue section has its own empty text, not custody's.
import '../support/vantCss'
import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import RenewalDueList from '@/features/fleet/components/RenewalDueList.vue'
import CustodyTodo from '@/features/assets/components/CustodyTodo.vue'
import type { RenewalStatus } from '@/features/vehicles/domain/renewals'
import { appPlugins } from '../support/mountApp'

const status = (o: Partial<RenewalStatus>): RenewalStatus => ({
  rule_id: crypto.randomUUID(), vehicle_id: 'v1', kind: 'insurance', due_by: 'date', due_on: '2026-11-20', due_km: null,
  remaining_days: 3, remaining_km: null, urgency: 'due', last_done_unknown: false, ...o,
})
const list = (rows: RenewalStatus[]) => mount(RenewalDueList, { props: { rows, vehicleName: () => '沪A12345' }, global: { plugins: appPlugins().plugins } })

describe('RenewalDueList', () => {
  it('says how late an overdue renewal is, by date and by distance', () => {
    const w = list([
      status({ remaining_days: -12, urgency: 'overdue' }),
      status({ kind: 'service', due_by: 'distance', due_on: null, due_km: 30_000, remaining_days: null, remaining_km: -350, urgency: 'overdue' }),
      status({ remaining_days: 0 }),
      status({ remaining_days: 5 }),
    ])
    const labels = w.findAll('[data-testid=renewal-due-item]').map((x) => x.text())
    expect(labels[0]).toContain('逾期 12 天')
    expect(labels[0]).not.toContain('-12')
    expect(labels[1]).toContain('已超 350 公里')
    expect(labels[2]).toContain('今天到期')
    expect(labels[3]).toContain('剩 5 天')
  })

  it('has its own empty text', () => {
    expect(list([]).text()).toContain('近期没有到期事项')
  })
})

describe("Home's vehicleDue section", () => {
  it('shows no custody empty text ("没有逾期未还的物品") above the renewals', async () => {
    const w = mount(CustodyTodo, { props: { section: 'vehicleDue' }, global: { plugins: appPlugins().plugins } })
    // Loaded (the store read the device copy): only then would an empty text show.
    await vi.waitFor(() => expect(w.find('.custody-todo__loading').exists()).toBe(false))
    expect(w.text()).not.toContain('没有逾期未还的物品')
    // A keeper's own sections keep their empty text.
    const assets = mount(CustodyTodo, { props: { section: 'assetsOut' }, global: { plugins: appPlugins().plugins } })
    await vi.waitFor(() => expect(assets.find('.custody-todo__loading').exists()).toBe(false))
    expect(assets.text()).toContain('没有逾期未还的物品')
  })
})
