import '../support/vantCss'
import { afterEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import { rankingRoutes } from '@/features/rankings/routes'
import RankingsWork from '@/features/rankings/components/RankingsWork.vue'
import { currentPeriod, periodRange, shiftPeriod } from '@/features/rankings/domain/periods'
import { HEAD, area, inspection } from '../../unit/rectification/fixtures'
import { mountAt, until } from '../rectification/support'

const wrappers: VueWrapper[] = []
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

describe('LedgerPage', () => {
  it("opens on the last ended month: previews the rules' entries, each opens the inspections behind it, publishes", async () => {
    const db = getDb()
    const month = shiftPeriod(currentPeriod('month', Date.now(), 'Asia/Shanghai'), -1)
    const start = Date.parse(periodRange(month, 'Asia/Shanghai').from)
    const a = area({ name: '茶水间' })
    await db.areas.add(a)
    const ins = [
      inspection(a.id, { submitted_at: new Date(start + 3_600_000).toISOString(), score: 50 }),
      inspection(a.id, { submitted_at: new Date(start + 7_200_000).toISOString(), score: 60 }),
    ]
    await db.inspections.bulkAdd(ins)
    const ruleId = crypto.randomUUID()
    await db.reward_rules.add({
      id: ruleId, name: '低于 70 扣分', scope: 'area', period: 'month', kind: 'average_below', threshold: 70, rank_n: null, points: -3, active: true, updated_at: '', deleted_at: null,
    })
    const { wrapper } = await mountAt('/rewards/ledger', [...rankingRoutes, { path: '/inspections/:id', name: 'inspectionResult', component: { template: '<div />' } }], HEAD, ['admin_head'])
    wrappers.push(wrapper)
    const entry = () => wrapper.find(`[data-testid=ledger-preview] [data-testid=ledger-entry][data-subject="${a.id}"]`)
    await until(() => expect(entry().exists()).toBe(true))
    expect(entry().text()).toContain('茶水间')
    expect(entry().text()).toContain('55')
    expect(entry().text()).toContain('扣 3 分')
    await entry().find('[data-testid=ledger-entry-toggle]').trigger('click')
    await until(() => expect(entry().findAll('[data-testid=ledger-trace-inspection]')).toHaveLength(2))
    const ids = entry().findAll('[data-testid=ledger-trace-inspection]').map((x) => x.attributes('data-id'))
    expect(ids.sort()).toEqual(ins.map((i) => i.id).sort())
    expect(wrapper.find('[data-testid=ledger-publish]').exists()).toBe(true)
    expect(wrapper.find('[data-testid=ledger-not-ended]').exists()).toBe(false)
  })
})

describe('company-wide actions and a site-scoped admin head (issue 8)', () => {
  it('the ledger page shows them the published entries but no preview and no publish button', async () => {
    const { wrapper } = await mountAt('/rewards/ledger', rankingRoutes, HEAD, ['admin_head'], '05000000-0000-4000-8000-000000000002')
    wrappers.push(wrapper)
    await until(() => expect(wrapper.find('[data-testid=ledger-published]').exists()).toBe(true))
    expect(wrapper.find('[data-testid=ledger-preview]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=ledger-publish]').exists()).toBe(false)
  })

  it("the Work tab's entries: the ledger for them, not the reward rules or the templates", async () => {
    const routes = [...rankingRoutes, { path: '/w', name: 'w', component: RankingsWork }]
    const site = await mountAt('/w', routes, HEAD, ['admin_head'], '05000000-0000-4000-8000-000000000002')
    wrappers.push(site.wrapper)
    await until(() => expect(site.wrapper.find('[data-testid=work-ledger]').exists()).toBe(true))
    expect(site.wrapper.find('[data-testid=work-rules]').exists()).toBe(false)
    expect(site.wrapper.find('[data-testid=work-templates]').exists()).toBe(false)
    site.wrapper.unmount()
    wrappers.pop()

    const company = await mountAt('/w', routes, HEAD, ['admin_head'])
    wrappers.push(company.wrapper)
    await until(() => expect(company.wrapper.find('[data-testid=work-rules]').exists()).toBe(true))
    expect(company.wrapper.find('[data-testid=work-templates]').exists()).toBe(true)
  })
})
