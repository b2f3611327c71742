// A fact whose device clock was off (issue 8, point 2) shows both times in the histories that
// hold such facts: the application's steps and the task's timeline (the asset's: AssetPage.test).
import '../support/vantCss'
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { RequestEventRow, TaskEventRow, TaskRow } from '@/platform/db/rows'
import RequestTimeline from '@/features/requests/components/RequestTimeline.vue'
import TaskTimeline from '@/features/tasks/components/TaskTimeline.vue'
import { appPlugins } from '../support/mountApp'

const received = '2025-03-03T01:00:00.000Z'
const claimed = '2031-01-01T08:00:00.000Z'

describe('clock claims in histories', () => {
  it("an application's step: claimed and received, only where the clock was off", () => {
    const step = (id: string, claimedTime: string | null): RequestEventRow => ({
      id, request_id: 'r', action: 'approve', actor_id: 'u', on_behalf_of: null, step: 1, revision: 0, note: null, form: null,
      assignment: null, at: received, flag: null, claimed_time: claimedTime, updated_at: received, deleted_at: null,
    })
    const w = mount(RequestTimeline, {
      props: { events: [step('a', null), step('b', claimed)], name: () => '李静', pending: new Set<string>() },
      global: { plugins: appPlugins().plugins },
    })
    const claims = w.findAll('[data-testid=clock-claim]')
    expect(claims).toHaveLength(1)
    expect(claims[0]!.text()).toContain('2031')
    expect(claims[0]!.text()).toContain('2025')
    w.unmount()
  })

  it("a task's fact", () => {
    const task = { id: 't', assigner_id: 'u', assigned_at: received } as TaskRow
    const event: TaskEventRow = { id: 'e', task_id: 't', type: 'start', actor_id: 'u', device_time: received, data: {}, flagged: false, claimed_time: claimed }
    const w = mount(TaskTimeline, { props: { task, events: [event] }, global: { plugins: appPlugins().plugins } })
    expect(w.find('[data-testid=clock-claim]').attributes('data-claimed')).toBe(claimed)
    expect(w.find('[data-testid=clock-claim]').attributes('data-received')).toBe(received)
    w.unmount()
  })
})
