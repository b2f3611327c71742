/**
 * Vitest externalizes vant (plain .mjs in node_modules), so Node itself would load the
 * `import '../../style/base.css'` lines inside vant's style entries and fail. This registers a
 * Node loader hook that turns .css imports into empty modules. Import it FIRST in a test file
 * that pulls in Vant components (vitest keeps the import order).
 */
import { register } from 'node:module'

const hook = `
export async function load(url, context, nextLoad) {
  if (url.endsWith('.css')) return { format: 'module', source: '', shortCircuit: true }
  return nextLoad(url, context)
}`

register(`data:text/javascript,${encodeURIComponent(hook)}`)
