/** Public API of the scan feature: the Scan tab, and scan resolution shared with the `/a/:token` page. */
export { scanRoutes } from './routes'
export { resolveAndLog, resolveScanText, type ScanOutcome as ScanOutcomeValue } from './data/resolveScan'
export { default as ScanOutcome } from './components/ScanOutcome.vue'
