import { describe, expect, it } from 'vitest'
import {
  maintenanceActionSchema,
  maintenanceActions,
  maintenanceRequestSchema,
  newMaintenanceRequest,
  requestFromFailure,
  transitionMaintenance,
} from '@/features/vehicles/domain/maintenance'
import { serviceState } from '@/features/vehicles/domain/preTrip'

const U = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const manager = { id: U(2), roles: ['fleet_manager'] }
const driver = { id: U(1), roles: ['driver'] }
const AT = '2026-03-01T02:00:00Z'

const base = () =>
  newMaintenanceRequest(
    maintenanceRequestSchema.parse({ id: U(50), vehicle_id: U(10), requested_by: U(1), requested_at: AT, source: 'manual', description: '空调不制冷' }),
  )
const act = (x: unknown) => maintenanceActionSchema.parse(x)

describe('maintenance requests', () => {
  it('a request on its own: normal urgency, status requested', () => {
    expect(base()).toMatchObject({ status: 'requested', urgency: 'normal', inspection_id: null, photo_ids: [] })
    expect(maintenanceActions('requested')).toEqual(['approve', 'reject'])
  })
  it('from a failed critical pre-trip item: urgent, linked to the check', () => {
    const input = requestFromFailure(
      { inspection_id: U(60), vehicle_id: U(10), requested_by: U(1), at: AT, item: { key: 'brakes', text_zh: '刹车有效', text_en: 'Brakes', critical: true }, note: '异响' },
      () => U(51),
    )
    const r = maintenanceRequestSchema.parse(input)
    expect(r).toMatchObject({ source: 'pretrip_failure', inspection_id: U(60), item_key: 'brakes', urgency: 'urgent', description: '刹车有效：异响' })
  })
  it('a failure-sourced request needs its check', () => {
    const r = maintenanceRequestSchema.safeParse({ id: U(50), vehicle_id: U(10), requested_by: U(1), requested_at: AT, source: 'pretrip_failure', description: 'x' })
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(['vehicles.errors.required'])
  })
  it('requested → approved → in_progress → completed, with garage, cost and date', () => {
    let r = base()
    for (const [x, status] of [
      [{ action: 'approve', at: AT, urgency: 'urgent' }, 'approved'],
      [{ action: 'start', at: AT, garage: '徐汇汽修厂' }, 'in_progress'],
      [{ action: 'complete', at: AT, cost: 1280.5, completed_at: '2026-03-03T08:00:00Z' }, 'completed'],
    ] as const) {
      const t = transitionMaintenance(r, act(x), manager)
      if (!t.ok) throw new Error(t.reason)
      r = t.value
      expect(r.status).toBe(status)
    }
    expect(r).toMatchObject({ urgency: 'urgent', garage: '徐汇汽修厂', cost: 1280.5, completed_at: '2026-03-03T08:00:00Z', decided_by: U(2) })
    // the completed repair puts a vehicle failed before it back in service
    expect(serviceState([{ id: 'c', submitted_at: AT, critical_failed: true }], [r]).out_of_service).toBe(false)
  })
  it('approved → completed directly needs a garage', () => {
    const approved = transitionMaintenance(base(), act({ action: 'approve', at: AT }), manager)
    if (!approved.ok) throw new Error()
    const done = { action: 'complete', at: AT, cost: 80, completed_at: AT }
    expect(transitionMaintenance(approved.value, act(done), manager)).toEqual({ ok: false, reason: 'vehicles.errors.completionRequired' })
    expect(transitionMaintenance(approved.value, act({ ...done, garage: '4S店' }), manager).ok).toBe(true)
  })
  it('rejected with a reason; no moves after; only the fleet manager decides', () => {
    expect(transitionMaintenance(base(), act({ action: 'approve', at: AT }), driver)).toEqual({ ok: false, reason: 'vehicles.errors.notAllowed' })
    const rej = transitionMaintenance(base(), act({ action: 'reject', at: AT, reason: '已在保修期内，联系4S店' }), manager)
    expect(rej.ok && rej.value).toMatchObject({ status: 'rejected', reject_reason: '已在保修期内，联系4S店' })
    if (!rej.ok) return
    expect(transitionMaintenance(rej.value, act({ action: 'approve', at: AT }), manager)).toEqual({ ok: false, reason: 'vehicles.errors.badTransition' })
    expect(maintenanceActionSchema.safeParse({ action: 'reject', at: AT, reason: '' }).success).toBe(false)
  })
})
