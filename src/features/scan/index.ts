/**
 * Public API of the scan feature: the Scan tab, and scan resolution shared with the `/a/:token` page.
 * This index is in the first screen (routes import it), so what other pages use is reached
 * through dynamic imports: its code and CSS stay in lazy chunks.
 */
import { defineAsyncComponent } from 'vue'
import type { AdminFieldDb } from '@/platform/db'
import type { ScanContext, ScanOutcome as ScanOutcomeValue } from './data/resolveScan'

export { scanRoutes } from './routes'
export type { ScanOutcomeValue }

export async function resolveAndLog(database: AdminFieldDb, text: string, allowedOrigins: readonly string[], ctx: ScanContext): Promise<ScanOutcomeValue> {
  return (await import('./data/resolveScan')).resolveAndLog(database, text, allowedOrigins, ctx)
}

export const ScanOutcome = /* @__PURE__ */ defineAsyncComponent(() => import('./components/ScanOutcome.vue'))
