import { describe, expect, it } from 'vitest'
import { ROLES } from '@/features/auth/domain/roles'
import { todoSectionsFor } from '@/features/home/domain/todoSections'

describe('todoSectionsFor', () => {
  it('gives every role its own sections plus the personal ones', () => {
    for (const role of ROLES) {
      const sections = todoSectionsFor([role])
      expect(sections).toContain('myRequests')
      // Anyone may be given a task (事务处理): everyone has the assignee's section.
      expect(sections).toContain('myTasks')
      expect(new Set(sections).size).toBe(sections.length)
    }
    expect(todoSectionsFor(['admin_head'])).toContain('followUps')
    expect(todoSectionsFor(['driver'])).toEqual(expect.arrayContaining(['trips', 'vehicleChecks']))
    expect(todoSectionsFor(['employee'])).toEqual(['myRequests', 'myItems', 'myTasks'])
    // issue 9: the fleet manager decides 用车申请 (待我审批); keepers confirm claimed returns (待我确认) first.
    expect(todoSectionsFor(['fleet_manager'])).toEqual(expect.arrayContaining(['approvals', 'dispatch']))
    expect(todoSectionsFor(['seal_keeper'])[0]).toBe('returnsToConfirm')
  })
})
