import './support/vantCss'
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { useSyncStore } from '@/features/sync'
import SyncStatusPanel from '@/features/sync/components/SyncStatusPanel.vue'
import HomeSyncCard from '@/features/home/components/HomeSyncCard.vue'
import { appPlugins } from './support/mountApp'
import { fakeEngine, fakePhotoQueue } from './fakeEngine'

function setup(component: typeof SyncStatusPanel | typeof HomeSyncCard) {
  const { plugins } = appPlugins()
  const fake = fakeEngine()
  useSyncStore().connect(fake.engine, { start: false })
  const wrapper = mount(component, { global: { plugins } })
  return { wrapper, fake }
}

describe('first sync progress', () => {
  it('Home shows how many records a new phone has received, then the last sync again', async () => {
    const { wrapper, fake } = setup(HomeSyncCard)
    // The line is a chunk of its own (Home paints before it): it fills in once loaded.
    await vi.waitFor(() => expect(wrapper.get('[data-testid=home-sync]').text()).toContain('尚未同步'))
    fake.set({ phase: 'pulling', pullProgress: { received: 24_000, table: 'assets', first: true } })
    await flushPromises()
    expect(wrapper.get('[data-testid=home-sync]').text()).toContain('首次同步：已下载 24,000 条记录')
    fake.set({ phase: 'idle', pullProgress: null, lastSyncAt: '2026-12-02T08:00:00.000Z' })
    await flushPromises()
    expect(wrapper.get('[data-testid=home-sync]').text()).not.toContain('已下载')
    expect(wrapper.get('[data-testid=home-sync]').text()).not.toContain('尚未同步')
  })

  it('the sync status panel shows the count under the phase while pulling', async () => {
    const { wrapper, fake } = setup(SyncStatusPanel)
    expect(wrapper.get('[data-testid=sync-phase]').text()).not.toContain('已下载')
    fake.set({ phase: 'pulling', pullProgress: { received: 1500, table: 'departments', first: false } })
    await flushPromises()
    expect(wrapper.get('[data-testid=sync-phase]').text()).toContain('正在下载…')
    expect(wrapper.get('[data-testid=sync-phase]').text()).toContain('已下载 1,500 条记录')
  })

  it('the panel and the badge say nothing about pending changes until the engine has counted them', async () => {
    const { plugins } = appPlugins()
    const wrapper = mount(SyncStatusPanel, { global: { plugins } })
    const sync = useSyncStore()
    expect(wrapper.find('[data-testid=sync-pending]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=sync-pending-loading]').exists()).toBe(true)
    expect(sync.badge.kind).toBe('checking')
    // Connected, but the outbox not yet read (the engine's first count is a query away).
    const fake = fakeEngine({ counted: false })
    sync.connect(fake.engine, { start: false })
    await flushPromises()
    expect(wrapper.find('[data-testid=sync-pending]').exists()).toBe(false)
    expect(sync.badge.kind).toBe('checking')
    fake.set({ counted: true, pending: 2 })
    await flushPromises()
    expect(wrapper.get('[data-testid=sync-pending]').attributes('data-count')).toBe('2')
    expect(wrapper.find('[data-testid=sync-pending-loading]').exists()).toBe(false)
    // The badge counts photos not yet uploaded too: not known before the photo queue has counted them.
    const photos = fakePhotoQueue({ counted: false })
    sync.connectPhotos(photos.queue)
    fake.set({ pending: 0 })
    await flushPromises()
    expect(sync.badge.kind).toBe('checking')
    photos.set({ counted: true, pending: 1 })
    await flushPromises()
    expect(sync.badge).toEqual({ kind: 'pending', count: 1 })
  })
})
