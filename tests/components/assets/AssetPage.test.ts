import '../support/vantCss'
import { afterEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import { recordCustodyEvents } from '@/features/assets/data/custodyRepository'
import { applyPage } from '@/platform/sync/pull'
import { mountAt, newSeal, until, user } from './support'

let mounted: VueWrapper | null = null
afterEach(() => {
  mounted?.unmount()
  mounted = null
})

const actionsOf = (w: VueWrapper) =>
  w
    .findAll('[data-testid^=action-]')
    .map((b) => b.attributes('data-testid')!.slice('action-'.length))
    .sort()

async function open(assetId: string, role: string) {
  const u = user(role)
  const { wrapper } = await mountAt(`/assets/${assetId}`, u.id, u.roles)
  mounted = wrapper
  await until(() => expect(wrapper.find('[data-testid=asset-number]').exists()).toBe(true))
  return wrapper
}

describe('AssetPage', () => {
  it('offers the seal keeper every normal step from "in stock", and no check-in', async () => {
    const seal = await newSeal()
    const w = await open(seal.id, 'seal_keeper')
    expect(w.find('[data-testid=asset-page]').attributes('data-status')).toBe('in_stock')
    expect(actionsOf(w)).toEqual(['audit_seen', 'check_out', 'label_replaced', 'report_damaged', 'report_lost', 'retire', 'send_to_repair'].sort())
  })

  it('offers nothing to the executive or to an employee who does not hold it', async () => {
    const seal = await newSeal()
    for (const role of ['executive', 'employee', 'asset_keeper']) {
      const w = await open(seal.id, role)
      expect(actionsOf(w), role).toEqual([])
      expect(w.find('[data-testid=no-actions]').exists(), role).toBe(true)
      w.unmount()
      mounted = null
    }
  })

  it("offers a seal's holder the hand-back and reports only; handed back, it awaits the keeper, whose check-in confirms it", async () => {
    const seal = await newSeal()
    const keeper = user('seal_keeper')
    const holder = user('employee')
    await recordCustodyEvents(getDb(), [{ asset: seal, type: 'check_out', payload: { to_person: holder.id, due_at: null, purpose: '签合同', condition: 'good' } }], {
      person_id: keeper.id,
      roles: keeper.roles,
    })
    const w = await open(seal.id, 'employee')
    expect(w.find('[data-testid=asset-page]').attributes('data-holder')).toBe(holder.id)
    expect(actionsOf(w)).toEqual(['report_damaged', 'report_lost', 'return_claimed'])
    await w.find('[data-testid=action-return_claimed]').trigger('click')
    await until(() => expect(w.find('[data-testid=custody-save]').exists()).toBe(true))
    await w.find('[data-testid=custody-save]').trigger('click')
    await until(() => expect(w.find('[data-testid=asset-awaiting-keeper]').exists()).toBe(true))
    // Still the holder's until the keeper confirms; nothing more to hand back.
    expect(w.find('[data-testid=asset-page]').attributes('data-status')).toBe('checked_out')
    expect(actionsOf(w)).toEqual(['report_damaged', 'report_lost'])
    w.unmount()
    const k = await open(seal.id, 'seal_keeper')
    expect(k.find('[data-testid=asset-awaiting-keeper]').exists()).toBe(true)
    await k.find('[data-testid=action-check_in]').trigger('click')
    await until(() => expect(k.find('[data-testid=custody-save]').exists()).toBe(true))
    await k.find('[data-testid=custody-save]').trigger('click')
    await until(() => expect(k.find('[data-testid=asset-page]').attributes('data-status')).toBe('in_stock'))
    expect(k.find('[data-testid=asset-awaiting-keeper]').exists()).toBe(false)
  })

  it('checks in with two taps; the timeline shows it first, marked not synced', async () => {
    const seal = await newSeal()
    const keeper = user('seal_keeper')
    await recordCustodyEvents(getDb(), [{ asset: seal, type: 'check_out', payload: { to_person: user('employee').id, due_at: null, purpose: '签合同', condition: 'good' } }], {
      person_id: keeper.id,
      roles: keeper.roles,
    })
    const w = await open(seal.id, 'seal_keeper')
    await w.find('[data-testid=action-check_in]').trigger('click')
    await until(() => expect(w.find('[data-testid=custody-save]').exists()).toBe(true))
    await w.find('[data-testid=custody-save]').trigger('click')
    await until(() => expect(w.find('[data-testid=asset-page]').attributes('data-status')).toBe('in_stock'))
    await until(() => {
      const first = w.find('[data-testid=timeline-item]')
      expect(first.attributes('data-type')).toBe('check_in')
      expect(first.attributes('data-pending')).toBe('true')
    })
    const items = w.findAll('[data-testid=timeline-item]')
    expect(items.map((i) => i.attributes('data-type'))).toEqual(['check_in', 'check_out'])
    const ops = await getDb().outbox.where('kind').equals('custody.record').toArray()
    expect(ops.filter((o) => o.payload.asset_id === seal.id).map((o) => o.payload.type)).toEqual(['check_out', 'check_in'])
  })

  it('marks a timeline item synced once the server accepted its op', async () => {
    const seal = await newSeal()
    const keeper = user('seal_keeper')
    const r = await recordCustodyEvents(getDb(), [{ asset: seal, type: 'audit_seen', payload: { location: 'A-1' } }], { person_id: keeper.id, roles: keeper.roles })
    const w = await open(seal.id, 'seal_keeper')
    await until(() => expect(w.find('[data-testid=timeline-item]').attributes('data-pending')).toBe('true'))
    const eventId = r.ok ? r.events[0]!.id : ''
    await getDb().outbox.where('entity_id').equals(eventId).modify({ status: 'applied' })
    await until(() => expect(w.find('[data-testid=timeline-item]').attributes('data-pending')).toBe('false'))
  })

  it("shows the keeper a fact whose device clock was off: the device's time claimed and the receipt (issue 8)", async () => {
    const seal = await newSeal()
    const keeper = user('seal_keeper')
    const received = '2025-03-03T01:00:00.000Z'
    // As pulled: the server sorted it at its receipt and kept the phone's time in claimed_time.
    await applyPage(getDb(), [{
      table: 'custody_events', id: crypto.randomUUID(), deleted: false,
      row: { asset_id: seal.id, type: 'audit_seen', actor_id: keeper.id, device_time: received, server_time: received, claimed_time: '9999-12-31T00:00:00.000Z', payload: { location: 'A-1' }, photo_ids: [], flagged: false, updated_at: received, deleted_at: null },
    }], null)
    const w = await open(seal.id, 'seal_keeper')
    await until(() => expect(w.find('[data-testid=clock-claim]').exists()).toBe(true))
    const claim = w.find('[data-testid=clock-claim]')
    expect(claim.attributes('data-claimed')).toBe('9999-12-31T00:00:00.000Z')
    expect(claim.attributes('data-received')).toBe(received)
    expect(claim.text()).toContain('9999')
    expect(claim.text()).toContain('2025')
    expect(claim.text()).toContain('设备时钟异常')
  })
})

describe('AssetPage conflicts', () => {
  it('shows the keeper a conflict after an offline double check-out and resolves it in two taps', async () => {
    const seal = await newSeal()
    const keeper = user('seal_keeper')
    const actor = { person_id: keeper.id, roles: keeper.roles }
    const out = (to: string) => ({ to_person: to, due_at: null, purpose: '签合同', condition: 'good' })
    await recordCustodyEvents(getDb(), [{ asset: seal, type: 'check_out', payload: out(user('employee').id) }], actor, { now: new Date(Date.now() - 60_000) })
    await recordCustodyEvents(getDb(), [{ asset: seal, type: 'check_out', payload: out(user('driver').id) }], actor)
    const w = await open(seal.id, 'seal_keeper')
    await until(() => {
      expect(w.find('[data-testid=conflict-banner]').exists()).toBe(true)
      expect(w.findAll('[data-testid=timeline-item][data-flagged=true]')).toHaveLength(1)
    })
    await w.find('[data-testid=action-resolve_conflict]').trigger('click')
    await until(() => expect(w.find('[data-testid=custody-save]').exists()).toBe(true))
    await w.find('[data-testid=custody-save]').trigger('click')
    await until(() => expect(w.find('[data-testid=conflict-banner]').exists()).toBe(false))
    expect(await getDb().assets.get(seal.id)).toMatchObject({ has_conflict: false, status: 'in_stock', holder_id: null })
  })

  it('does not show the banner to someone who does not keep seals', async () => {
    const seal = await newSeal()
    const keeper = user('seal_keeper')
    const actor = { person_id: keeper.id, roles: keeper.roles }
    const out = (to: string) => ({ to_person: to, due_at: null, purpose: '签合同', condition: 'good' })
    await recordCustodyEvents(getDb(), [{ asset: seal, type: 'check_out', payload: out(user('employee').id) }], actor, { now: new Date(Date.now() - 60_000) })
    await recordCustodyEvents(getDb(), [{ asset: seal, type: 'check_out', payload: out(user('driver').id) }], actor)
    const w = await open(seal.id, 'asset_keeper')
    // Only once the page shows the events (the flagged one included) does "no banner" mean anything.
    await until(() => expect(w.findAll('[data-testid=timeline-item][data-flagged=true]')).toHaveLength(1))
    expect(w.find('[data-testid=conflict-banner]').exists()).toBe(false)
  })
})
