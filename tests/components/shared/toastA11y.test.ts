/** Every kind of toast is a named status message, not an unnamed dialog (issue 13, `aria-dialog-name`). */
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { closeToast, showFailToast, showLoadingToast, showSuccessToast, showToast } from 'vant'
import '@/shared/ui/toastA11y'

afterEach(() => closeToast(true))

describe('toasts', () => {
  it.each([
    ['text', () => showToast('已保存')],
    ['success', () => showSuccessToast('已保存')],
    ['fail', () => showFailToast('保存失败')],
    ['loading', () => showLoadingToast({ message: '正在保存…', forbidClick: true })],
  ])('a %s toast is a polite status, and no dialog is left unnamed', async (_kind, show) => {
    show()
    await nextTick()
    const toast = document.querySelector('.van-toast')
    expect(toast?.getAttribute('role')).toBe('status')
    expect(toast?.getAttribute('aria-live')).toBe('polite')
    expect(document.querySelectorAll('[role="dialog"]:not([aria-label]):not([aria-labelledby])')).toHaveLength(0)
  })
})
