/**
 * Web Push in real Chromium against the built PWA: a push message delivered to the registered
 * service worker (through Chromium's DevTools protocol, standing in for the push service) shows
 * the reminder as a notification, and tapping it opens the task in the app.
 */
import { describe, expect, it } from 'vitest'
import { useBuiltApp } from './support/browser'

const app = useBuiltApp()

describe('Web Push in a real browser', () => {
  it('a delivered push shows the notification; its tap opens the task', async () => {
    const origin = new URL(app.url).origin
    const { context, page } = await app.open({ prepare: (c) => c.grantPermissions(['notifications'], { origin }) })

    const cdp = await context.newCDPSession(page)
    const registration = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: { registrationId: string; scopeURL: string }[] }) => {
        const r = e.registrations.find((x) => x.scopeURL.startsWith(origin))
        if (r) resolve(r.registrationId)
      })
    })
    await cdp.send('ServiceWorker.enable')
    const registrationId = await registration
    const taskId = '7a5c0000-0000-4000-8000-000000000001'
    const data = JSON.stringify({ title: '任务今天到期｜行政外勤', body: '李静：核对印章使用登记（期限 2026-12-14）', url: `${origin}/tasks/${taskId}`, tag: `dueToday:${taskId}` })
    const shown = () => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => `${n.title}|${n.body}`))
    const expected = ['任务今天到期｜行政外勤|李静：核对印章使用登记（期限 2026-12-14）']
    await page.evaluate(async () => void (await navigator.serviceWorker.ready))
    await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId, data })
    // About one run in 40 on this machine, Chromium's notification store stays empty although the
    // worker's push handler ran (seen with a probe in the worker: handled once, nothing stored).
    // So the push is delivered once more (same tag: still one notification). A handler that shows
    // nothing, or the wrong text, fails on both deliveries.
    const once = await expect.poll(shown, { timeout: 10_000 }).toEqual(expected).then(() => true, () => false)
    if (!once) {
      console.warn('push: no notification after the first delivery; delivering again')
      await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId, data })
      await expect.poll(shown, { timeout: 30_000 }).toEqual(expected)
    }

    // Tap it (a notificationclick in the worker, with the notification it showed): the task opens.
    const worker = context.serviceWorkers()[0]
    if (!worker) throw new Error('no service worker')
    await worker.evaluate(async () => {
      // Runs in the worker (the tests' tsconfig has no WebWorker lib): its own globals, typed loosely.
      const sw = self as unknown as { registration: ServiceWorkerRegistration; dispatchEvent(e: Event): boolean }
      const NotificationEventCtor = (self as unknown as { NotificationEvent: new (type: string, init: { notification: Notification }) => Event }).NotificationEvent
      const [notification] = await sw.registration.getNotifications()
      sw.dispatchEvent(new NotificationEventCtor('notificationclick', { notification: notification! }))
    })
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).toBe(`/tasks/${taskId}`)
    await page.getByTestId('task-page').waitFor()
    await context.close()
  })
})
