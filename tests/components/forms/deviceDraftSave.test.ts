/**
 * useDeviceDraft loads the device db's code lazily (issue 13: a form paints before Dexie). A form
 * saved while that code was still loading: its draft write must not land after the save's
 * transaction dropped the draft (it would come back and be restored over the next, empty form).
 */
import '../support/vantCss'
import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
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

describe('useDeviceDraft: a save while the db code is still loading', () => {
  it('type, save at once (the db code not in yet): no draft is left after the save', async () => {
    const { draft, type } = await mountDraftForm()
    const starting = draft.start()
    await type('年度框架合同')
    // Typed before the db code arrived: it counts as unsaved input (leaving asks, an update waits).
    expect(draft.dirty.value).toBe(true)

    // The form's save: no draft write after this point, then its transaction drops the draft.
    const saving = (async () => {
      await draft.hold()
      const { getDb, dropFormDraft } = await import('@/platform/db')
      const db = getDb()
      await db.transaction('rw', db.meta, () => dropFormDraft(db, KEY))
      draft.markSent()
    })()
    gate.open()
    await Promise.all([starting, saving])
    await flushPromises()

    // Any draft write issued by then is ordered before this read (IndexedDB runs them in order).
    const { getDb, loadFormDraft } = await import('@/platform/db')
    expect(await loadFormDraft(getDb(), KEY)).toBeUndefined()
    expect(draft.dirty.value).toBe(false)
  })

  it("typed while the save's transaction runs: the draft does not come back; a save that fails keeps it again", async () => {
    gate.open()
    const { getDb, loadFormDraft, dropFormDraft } = await import('@/platform/db')
    const db = getDb()
    const { draft, type } = await mountDraftForm()
    await draft.start()
    await type('第一版')
    await draft.hold()
    const tx = db.transaction('rw', db.meta, () => dropFormDraft(db, KEY))
    await type('第二版')
    await tx
    draft.markSent()
    expect(await loadFormDraft(db, KEY)).toBeUndefined()

    // Again, but the save fails: what was typed meanwhile is kept once the form lets go.
    await draft.start()
    await type('第三版')
    await draft.hold()
    await type('第四版')
    expect(await loadFormDraft(db, KEY)).toEqual({ note: '第三版' })
    draft.release()
    await vi.waitFor(async () => expect(await loadFormDraft(db, KEY)).toEqual({ note: '第四版' }))
    expect(draft.dirty.value).toBe(true)
  })
})
