// Issue 13: Home's to-do sections show at once (titles, room held by a loading row), never a
// "nothing to do" before the device db is ready; then their widgets mount one section per task.
import '../support/vantCss'
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import TodoSections from '@/features/home/components/TodoSections.vue'
import zhCN from '@/shared/i18n/messages/zh-CN'
import { appPlugins } from '../support/mountApp'
import { until } from '../support/until'

const mountSections = () => mount(TodoSections, { props: { roles: ['admin_head'], ready: false }, global: { plugins: appPlugins().plugins } })
const busy = (w: ReturnType<typeof mountSections>) => w.findAll('[data-testid=todo-section][aria-busy=true]').map((s) => s.attributes('data-section'))
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0))

describe("Home's to-do sections", () => {
  it('hold their room with a loading row until the db is ready, and no empty text', async () => {
    const w = mountSections()
    await nextTask()
    const sections = w.findAll('[data-testid=todo-section]').map((s) => s.attributes('data-section'))
    expect(sections).toEqual(['approvals', 'followUps', 'kpis', 'rectifications', 'myRequests', 'myItems', 'myTasks'])
    expect(busy(w)).toEqual(['approvals', 'followUps', 'rectifications', 'myRequests', 'myItems', 'myTasks'])
    for (const s of w.findAll('[data-testid=todo-section][aria-busy=true]')) expect(s.find('[data-state=loading]').exists()).toBe(true)
    // 我的申请 keeps the room of its empty text and its "new application" row.
    expect(w.find('[data-section=myRequests] [data-state=loading]').attributes('style')).toContain('min-height: 96px')
    // What no feature fills yet shows at once: it is the largest text on the first screen (Lighthouse's LCP).
    expect(w.find('[data-section=kpis]').text()).toContain(zhCN.home.sections.kpis.empty)
    expect(w.text()).not.toContain(zhCN.requests.emptyInbox)
    expect(w.text()).not.toContain(zhCN.tasks.inbox.empty)
    w.unmount()
  })

  it('mount their widgets in order, each once its chunk is in, once the db is ready', async () => {
    const w = mountSections()
    const seen: string[] = []
    const record = () => {
      const now = busy(w).join(',')
      if (seen.at(-1) !== now) seen.push(now)
    }
    await w.setProps({ ready: true })
    await until(() => {
      record()
      expect(busy(w)).toEqual([])
    })
    // Only ever a tail of the list still waits: the sections fill in from the top.
    const all = ['approvals', 'followUps', 'rectifications', 'myRequests', 'myItems', 'myTasks']
    for (const state of seen) expect(all.slice(all.length - (state ? state.split(',').length : 0)).join(',')).toBe(state)
    // A widget never shows a stand-in shorter than the room held: 我的申请's loading row is gone once it mounts.
    expect(w.find('[data-section=myRequests] [data-testid=request-todo-new]').exists()).toBe(true)
    await until(() => expect(w.find('[data-testid=custody-todo]').exists()).toBe(true))
    w.unmount()
  })
})
