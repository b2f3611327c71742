/*
 * Web Push for the reminder centre (issue 11), imported into the generated service worker
 * (vite.config.ts workbox.importScripts). Shows the sender's notification; a tap opens the task
 * in an open window of the app, or a new one. Only this app's own origin is ever opened.
 */
self.addEventListener('push', (event) => {
  let data = {}
  try {
    data = event.data ? event.data.json() : {}
  } catch {
    data = { body: event.data ? event.data.text() : '' }
  }
  const title = typeof data.title === 'string' && data.title ? data.title : '行政外勤'
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === 'string' ? data.body : '',
      tag: typeof data.tag === 'string' ? data.tag : undefined,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      data: { url: typeof data.url === 'string' ? data.url : '/' },
    }),
  )
})

self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  let target = new URL('/', self.location.origin)
  try {
    const url = new URL(event.notification.data && event.notification.data.url ? event.notification.data.url : '/', self.location.origin)
    if (url.origin === self.location.origin) target = url
  } catch {
    // a malformed link opens Home
  }
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
      for (const w of windows) {
        if ('navigate' in w) {
          await w.navigate(target.href).catch(() => undefined)
          return w.focus()
        }
      }
      return self.clients.openWindow(target.href)
    })(),
  )
})
