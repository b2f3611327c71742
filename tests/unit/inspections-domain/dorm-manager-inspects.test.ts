// 宿舍卫生检查 by the dorm manager: dormitory areas only (the server's private.inspection_may_submit).
import { describe, expect, it } from 'vitest'
import { areaScanTarget, canInspectArea } from '@/features/inspections'

describe('the dorm manager inspects dormitory areas', () => {
  it('a dorm manager may inspect a dormitory area and nothing else; inspectors and the admin head any area', () => {
    expect(canInspectArea(['dorm_manager'], 'dormitory')).toBe(true)
    expect(canInspectArea(['dorm_manager'], 'washroom')).toBe(false)
    expect(canInspectArea(['employee'], 'dormitory')).toBe(false)
    expect(canInspectArea(['inspector'], 'washroom')).toBe(true)
    expect(canInspectArea(['admin_head'], 'lawn')).toBe(true)
  })

  it('a scanned dormitory label opens the inspection for the dorm manager, another area its page', () => {
    expect(areaScanTarget({ id: 'a1', area_type: 'dormitory' }, ['dorm_manager'])).toEqual({ name: 'inspect', params: { areaId: 'a1' }, query: { via: 'scan' } })
    expect(areaScanTarget({ id: 'a2', area_type: 'office' }, ['dorm_manager'])).toEqual({ name: 'area', params: { id: 'a2' } })
    expect(areaScanTarget({ id: 'a3', area_type: 'office' }, ['cleaner'])).toEqual({ name: 'roundNew', params: { areaId: 'a3' }, query: { via: 'scan' } })
  })
})
