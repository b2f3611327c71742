/**
 * Chart.js, loaded on demand: only pages that draw a chart fetch this chunk (never a first
 * screen). Tree-shaken: the line and bar charts with the pieces they use, nothing else.
 */
import type { Chart as ChartType, ChartConfiguration } from 'chart.js'

let loading: Promise<typeof ChartType> | null = null

export function loadChart(): Promise<typeof ChartType> {
  loading ??= import('chart.js').then((m) => {
    m.Chart.register(m.LineController, m.BarController, m.LineElement, m.PointElement, m.BarElement, m.CategoryScale, m.LinearScale, m.Tooltip, m.Legend, m.Filler)
    return m.Chart
  })
  return loading
}

export type { ChartConfiguration }
