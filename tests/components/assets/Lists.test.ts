import '../support/vantCss'
import { afterEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import demo from '@/platform/demo/demo-company.json'
import { labelUrl, newLabelToken } from '@/features/assets/domain/labelToken'
import { recordCustodyEvents } from '@/features/assets/data/custodyRepository'
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
    // The holder's name comes from the people directory, a read that may land a task after the rows.
    await until(() => expect(wrapper.text()).toContain(user('employee').display_name))
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

  it('resolves as the Scan tab does: a replaced label lists its asset once, an unknown one is logged', async () => {
    const seal = await newSeal()
    const k = user('seal_keeper')
    await mountAt('/holdings', k.id, k.roles).then((m) => (mounted = m.wrapper))
    const batch = useBatchStore()
    batch.clear()
    const origin = 'https://app.example'
    const oldToken = seal.label_token!
    const newToken = newLabelToken()
    const r = await recordCustodyEvents(getDb(), [{ asset: seal, type: 'label_replaced', payload: { new_token: newToken, old_token: oldToken } }], { person_id: k.id, roles: k.roles })
    expect(r.ok).toBe(true)

    // The old label finds its asset (listed, flagged for re-labelling), as on the Scan tab.
    expect(await batch.add(labelUrl(origin, oldToken), origin)).toMatchObject({ kind: 'added', replaced: true, asset: { id: seal.id } })
    expect((await batch.add(labelUrl(origin, newToken), origin)).kind).toBe('duplicate')
    // Frames of both labels resolving at once: still listed once.
    batch.clear()
    const outcomes = await Promise.all([newToken, oldToken, newToken, oldToken].map((t) => batch.add(labelUrl(origin, t), origin)))
    expect(outcomes.filter((o) => o.kind === 'added')).toHaveLength(1)
    expect(batch.items.map((i) => i.id)).toEqual([seal.id])
    expect(batch.isListed(labelUrl(origin, newToken))).toBe(true)

    const unknown = labelUrl(origin, newLabelToken())
    const before = await getDb().scan_log.count()
    expect((await batch.add(unknown, origin)).kind).toBe('unknown')
    const logged = await getDb().scan_log.orderBy('scanned_at').last()
    expect(await getDb().scan_log.count()).toBe(before + 1)
    expect(logged).toMatchObject({ text: unknown, result: 'unknown_label', user_id: k.id })
    expect(batch.isListed(unknown)).toBe(false)

    batch.remove(seal.id)
    expect(batch.isListed(labelUrl(origin, newToken))).toBe(false)
  })
})
