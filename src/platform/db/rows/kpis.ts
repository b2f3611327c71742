/** KPI targets (目标值): each change a row, the latest per KPI in force (features/kpis/domain/targets.ts). */
export interface KpiTargetRow {
  id: string
  kpi: string
  /** null: back to the seed's target (or none). numeric(5,2) on the server. */
  target: number | null
  note: string | null
  set_by: string
  set_at: string
  updated_at: string
  deleted_at: string | null
}
