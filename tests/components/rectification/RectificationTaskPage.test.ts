import '../support/vantCss'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import { rectificationRoutes } from '@/features/rectification/routes'
import { fakePhoto } from '../../unit/photos/support'
import { CLEANER, INSPECTOR, seedTask } from '../../unit/rectification/fixtures'
import { mountAt, until } from './support'

// The real pipeline needs a canvas; the page only needs "a processed photo came back".
vi.mock('@/shared/ui/photos/processor', () => ({ defaultProcessor: async () => fakePhoto() }))

const wrappers: VueWrapper[] = []
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

async function open(taskId: string, userId: string, roles: string[]) {
  const { wrapper } = await mountAt(`/rectifications/${taskId}`, rectificationRoutes, userId, roles)
  wrappers.push(wrapper)
  await until(() => expect(wrapper.find('[data-testid=rect-summary]').exists()).toBe(true))
  return wrapper
}

async function takePhoto(wrapper: VueWrapper) {
  const input = wrapper.find('[data-testid=rect-fix-photo] [data-testid=photo-camera-input]')
  Object.defineProperty(input.element, 'files', { value: [new File(['raw'], 'after.jpg', { type: 'image/jpeg' })], configurable: true })
  await input.trigger('change')
}

describe('RectificationTaskPage', () => {
  it('the assignee cannot save without an "after" photo', async () => {
    const { task } = await seedTask(getDb())
    const w = await open(task.id, CLEANER, ['cleaner'])
    expect(w.find('[data-testid=rect-item]').text()).toContain('地面清洁无积水')
    expect(w.find('[data-testid=rect-summary]').text()).toContain('地面有积水')
    await w.find('[data-testid=rect-fix-form]').trigger('submit')
    await until(() => expect(w.find('[data-testid=rect-fix-error]').text()).toContain('照片'))
    expect(await getDb().rectifications.get(task.id)).toMatchObject({ status: 'open' })
  })

  it('the assignee fixes with a photo and a note; the page turns to "waiting for verification"', async () => {
    const { task } = await seedTask(getDb())
    const w = await open(task.id, CLEANER, ['cleaner'])
    await takePhoto(w)
    await until(() => expect(w.findAll('[data-testid=rect-fix-photo] [data-testid=captured-photo]')).toHaveLength(1))
    await w.find('[data-testid=rect-fix-note] textarea').setValue('已拖干')
    await w.find('[data-testid=rect-fix-form]').trigger('submit')
    await until(() => expect(w.find('[data-testid=rect-waiting]').exists()).toBe(true))
    const row = await getDb().rectifications.get(task.id)
    expect(row).toMatchObject({ status: 'fixed', fix_note: '已拖干' })
    expect(row!.fix_photo_ids).toHaveLength(1)
    const ops = (await getDb().outbox.toArray()).filter((o) => o.payload.rectification_id === task.id || o.entity_id === row!.fix_photo_ids[0])
    expect(ops.map((o) => o.kind).sort()).toEqual(['photo.register', 'rectification.fix'])
    // The status and the "not synced" tag follow the saved rows through live queries: wait for them.
    await until(() => {
      expect(w.find('[data-testid=rect-status]').text()).toBe('待复查')
      expect(w.find('[data-testid=pending-tag]').exists()).toBe(true)
    })
  })

  it('the inspector closes a fixed task on the spot; reopening needs a note', async () => {
    const { rows } = await seedTask(getDb(), { status: 'fixed', fixed_at: '2026-03-02T00:00:00.000Z' })
    const task = rows[0]!
    const w = await open(task.id, INSPECTOR, ['inspector'])
    expect(w.find('[data-testid=rect-fix-form]').exists()).toBe(false)
    await w.find('[data-testid=rect-verify-reopen]').trigger('click')
    await until(() => expect(w.find('[data-testid=rect-verify-error]').exists()).toBe(true))
    await w.find('[data-testid=rect-verify-close]').trigger('click')
    await until(() => expect(w.find('[data-testid=rect-closed]').exists()).toBe(true))
    expect(await getDb().rectifications.get(task.id)).toMatchObject({ status: 'closed', verified_by: INSPECTOR })
  })
})

describe('issue #12: the fix form keeps what was typed', () => {
  it('the "after" photo and the note survive the page being closed and opened again; saving drops the draft', async () => {
    const { task } = await seedTask(getDb())
    const first = await open(task.id, CLEANER, ['cleaner'])
    await takePhoto(first)
    await until(() => expect(first.findAll('[data-testid=rect-fix-photo] [data-testid=captured-photo]')).toHaveLength(1))
    await first.find('[data-testid=rect-fix-note] textarea').setValue('已拖干')
    await until(async () => expect(await getDb().meta.get(`rectification.fix:${task.id}`)).toBeDefined())
    wrappers.splice(0).forEach((w) => w.unmount())

    const again = await open(task.id, CLEANER, ['cleaner'])
    await until(() => {
      expect((again.find('[data-testid=rect-fix-note] textarea').element as HTMLTextAreaElement).value).toBe('已拖干')
      expect(again.findAll('[data-testid=rect-fix-photo] [data-testid=captured-photo]')).toHaveLength(1)
    })
    await again.find('[data-testid=rect-fix-form]').trigger('submit')
    await until(() => expect(again.find('[data-testid=rect-waiting]').exists()).toBe(true))
    expect(await getDb().meta.get(`rectification.fix:${task.id}`)).toBeUndefined()
  })
})
