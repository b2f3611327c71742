/**
 * 2.5 外带 and 2.6 借用 on the custody engine: each check-out with a due time, back (checked in)
 * by then or not. A transfer hands it on (its due time, if it names one, replaces the old); a
 * loss or retirement closes it as not returned. Seals and licences only: the other kinds'
 * loans are the same fold and can be added as KPIs. Mirrors private.kpi_items_custody.
 */
import type { KpiCode } from '../catalogue'
import { byInstant, byTime, type KpiContext, type KpiItem } from '../items'

export interface AssetFacts {
  id: string
  kind: string
  site_id: string | null
}

export interface CustodyFacts {
  id: string
  asset_id: string
  type: string
  device_time: string
  payload: Record<string, unknown>
  flagged: boolean
  deleted_at: string | null
}

export const RETURN_KPI: Readonly<Record<string, KpiCode>> = { seal: 'seal_returned_on_time', licence: 'licence_returned_on_time' }

interface Loan {
  id: string
  due: string
  holder: string | null
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null)

export function custodyItems(ctx: KpiContext, assets: readonly AssetFacts[], events: ReadonlyMap<string, readonly CustodyFacts[]>): KpiItem[] {
  const out: KpiItem[] = []
  for (const a of assets) {
    const kpi = RETURN_KPI[a.kind]
    if (!kpi) continue
    const close = (loan: Loan, doneAt: string | null, value: number | null) =>
      out.push({ kpi, key: loan.id, record_id: a.id, day: ctx.dateOf(loan.due), site_id: a.site_id, department_id: ctx.departmentOf(loan.holder), person_id: loan.holder, value, due: loan.due, done_at: doneAt })
    let loan = null as Loan | null
    for (const e of byTime(events.get(a.id) ?? [], (x) => x.device_time)) {
      if (e.flagged || e.deleted_at !== null) continue
      const due = text(e.payload.due_at)
      if (e.type === 'check_out') {
        loan = due ? { id: e.id, due, holder: text(e.payload.to_person) } : null
      } else if (e.type === 'transfer' && loan) {
        loan = { ...loan, due: due ?? loan.due, holder: text(e.payload.to_person) ?? loan.holder }
      } else if (e.type === 'check_in' && loan) {
        close(loan, e.device_time, byInstant(ctx, loan.due, e.device_time))
        loan = null
      } else if ((e.type === 'report_lost' || e.type === 'retire') && loan) {
        close(loan, null, 0)
        loan = null
      }
    }
    if (loan) close(loan, null, byInstant(ctx, loan.due, null))
  }
  return out
}
