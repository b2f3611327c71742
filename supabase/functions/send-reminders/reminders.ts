/**
 * The reminder sender's logic (issue 11 "Reminders that reach the phone"), runtime-neutral (Web
 * Crypto and fetch only), so the Supabase Edge Function (index.ts, Deno) and the Node tests run the
 * same code. The database decides what is due and hands each (reminder, target) pair to exactly one
 * sender run (public.claim_reminders: a delivery row per pair, unique, so two runs at once never
 * send the same reminder twice); this module formats and sends them and reports the outcome
 * (public.finish_reminders).
 *
 * Targets: a device's Web Push subscription (sent by the injected `sendPush`, web-push in
 * index.ts), or the company's work-chat group robot of the task's department or site:
 * 企业微信 (WeCom: the key in the URL is the secret), 钉钉 (DingTalk: timestamp + HMAC-SHA256
 * signature in the query), 飞书 (Feishu/Lark: timestamp + signature in the body).
 */

export type ReminderKind = 'assigned' | 'dueToday' | 'overdue' | 'reminded' | 'problem' | 'late'

export interface ClaimedReminder {
  delivery_id: string
  reminder_key: string
  kind: ReminderKind
  task_id: string
  title: string
  due_on: string
  /** 1..3 for 'reminded' (1st, 2nd, final); for 'problem' and 'late' the level it stands at (1 the giver, 2 部门负责人, 3 行政部长, 4 执行长). */
  level: number | null
  channel: 'push' | 'webhook'
  /** push: the subscription */
  endpoint: string | null
  p256dh: string | null
  auth: string | null
  /** webhook: the robot */
  webhook_kind: 'wecom' | 'dingtalk' | 'feishu' | null
  webhook_url: string | null
  webhook_secret: string | null
  /** The assignee's name, for group messages ('problem', 'late': the name of the one who must handle it). */
  person: string | null
}

export interface Message {
  title: string
  body: string
  /** Opens the task in the app. */
  url: string
}

const KIND_ZH: Record<ReminderKind, string> = {
  assigned: '新任务待接受',
  dueToday: '任务今天到期',
  overdue: '任务已逾期',
  reminded: '催办',
  problem: '问题待处理',
  late: '任务逾期上报',
}
const LEVEL_ZH = ['', '第一次催办', '第二次催办', '最后催办']
/** A raised problem, by the level it stands at (escalated one level at a time). */
const PROBLEM_ZH = ['', '问题待处理', '问题上报部门负责人', '问题上报行政部长', '问题上报执行长']
/** An overdue task gone up the line by itself, by the level it stands at. */
const LATE_ZH = ['', '任务逾期，请督促', '逾期上报部门负责人', '逾期上报行政部长', '逾期上报执行长']

/** The notification's text (zh-CN, the company's language) and the link to the task. */
export function messageOf(r: ClaimedReminder, appOrigin: string): Message {
  const what =
    r.kind === 'reminded'
      ? (LEVEL_ZH[r.level ?? 1] ?? KIND_ZH.reminded)
      : r.kind === 'problem'
        ? (PROBLEM_ZH[r.level ?? 1] ?? KIND_ZH.problem)
        : r.kind === 'late'
          ? (LATE_ZH[r.level ?? 1] ?? KIND_ZH.late)
          : KIND_ZH[r.kind]
  const who = r.person ? `${r.person}：` : ''
  return {
    title: `${what}｜行政外勤`,
    body: `${who}${r.title}（期限 ${r.due_on}）`,
    url: `${appOrigin.replace(/\/$/, '')}/tasks/${r.task_id}`,
  }
}

async function hmacBase64(key: string, data: string): Promise<string> {
  const k = await crypto.subtle.importKey('raw', new TextEncoder().encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', k, new TextEncoder().encode(data)))
  let bin = ''
  for (const b of mac) bin += String.fromCharCode(b)
  return btoa(bin)
}

export interface WebhookRequest {
  url: string
  body: Record<string, unknown>
}

/** The request a group robot expects, signed where the platform signs. `nowMs` is the send time. */
export async function webhookRequest(
  target: { kind: 'wecom' | 'dingtalk' | 'feishu'; url: string; secret: string | null },
  m: Message,
  nowMs: number,
): Promise<WebhookRequest> {
  const text = `**${m.title}**\n${m.body}\n[打开任务](${m.url})`
  switch (target.kind) {
    case 'wecom':
      return { url: target.url, body: { msgtype: 'markdown', markdown: { content: text } } }
    case 'dingtalk': {
      const url = new URL(target.url)
      if (target.secret) {
        const timestamp = String(nowMs)
        url.searchParams.set('timestamp', timestamp)
        url.searchParams.set('sign', await hmacBase64(target.secret, `${timestamp}\n${target.secret}`))
      }
      return { url: url.toString(), body: { msgtype: 'markdown', markdown: { title: m.title, text } } }
    }
    case 'feishu': {
      const body: Record<string, unknown> = { msg_type: 'text', content: { text: `${m.title}\n${m.body}\n${m.url}` } }
      if (target.secret) {
        const timestamp = String(Math.floor(nowMs / 1000))
        // Feishu signs with the key "timestamp\nsecret" over an empty message.
        body.timestamp = timestamp
        body.sign = await hmacBase64(`${timestamp}\n${target.secret}`, '')
      }
      return { url: target.url, body }
    }
  }
}

export interface SenderDeps {
  claim(limit: number): Promise<ClaimedReminder[]>
  finish(results: { delivery_id: string; ok: boolean; error: string | null }[]): Promise<void>
  sendPush(subscription: { endpoint: string; keys: { p256dh: string; auth: string } }, payload: string): Promise<void>
  fetch: typeof fetch
  now: () => number
  appOrigin: string
}

/** One run: claim what is due, send each, report. Returns how many were sent and how many failed. */
export async function sendDueReminders(deps: SenderDeps, limit = 200): Promise<{ sent: number; failed: number }> {
  const claimed = await deps.claim(limit)
  const results: { delivery_id: string; ok: boolean; error: string | null }[] = []
  for (const r of claimed) {
    const m = messageOf(r, deps.appOrigin)
    try {
      if (r.channel === 'push') {
        if (!r.endpoint || !r.p256dh || !r.auth) throw new Error('subscription incomplete')
        await deps.sendPush({ endpoint: r.endpoint, keys: { p256dh: r.p256dh, auth: r.auth } }, JSON.stringify({ ...m, tag: r.reminder_key }))
      } else {
        if (!r.webhook_kind || !r.webhook_url) throw new Error('webhook incomplete')
        const req = await webhookRequest({ kind: r.webhook_kind, url: r.webhook_url, secret: r.webhook_secret }, m, deps.now())
        const res = await deps.fetch(req.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(req.body) })
        if (!res.ok) throw new Error(`webhook answered ${res.status}`)
      }
      results.push({ delivery_id: r.delivery_id, ok: true, error: null })
    } catch (e) {
      results.push({ delivery_id: r.delivery_id, ok: false, error: (e instanceof Error ? e.message : String(e)).slice(0, 500) })
    }
  }
  if (results.length) await deps.finish(results)
  return { sent: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length }
}
