/**
 * Web Push on this device (issue 11): whether it can work here and why not, and subscribing with
 * the app's VAPID public key (VITE_VAPID_PUBLIC_KEY). The subscription reaches the server as the op
 * 'push_subscription.set' in one transaction with its outbox entry (DESIGN.md invariant 1); its id
 * is kept in meta so the same browser updates one row. Without it the in-app reminder centre works.
 */
import type { AdminFieldDb } from '../db/schema'
import { getMeta } from '../db/meta'
import { buildOp, commitWithOutbox } from '../sync/outbox'

export type PushState = 'unsupported' | 'noKey' | 'denied' | 'ask' | 'on'

const ID_KEY = 'push.subscriptionId'

export const vapidPublicKey = (): string => (import.meta.env.VITE_VAPID_PUBLIC_KEY as string | undefined) ?? ''

function supported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window
}

/** Where notifications stand on this device (the Me page says why when they are off). */
export async function pushState(): Promise<PushState> {
  if (!supported()) return 'unsupported'
  if (!vapidPublicKey()) return 'noKey'
  if (Notification.permission === 'denied') return 'denied'
  if (Notification.permission !== 'granted') return 'ask'
  const reg = await navigator.serviceWorker.getRegistration()
  return (await reg?.pushManager.getSubscription()) ? 'on' : 'ask'
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=')
  const raw = atob(b64)
  const out = new Uint8Array(new ArrayBuffer(raw.length))
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i)
  return out
}

/** Asks for permission, subscribes, and queues the subscription for the server. */
export async function enablePush(database: AdminFieldDb, now: Date = new Date()): Promise<PushState> {
  const state = await pushState()
  if (state === 'unsupported' || state === 'noKey' || state === 'denied') return state
  if ((await Notification.requestPermission()) !== 'granted') return Notification.permission === 'denied' ? 'denied' : 'ask'
  const reg = await navigator.serviceWorker.ready
  const sub = (await reg.pushManager.getSubscription()) ?? (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(vapidPublicKey()) }))
  const json = sub.toJSON()
  const id = (await getMeta<string>(database, ID_KEY)) ?? crypto.randomUUID()
  const payload = { endpoint: json.endpoint, p256dh: json.keys?.p256dh, auth: json.keys?.auth, user_agent: navigator.userAgent.slice(0, 300) }
  await commitWithOutbox(database, ['meta'], buildOp('push_subscription.set', 'push_subscriptions', id, payload, now), async () => {
    await database.meta.put({ key: ID_KEY, value: id })
  })
  return 'on'
}
