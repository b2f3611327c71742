// Reminders that reach the phone (issue 11): what is due is decided in SQL, each (reminder, target)
// pair is claimed once (a second run gets nothing), and the sender posts Web Push messages (VAPID,
// aes128gcm) and work-chat robot messages (企业微信, 钉钉 signed in the query, 飞书 signed in the
// body) to a local HTTP endpoint standing in for the push service and the robots, which checks
// each request: the push payload is decrypted with the subscription's private key.
import { createECDH, randomBytes, createHmac } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { randomUUID } from 'node:crypto'
import webpush from 'web-push'
import * as ece from 'http_ece'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { messageOf, sendDueReminders, webhookRequest, type ClaimedReminder } from '../../supabase/functions/send-reminders/reminders'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { connect } from './support/pg-backend'
import { FIN, HQ, actOn, assign, op, person } from './support/tasks'

let db: TestDb
let server: Server
let base = ''
const received: { path: string; headers: IncomingMessage['headers']; body: Buffer }[] = []
const NOW = '2026-12-14T02:00:00Z' // 10:00 on Monday 14 December in Shanghai
const vapid = webpush.generateVAPIDKeys()
const ecdh = createECDH('prime256v1')
ecdh.generateKeys()
const authSecret = randomBytes(16).toString('base64url')
let alice: string
let taskA: string, taskB: string

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) })
      res.statusCode = req.url?.startsWith('/push/') ? 201 : 200
      res.end('{"errcode":0}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const addr = server.address()
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`
  db = await openTestDb()
  alice = await person(db, 'employee', HQ, FIN, 'alice')
  const staff = DEMO.users.assetKeeper as string
  taskA = await assign(db, staff, alice, { due_on: '2026-12-14', title: '更换灭火器' })
  taskB = await assign(db, staff, alice, { due_on: '2026-12-11', title: '整理档案' }) // 1 working day late: overdue, not yet gone up the line (tests/db/tasks-late-escalation.test.ts)
  await actOn(db, alice, taskB, 'accept', {}, '2026-12-09T09:00:00+08:00')
  const sheet = randomUUID()
  await op(db, DEMO.users.adminHead as string, 'follow_up.open', { task_id: taskB, officer_id: staff, reason: 'late', instructions: '尽快' }, '2026-12-11T09:00:00+08:00', sheet)
  await op(db, staff, 'follow_up.remind', { follow_up_id: sheet, level: 'first', channel: 'phone', reminded_at: '2026-12-11T10:00:00+08:00' }, '2026-12-11T10:00:00+08:00')
  await db.query(`insert into private.webhook_targets (department_id, kind, url, secret) values ($1, 'dingtalk', $2, 'SEC-dingtalk')`, [FIN, `${base}/robot/dingtalk?access_token=abc`])
})
afterAll(async () => {
  await db?.close()
  await new Promise((resolve) => server?.close(resolve))
})

/** As the sender does: the service role (one connection per test database, so the role holds for the call). */
async function asService<T>(fn: () => Promise<T>): Promise<T> {
  await db.exec('set role service_role')
  try {
    return await fn()
  } finally {
    await db.exec('reset role')
  }
}
const claim = (limit = 100) => asService(() => db.query<ClaimedReminder>('select * from public.claim_reminders($1, $2::timestamptz)', [limit, NOW]))

describe('push subscriptions', () => {
  it('each user registers their own; nobody else reads or takes them', async () => {
    const id = randomUUID()
    const sub = { endpoint: `${base}/push/alice-phone`, p256dh: ecdh.getPublicKey('base64url'), auth: authSecret, user_agent: 'test' }
    expect((await op(db, alice, 'push_subscription.set', sub, undefined, id)).status).toBe('applied')
    expect(await op(db, DEMO.users.driver as string, 'push_subscription.set', sub, undefined, id)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await op(db, alice, 'push_subscription.set', { ...sub, endpoint: 'ftp://x' })).toMatchObject({ status: 'refused', reason: 'invalid' })
    const seen = (user: string) => db.asUser(user, (q) => q<{ id: string }>('select id from public.push_subscriptions'))
    expect((await seen(alice)).map((r) => r.id)).toEqual([id])
    expect(await seen(DEMO.users.adminHead as string)).toEqual([])
    await expect(db.asUser(alice, (q) => q('select * from private.webhook_targets'))).rejects.toThrow(/permission denied/)
    await expect(db.asUser(alice, (q) => q('select * from public.claim_reminders()'))).rejects.toThrow(/permission denied/)
  })
})

describe('claiming what is due', () => {
  it('finds each due reminder once per target; a second run finds nothing', async () => {
    const first = await claim()
    const keys = first.map((r) => `${r.kind}:${r.channel}`).sort()
    expect(keys).toEqual([
      'assigned:push', 'assigned:webhook', 'dueToday:push', 'dueToday:webhook', 'overdue:push', 'overdue:webhook', 'reminded:push', 'reminded:webhook',
    ])
    expect(first.find((r) => r.kind === 'reminded')).toMatchObject({ task_id: taskB, level: 1 })
    expect(first.find((r) => r.kind === 'dueToday')).toMatchObject({ task_id: taskA, person: expect.stringMatching(/^alice/) })
    expect(await claim()).toEqual([])
    // Undo, so the sender test below claims them again.
    await db.query('delete from private.reminder_deliveries')
  })
})

describe('the sender', () => {
  it('posts an encrypted Web Push message and a signed DingTalk robot message, each once, and records the outcome', async () => {
    received.length = 0
    const deps = {
      claim: (limit: number) => claim(limit),
      finish: async (results: unknown[]) => {
        await asService(() => db.query('select public.finish_reminders($1::jsonb)', [JSON.stringify(results)]))
      },
      // As the Edge Function does: web-push encrypts and signs (VAPID), fetch posts to the push service.
      sendPush: async (subscription: { endpoint: string; keys: { p256dh: string; auth: string } }, payload: string) => {
        const d = webpush.generateRequestDetails(subscription, payload, { vapidDetails: { subject: 'mailto:admin@example.com', publicKey: vapid.publicKey, privateKey: vapid.privateKey }, TTL: 3600 })
        const res = await fetch(d.endpoint, { method: d.method, headers: d.headers as Record<string, string>, body: d.body as Uint8Array<ArrayBuffer> })
        if (!res.ok) throw new Error(`push service answered ${res.status}`)
      },
      fetch,
      now: () => Date.parse(NOW),
      appOrigin: 'https://app.example.com/',
    }
    const firstRun = await sendDueReminders(deps)
    const errs = await db.query<{ error: string }>('select distinct error from private.reminder_deliveries where not ok')
    expect(errs).toEqual([])
    expect(firstRun).toEqual({ sent: 8, failed: 0 })
    expect(await sendDueReminders(deps)).toEqual({ sent: 0, failed: 0 })

    const pushes = received.filter((r) => r.path === '/push/alice-phone')
    expect(pushes).toHaveLength(4)
    for (const p of pushes) {
      expect(p.headers['content-encoding']).toBe('aes128gcm')
      expect(p.headers.ttl).toBe('3600')
      const [, jwt, key] = /^vapid t=([^,]+), k=(.+)$/.exec(String(p.headers.authorization)) ?? []
      expect(key).toBe(vapid.publicKey)
      const claims = JSON.parse(Buffer.from(String(jwt).split('.')[1] ?? '', 'base64url').toString('utf8')) as { aud: string }
      expect(claims.aud).toBe(base)
    }
    const messages = pushes.map((p) => JSON.parse(ece.decrypt(p.body, { version: 'aes128gcm', privateKey: ecdh, authSecret }).toString('utf8')) as { title: string; url: string; tag: string })
    expect(messages.map((m) => m.title).sort()).toEqual(['任务今天到期｜行政外勤', '任务已逾期｜行政外勤', '新任务待接受｜行政外勤', '第一次催办｜行政外勤'])
    expect(messages.find((m) => m.title.startsWith('第一次'))?.url).toBe(`https://app.example.com/tasks/${taskB}`)

    const robots = received.filter((r) => r.path.startsWith('/robot/dingtalk'))
    expect(robots).toHaveLength(4)
    for (const r of robots) {
      const q = new URL(r.path, base).searchParams
      expect(q.get('access_token')).toBe('abc')
      const ts = q.get('timestamp') ?? ''
      expect(q.get('sign')).toBe(createHmac('sha256', 'SEC-dingtalk').update(`${ts}\nSEC-dingtalk`).digest('base64'))
      expect(JSON.parse(r.body.toString('utf8'))).toMatchObject({ msgtype: 'markdown', markdown: { title: expect.any(String), text: expect.stringContaining('/tasks/') } })
    }
    const [done] = await db.query<{ n: number; ok: number }>('select count(*)::int as n, count(*) filter (where ok)::int as ok from private.reminder_deliveries')
    expect(done).toEqual({ n: 8, ok: 8 })
  })

  it('formats 企业微信 and 飞书 robots as each platform checks them', async () => {
    const m = messageOf({ kind: 'overdue', title: '整理档案', due_on: '2026-12-10', task_id: taskB, person: 'alice', level: null } as ClaimedReminder, 'https://app.example.com')
    const wecom = await webhookRequest({ kind: 'wecom', url: `${base}/robot/wecom?key=K1`, secret: null }, m, Date.parse(NOW))
    expect(wecom).toEqual({ url: `${base}/robot/wecom?key=K1`, body: { msgtype: 'markdown', markdown: { content: expect.stringContaining('alice：整理档案（期限 2026-12-10）') } } })
    const feishu = await webhookRequest({ kind: 'feishu', url: `${base}/robot/feishu`, secret: 'SEC-fs' }, m, Date.parse(NOW))
    const ts = String(Math.floor(Date.parse(NOW) / 1000))
    expect(feishu.body).toMatchObject({ msg_type: 'text', timestamp: ts, sign: createHmac('sha256', `${ts}\nSEC-fs`).update('').digest('base64') })
    // A robot that answers an error counts as failed (and the delivery records why).
    const failing = await sendDueReminders({
      claim: async () => [{ delivery_id: randomUUID(), reminder_key: 'k', kind: 'overdue', task_id: taskB, title: 't', due_on: '2026-12-10', level: null, channel: 'webhook', endpoint: null, p256dh: null, auth: null, webhook_kind: 'wecom', webhook_url: `${base}/missing`, webhook_secret: null, person: null }],
      finish: async () => {},
      sendPush: async () => {},
      fetch: async () => new Response('no', { status: 500 }),
      now: () => 0,
      appOrigin: 'https://app.example.com',
    })
    expect(failing).toEqual({ sent: 0, failed: 1 })
  })
})

describe.runIf(process.env.DATABASE_URL)('two sender runs at once (real server: two connections)', () => {
  it('each reminder goes out once: the second run waits for the first and then takes nothing it took', async () => {
    await db.query('delete from private.reminder_deliveries')
    const a: pg.Client = connect(db.url as string)
    const b: pg.Client = connect(db.url as string)
    await a.connect()
    await b.connect()
    try {
      const run = async (c: pg.Client) => {
        await c.query('begin')
        await c.query('set local role service_role')
        return (await c.query<{ delivery_id: string; reminder_key: string; channel: string }>('select * from public.claim_reminders(100, $1::timestamptz)', [NOW])).rows
      }
      const first = await run(a)
      expect(first).toHaveLength(8)
      // b sees the same pairs as due (a has not committed) and blocks on the unique key.
      const second = run(b)
      await a.query('commit')
      expect(await second).toEqual([])
      await b.query('commit')
      const [n] = await db.query<{ n: number }>('select count(*)::int as n from private.reminder_deliveries')
      expect(n?.n).toBe(8)
    } finally {
      await a.end()
      await b.end()
    }
  })
})
