/**
 * Fetches a lazy route's page chunk ahead of navigation. The Scan tab warms the asset page
 * while the camera starts, so the first scan of the day does not wait for a download.
 */
import type { Router } from 'vue-router'

export function preloadRoute(router: Router, name: string): void {
  const component = router.getRoutes().find((r) => r.name === name)?.components?.default
  // Lazy records hold `() => import(...)`; a loaded one holds the component object.
  if (typeof component === 'function' && !('__vccOpts' in component) && component.length === 0) {
    void (component as () => Promise<unknown>)()?.catch?.(() => undefined)
  }
}
