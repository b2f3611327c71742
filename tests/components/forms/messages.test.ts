/**
 * Issue #12 point 10 on the pages: a refused entry names the field and states its limit, under the
 * field it is about, and long text shows a counter before it is cut.
 */
import '../support/vantCss'
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { assetRoutes } from '@/features/assets/routes'
import { dormRoutes } from '@/features/dorms/routes'
import { mountAt, until } from '../rectification/support'

const person = (role: string) => demo.users.find((u) => u.roles.includes(role))!
const wrappers: VueWrapper[] = []
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

describe('the asset form', () => {
  it('5000 pieces says 件数 and 1 to 999 under the field; text fields count their characters', async () => {
    await seedDemoCompany(getDb())
    const keeper = person('asset_keeper')
    const { wrapper } = await mountAt('/assets/new?kind=uniform', assetRoutes, keeper.id, keeper.roles)
    wrappers.push(wrapper)
    await until(() => expect(wrapper.find('[data-testid=asset-form]').exists()).toBe(true))
    await wrapper.find('[data-testid=field-name] input').setValue('夏季工衣')
    await wrapper.find('[data-testid=field-uniform_type] input').setValue('夏季工衣')
    await wrapper.find('[data-testid=field-size] input').setValue('XL')
    await wrapper.find('[data-testid=field-quantity] input').setValue('5000')
    const before = await getDb().outbox.count()
    await wrapper.find('[data-testid=asset-form]').trigger('submit')
    await until(() => expect(wrapper.find('[data-testid=field-quantity] .van-field__error-message').text()).toBe('件数：数值超出范围（须在 1 到 999 之间）'))
    expect(await getDb().outbox.count()).toBe(before)
    expect(wrapper.find('[data-testid=field-uniform_type] .van-field__word-limit').text()).toBe('4/50')
    expect(wrapper.find('[data-testid=field-name] .van-field__word-limit').text()).toBe('4/100')
  })
})

describe('dorm allocation', () => {
  it('no move-in date says 入住日期 under that field, and nothing is saved', async () => {
    await seedDemoCompany(getDb())
    const manager = person('dorm_manager')
    const { wrapper } = await mountAt(`/dorms/allocate?person=${person('driver').id}&gender=male&from=`, dormRoutes, manager.id, ['dorm_manager'])
    wrappers.push(wrapper)
    await until(() => expect(wrapper.findAll('[data-testid=dorm-suggestion]').length).toBeGreaterThan(0))
    await wrapper.find('[data-testid=dorm-starts] input').setValue('')
    await wrapper.find('[data-testid=dorm-suggestion]').trigger('click')
    await flushPromises()
    const before = await getDb().outbox.count()
    await wrapper.find('[data-testid=dorm-allocate-submit]').trigger('click')
    await until(() => expect(wrapper.find('[data-testid=dorm-starts] .van-field__error-message').text()).toMatch(/^入住日期：/))
    expect(await getDb().outbox.count()).toBe(before)
  })
})
