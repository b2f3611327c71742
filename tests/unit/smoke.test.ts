import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import App from '@/app/App.vue'

describe('app shell', () => {
  it('renders', () => {
    expect(mount(App).text()).toContain('AdminField')
  })
})
