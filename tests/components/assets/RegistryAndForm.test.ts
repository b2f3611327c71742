import '../support/vantCss'
import { afterEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import { mountAt, newSeal, until, user } from './support'

let mounted: VueWrapper | null = null
afterEach(() => {
  mounted?.unmount()
  mounted = null
})

describe('RegistryPage', () => {
  it('lists assets as rows and filters them by text', async () => {
    const a = await newSeal()
    const b = await newSeal()
    const keeper = user('seal_keeper')
    const { wrapper } = await mountAt('/assets', keeper.id, keeper.roles)
    mounted = wrapper
    await until(() => expect(wrapper.find(`[data-testid=asset-row][data-id="${b.id}"]`).exists()).toBe(true))
    await wrapper.find('[data-testid=registry-search] input').setValue(a.number.toLowerCase())
    await until(() => expect(wrapper.findAll('[data-testid=asset-row]').map((r) => r.attributes('data-id'))).toEqual([a.id]))
  })
})

describe('AssetFormPage', () => {
  it('shows translated field errors and saves nothing when invalid', async () => {
    await newSeal()
    const keeper = user('fleet_manager')
    const { wrapper } = await mountAt('/assets/new?kind=vehicle', keeper.id, keeper.roles)
    mounted = wrapper
    await until(() => expect(wrapper.find('[data-testid=asset-form]').exists()).toBe(true))
    expect((wrapper.find('[data-testid=field-number] input').element as HTMLInputElement).value).toMatch(/^VEH-\d{4}$/)
    const before = await getDb().outbox.count()
    await wrapper.find('[data-testid=field-plate] input').setValue('ABC')
    await wrapper.find('[data-testid=asset-form]').trigger('submit')
    await until(() => expect(wrapper.find('[data-testid=asset-form]').text()).toContain('车牌号格式不正确'))
    expect(wrapper.find('[data-testid=asset-form]').text()).toContain('必填')
    expect(await getDb().outbox.count()).toBe(before)
  })

  it('creates an asset and opens its page', async () => {
    await newSeal()
    const keeper = user('asset_keeper')
    const { wrapper, router } = await mountAt('/assets/new?kind=uniform', keeper.id, keeper.roles)
    mounted = wrapper
    await until(() => expect(wrapper.find('[data-testid=asset-form]').exists()).toBe(true))
    await wrapper.find('[data-testid=field-name] input').setValue('夏季工衣')
    await wrapper.find('[data-testid=field-uniform_type] input').setValue('夏季工衣')
    await wrapper.find('[data-testid=field-size] input').setValue('L')
    await wrapper.find('[data-testid=field-quantity] input').setValue('2')
    await wrapper.find('[data-testid=asset-form]').trigger('submit')
    await until(() => expect(router.currentRoute.value.name, wrapper.text()).toBe('asset'))
    const id = String(router.currentRoute.value.params.id)
    const row = await getDb().assets.get(id)
    expect(row).toMatchObject({ kind: 'uniform', name: '夏季工衣', status: 'in_stock', details: { uniform_type: '夏季工衣', size: 'L', quantity: 2 } })
  })
})
