import { describe, expect, it, vi } from 'vitest'
import { warmImport } from '@/shared/lib/idle'

describe('warmImport', () => {
  it('loads the module once the page is idle, not before', async () => {
    let loads = 0
    warmImport(async () => void loads++)
    expect(loads).toBe(0)
    await vi.waitFor(() => expect(loads).toBe(1))
  })

  it('drops a failed load (the save imports it again)', async () => {
    const failed = vi.fn(() => Promise.reject(new Error('offline')))
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    try {
      warmImport(failed)
      await vi.waitFor(() => expect(failed).toHaveBeenCalledTimes(1))
      await new Promise((r) => setTimeout(r, 50))
      expect(unhandled).not.toHaveBeenCalled()
    } finally {
      process.off('unhandledRejection', unhandled)
    }
  })
})
