/**
 * useDeviceDraft loads the device db's code lazily (issue 13: a form paints before Dexie). What is
 * typed before that code has arrived is unsaved input at once (leaving asks, an app update waits)
 * and is kept on the device once it has; later writes land in the order they were typed.
 */
import '../support/vantCss'
import { describe, expect, it, vi } from 'vitest'
import { hasUnsavedInput } from '@/shared/composables/dirtyRegistry'
import { KEY, mountDraftForm } from './deviceDraftHarness'

const gate = vi.hoisted(() => {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open, opened }
})
vi.mock('@/platform/db', async (importOriginal) => {
  await gate.opened
  return importOriginal()
})

describe('useDeviceDraft: input typed before the db code has loaded', () => {
  it('counts as unsaved at once and is kept once the db code is in; later keystrokes land in order', async () => {
    const { draft, type } = await mountDraftForm()
    const starting = draft.start()
    await type('与供应商签约')
    expect(draft.dirty.value).toBe(true)
    expect(hasUnsavedInput()).toBe(true)

    gate.open()
    await starting
    const { getDb, loadFormDraft } = await import('@/platform/db')
    await vi.waitFor(async () => expect(await loadFormDraft(getDb(), KEY)).toEqual({ note: '与供应商签约' }))

    // The db code is in: each keystroke's write is issued as it is typed, the last one wins.
    await type('与供应商签约（一）')
    await type('与供应商签约（二）')
    expect(await loadFormDraft(getDb(), KEY)).toEqual({ note: '与供应商签约（二）' })
  })
})
