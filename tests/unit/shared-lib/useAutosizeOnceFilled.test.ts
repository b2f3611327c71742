import { describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import { useAutosizeOnceFilled } from '@/shared/composables/useAutosizeOnceFilled'

describe('useAutosizeOnceFilled', () => {
  it('is off while the text is empty, on from the first text, and stays on', async () => {
    const text = ref('')
    const on = useAutosizeOnceFilled(() => text.value)
    expect(on.value).toBe(false)
    text.value = '合'
    await nextTick()
    expect(on.value).toBe(true)
    text.value = ''
    await nextTick()
    expect(on.value).toBe(true)
  })

  it('is on at once for a restored draft', () => {
    expect(useAutosizeOnceFilled(() => '第一行\n第二行\n第三行').value).toBe(true)
  })
})
