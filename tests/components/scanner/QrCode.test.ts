import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import QrCode from '@/shared/ui/QrCode.vue'

describe('QrCode', () => {
  it('renders an <img> of an SVG data URL (no v-html)', async () => {
    const wrapper = mount(QrCode, { props: { value: 'https://example.test/a/0123456789ABCDEFG', size: '30mm' } })
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.find('img').exists()).toBe(true)
    })
    const img = wrapper.find('img')
    expect(img.attributes('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/)
    expect(img.attributes('style')).toContain('30mm')
    expect(img.attributes('data-value')).toBe('https://example.test/a/0123456789ABCDEFG')
  })
})
