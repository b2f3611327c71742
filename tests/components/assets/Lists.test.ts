import '../support/vantCss'
import { afterEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { labelUrl } from '@/features/assets/domain/labelToken'
import { useBatchStore } from '@/features/assets/stores/batch'
import { mountAt, newSeal, until, user } from './support'

let mounted: VueWrapper | null = null
afterEach(() => {
  mounted?.unmount()
  mounted = null
})
const demoAsset = (n: string) => (demo as unknown as { assets: { id: string; number: string; label_token: string }[] }).assets.find((a) => a.number === n)!

describe('What I hold and Overdue', () => {
  it('shows the employee what they hold, the overdue one with how late', async () => {
    await newSeal()
    const e = user('employee')
    const { wrapper } = await mountAt('/holdings', e.id, e.roles)
    mounted = wrapper
    await until(() => expect(wrapper.findAll('[data-testid=custody-item]')).toHaveLength(2))
    const late = wrapper.find(`[data-testid=custody-item][data-id="${demoAsset('LIC-0002').id}"] [data-testid=custody-item-late]`)
    expect(late.text()).toMatch(/已逾期 \d+ (天|小时)/)
  })

  it('lists overdue items of the kinds a keeper keeps, with the holder', async () => {
    await newSeal()
    const k = user('asset_keeper')
    const { wrapper } = await mountAt('/overdue', k.id, k.roles)
    mounted = wrapper
    await until(() => expect(wrapper.findAll('[data-testid=custody-item]').map((r) => r.attributes('data-id'))).toContain(demoAsset('LIC-0002').id))
    expect(wrapper.text()).toContain(user('employee').display_name)
  })
})

describe('batch store', () => {
  it('builds the list from scans, ignores repeats, and checks all out in one confirm', async () => {
    await newSeal()
    const k = user('asset_keeper')
    await mountAt('/holdings', k.id, k.roles).then((m) => (mounted = m.wrapper))
    const batch = useBatchStore()
    const origin = 'https://app.example'
    const a = demoAsset('UNI-0001')
    const b = demoAsset('UNI-0002')
    expect((await batch.add(labelUrl(origin, a.label_token), origin)).kind).toBe('added')
    expect((await batch.add(labelUrl(origin, a.label_token), origin)).kind).toBe('duplicate')
    expect((await batch.add(b.number, origin)).kind).toBe('added')
    expect((await batch.add('https://other.example/a/x', origin)).kind).toBe('foreign')
    expect(batch.items.map((i) => i.id)).toEqual([b.id, a.id])
    const hire = user('employee').id
    const result = await batch.commit('check_out', { to_person: hire, due_at: null, purpose: '新员工入职', condition: 'good' })
    expect(result.ok).toBe(true)
    expect(batch.items).toHaveLength(0)
    for (const id of [a.id, b.id]) expect((await getDb().assets.get(id))?.holder_id).toBe(hire)
  })
})
