import './support/vantCss'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { closeDialog } from 'vant'
import { useSyncStore } from '@/features/sync'
import AttentionList from '@/features/sync/components/AttentionList.vue'
import { appPlugins } from './support/mountApp'
import { fakeEngine, refusedEntry } from './fakeEngine'

function setup(entries = [refusedEntry()]) {
  const { plugins } = appPlugins()
  const fake = fakeEngine({ attention: entries })
  useSyncStore().connect(fake.engine, { start: false })
  const wrapper = mount(AttentionList, { global: { plugins } })
  return { wrapper, fake }
}

/** Vant dialogs render into document.body, outside the wrapper. */
async function dialogButton(kind: 'confirm' | 'cancel'): Promise<HTMLButtonElement> {
  await flushPromises()
  await vi.waitFor(() => {
    if (!document.querySelector(`.van-dialog__${kind}`)) throw new Error('dialog not open')
  })
  return document.querySelector(`.van-dialog__${kind}`) as HTMLButtonElement
}

afterEach(() => {
  // Vant keeps one dialog instance in <body>: close it, never remove its DOM.
  closeDialog()
})

describe('AttentionList', () => {
  it('says so when nothing was refused', () => {
    const { wrapper } = setup([])
    expect(wrapper.text()).toContain('没有被拒绝的记录')
    expect(wrapper.findAll('[data-testid=attention-item]')).toHaveLength(0)
  })

  it('lists refused writes with their translated reason and kind', () => {
    const { wrapper } = setup([refusedEntry(), refusedEntry({ op_id: 'op-2', kind: 'profile.update', reason: 'weird_code' })])
    const items = wrapper.findAll('[data-testid=attention-item]')
    expect(items).toHaveLength(2)
    expect(items[0]!.text()).toContain('保存部门')
    expect(items[0]!.find('[data-testid=attention-reason]').text()).toBe('无权限：你的角色不能执行此操作')
    expect(items[0]!.text()).toContain('role admin_head required')
    expect(items[1]!.find('[data-testid=attention-reason]').text()).toContain('weird_code')
  })

  it('retry hands the op back to the engine', async () => {
    const { wrapper, fake } = setup()
    await wrapper.find('[data-testid=attention-retry]').trigger('click')
    await vi.waitFor(() => expect(fake.engine.retry).toHaveBeenCalledWith('op-1'))
    expect(fake.engine.discard).not.toHaveBeenCalled()
  })

  it('discard asks first and does nothing when cancelled', async () => {
    const { wrapper, fake } = setup()
    await wrapper.find('[data-testid=attention-discard]').trigger('click')
    const cancel = await dialogButton('cancel')
    expect(document.body.textContent).toContain('放弃这条修改？')
    cancel.click()
    await flushPromises()
    expect(fake.engine.discard).not.toHaveBeenCalled()
  })

  it('discard calls the engine after confirmation', async () => {
    const { wrapper, fake } = setup()
    await wrapper.find('[data-testid=attention-discard]').trigger('click')
    ;(await dialogButton('confirm')).click()
    await vi.waitFor(() => expect(fake.engine.discard).toHaveBeenCalledWith('op-1'))
  })

  it('follows the engine state as it changes', async () => {
    const { wrapper, fake } = setup()
    fake.set({ attention: [] })
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.findAll('[data-testid=attention-item]')).toHaveLength(0)
    })
  })
})
