// 待我确认 (issue 9): the keeper's Home lists the seals and licences whose holder said "returned",
// with their count; each opens the item with the keeper's confirming check-in, which closes custody.
import '../support/vantCss'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import type { VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import { recordCustodyEvents } from '@/features/assets/data/custodyRepository'
import CustodyTodo from '@/features/assets/components/CustodyTodo.vue'
import { todoSectionsFor } from '@/features/home/domain/todoSections'
import { mountAt, newSeal, until, user } from './support'

let mounted: VueWrapper | null = null
afterEach(() => {
  mounted?.unmount()
  mounted = null
})

const Home = defineComponent({ render: () => h(CustodyTodo, { section: 'returnsToConfirm' }) })

describe('待我确认 on the keeper\'s Home', () => {
  it('is a section of the seal keeper\'s and the asset keeper\'s Home, not of others\'', () => {
    expect(todoSectionsFor(['seal_keeper'])[0]).toBe('returnsToConfirm')
    expect(todoSectionsFor(['asset_keeper'])[0]).toBe('returnsToConfirm')
    expect(todoSectionsFor(['employee'])).not.toContain('returnsToConfirm')
  })

  it('lists a claimed return with its count and holder; opening it offers the check-in at once, which confirms it', async () => {
    const seal = await newSeal()
    const keeper = user('seal_keeper')
    const holder = user('employee')
    await recordCustodyEvents(getDb(), [{ asset: seal, type: 'check_out', payload: { to_person: holder.id, due_at: null, purpose: '签合同', condition: 'good' } }], {
      person_id: keeper.id,
      roles: keeper.roles,
    })
    const [current] = await getDb().assets.where('id').equals(seal.id).toArray()
    await recordCustodyEvents(getDb(), [{ asset: current!, type: 'return_claimed', payload: { condition: 'good', note: null } }], { person_id: holder.id, roles: holder.roles })

    const { wrapper, router } = await mountAt('/', keeper.id, keeper.roles)
    mounted = wrapper
    router.addRoute({ path: '/home', name: 'keeperHome', component: Home })
    await router.push('/home')
    await until(() => expect(wrapper.find('[data-testid=todo-awaiting-count]').text()).toContain('1 件待确认归还'))
    const row = () => wrapper.find(`[data-testid=custody-item][data-id="${seal.id}"]`)
    // The holder's name comes from the people directory, a read of its own that may land a task later.
    await until(() => expect(row().text()).toContain(holder.display_name))
    expect(row().find('[data-testid=custody-item-awaiting]').exists()).toBe(true)

    await row().trigger('click')
    await until(() => expect(router.currentRoute.value.query.act).toBe('check_in'))
    await until(() => expect(wrapper.find('[data-testid=custody-save]').exists()).toBe(true))
    await wrapper.find('[data-testid=custody-save]').trigger('click')
    await until(() => expect(wrapper.find('[data-testid=asset-page]').attributes('data-status')).toBe('in_stock'))
    expect(await getDb().assets.get(seal.id)).toMatchObject({ status: 'in_stock', holder_id: null, return_claimed_at: null })

    await router.push('/home')
    await until(() => expect(wrapper.find('[data-testid=todo-awaiting-count]').exists()).toBe(false))
    expect(wrapper.text()).toContain('没有待确认的归还')
  })
})
