/** Checks for a new service worker every hour and whenever the app comes back to the foreground. */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000

export function schedulePeriodicUpdate(registration: ServiceWorkerRegistration): () => void {
  const check = () => {
    // Offline the check only fails noisily; the next one will do.
    if (!navigator.onLine || registration.installing) return
    registration.update().catch(() => undefined)
  }
  const timer = window.setInterval(check, UPDATE_CHECK_INTERVAL_MS)
  const onVisible = () => {
    if (document.visibilityState === 'visible') check()
  }
  document.addEventListener('visibilitychange', onVisible)
  return () => {
    window.clearInterval(timer)
    document.removeEventListener('visibilitychange', onVisible)
  }
}
