// Issue 13: the task list's tabs are the page's own (van-tabs measured the page on mount), still
// WAI-ARIA tabs; the links under the list come once it has loaded (above a loading list they
// were pushed down when it came: a layout shift).
import '../support/vantCss'
import { afterEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { getDb } from '@/platform/db'
import type { TaskRow } from '@/platform/db/rows'
import { taskRoutes } from '@/features/tasks/routes'
import { adminHead, makeTask } from '../../unit/tasks-domain/fixtures'
import { mountAt, until } from '../rectification/support'

const wrappers: VueWrapper[] = []
afterEach(() => wrappers.splice(0).forEach((w) => w.unmount()))

describe('task list page', () => {
  it('tabs: a tablist whose chosen tab labels the one panel; a tap or the arrow keys choose, kept in the URL', async () => {
    const site = adminHead.grants[0]!.siteId!
    await getDb().sites.put({ id: site, code: 'S1', name: '厂区', updated_at: '2026-03-01T00:00:00Z', deleted_at: null })
    await getDb().tasks.put({ ...(makeTask(adminHead, { id: 'f2000000-0000-4000-8000-000000000001' }) as unknown as TaskRow), officer_id: null })
    const { wrapper, router } = await mountAt('/tasks', taskRoutes, adminHead.id, ['admin_head'], site)
    wrappers.push(wrapper)
    // While the list loads: no links under it yet.
    expect(wrapper.find('[data-testid=task-list-page]').attributes('data-status')).toBe('loading')
    expect(wrapper.find('[data-testid=task-list-links]').exists()).toBe(false)
    await until(() => expect(wrapper.find('[data-testid=task-list-page]').attributes('data-status')).toBe('ready'))
    await until(() => expect(wrapper.find('[data-testid=task-list-links]').exists()).toBe(true))

    const tabs = () => wrapper.findAll('[role=tablist] [role=tab]')
    const selected = () => tabs().filter((t) => t.attributes('aria-selected') === 'true').map((t) => t.attributes('data-testid'))
    expect(tabs().map((t) => t.attributes('data-testid'))).toEqual(['task-tab-mine', 'task-tab-given', 'task-tab-scope'])
    expect(selected()).toEqual(['task-tab-mine'])
    expect(tabs().map((t) => t.attributes('tabindex'))).toEqual(['0', '-1', '-1'])
    const panel = wrapper.find('[role=tabpanel]')
    expect(tabs().every((t) => t.attributes('aria-controls') === panel.attributes('id'))).toBe(true)
    expect(panel.attributes('aria-labelledby')).toBe(tabs()[0]!.attributes('id'))
    // The list is in the panel; the given tab counts its open task.
    expect(panel.find('[data-testid=task-search]').exists()).toBe(true)
    await until(() => expect(wrapper.find('[data-testid=task-tab-given]').text()).toContain('1'))

    await wrapper.find('[data-testid=task-tab-given]').trigger('click')
    await until(() => expect(router.currentRoute.value.query.tab).toBe('given'))
    await until(() => expect(selected()).toEqual(['task-tab-given']))
    expect(wrapper.find('[role=tabpanel]').attributes('aria-labelledby')).toBe(wrapper.find('[data-testid=task-tab-given]').attributes('id'))
    await until(() => expect(wrapper.findAll('[role=tabpanel] [data-testid=task-cell]').length).toBe(1))

    await wrapper.find('[role=tablist]').trigger('keydown', { key: 'ArrowRight' })
    await until(() => expect(selected()).toEqual(['task-tab-scope']))
    expect(document.activeElement?.getAttribute('data-testid')).toBe('task-tab-scope')
    await wrapper.find('[role=tablist]').trigger('keydown', { key: 'ArrowRight' })
    await until(() => expect(selected()).toEqual(['task-tab-mine']))
    await wrapper.find('[role=tablist]').trigger('keydown', { key: 'End' })
    await until(() => expect(router.currentRoute.value.query.tab).toBe('scope'))
    await wrapper.find('[role=tablist]').trigger('keydown', { key: 'Home' })
    await until(() => expect(selected()).toEqual(['task-tab-mine']))
    // The links stayed while the lists changed.
    expect(wrapper.find('[data-testid=task-list-links]').exists()).toBe(true)
  })
})
