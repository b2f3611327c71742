import '../support/vantCss'
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { getDb } from '@/platform/db'
import { labelUrl } from '@/features/assets/domain/labelToken'
import LabelsPrintPage from '@/features/labels/pages/LabelsPrintPage.vue'
import { appPlugins } from '../support/mountApp'
import { addAsset } from './support'

describe('LabelsPrintPage', () => {
  it('lays out the chosen assets with QR (label URL), number, name and kind; print calls window.print', async () => {
    const a = await addAsset(getDb(), { number: 'SEAL-0101', name: '财务专用章' })
    const b = await addAsset(getDb(), { number: 'EQP-0101', kind: 'equipment', name: '投影仪' })
    const { plugins } = appPlugins()
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/labels/print', name: 'labelsPrint', component: LabelsPrintPage }] })
    await router.push(`/labels/print?ids=${a.id},${b.id}`)
    const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [...plugins, router] }, attachTo: document.body })
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.findAll('[data-testid=label-card] img')).toHaveLength(2)
    })
    const cards = wrapper.findAll('[data-testid=label-card]')
    expect(cards[0]!.attributes('data-url')).toBe(labelUrl(location.origin, a.label_token!))
    expect(cards[0]!.text()).toContain('SEAL-0101')
    expect(cards[0]!.text()).toContain('财务专用章')
    expect(cards[1]!.text()).toContain('办公设备')
    expect(wrapper.find('[data-testid=label-sheet]').attributes('data-layout')).toBe('a4')
    expect(document.head.querySelector('style[data-print-page]')?.textContent).toContain('210mm 297mm')
    expect(document.documentElement.classList.contains('af-printing')).toBe(true)

    await wrapper.find('[data-testid=label-layout-single]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid=label-sheet]').attributes('data-pages')).toBe('2'))
    expect(document.head.querySelector('style[data-print-page]')?.textContent).toContain('50mm 30mm')

    const print = vi.fn()
    vi.stubGlobal('print', print)
    await wrapper.find('[data-testid=labels-print-button]').trigger('click')
    expect(print).toHaveBeenCalledOnce()
    wrapper.unmount()
    expect(document.documentElement.classList.contains('af-printing')).toBe(false)
    expect(document.head.querySelector('style[data-print-page]')).toBeNull()
  })
})
