/**
 * Supabase Edge Function `send-reminders` (Deno): one run of the reminder sender. Scheduled every
 * few minutes (README "Reminders that reach the phone"). Claims what is due in SQL
 * (public.claim_reminders: each reminder once per target, even if two runs overlap), sends Web
 * Push with the VAPID keys and posts to the work-chat robots, then records each outcome.
 *
 * Secrets: SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY (set by Supabase), VAPID_PUBLIC_KEY,
 * VAPID_PRIVATE_KEY, VAPID_SUBJECT (mailto: or https:), APP_ORIGIN (the PWA's URL),
 * REMINDERS_CRON_SECRET (the scheduler sends it as x-cron-secret).
 */
import webpush from 'npm:web-push@3.6.7'
import { createClient } from 'npm:@supabase/supabase-js@2.119'
import { sendDueReminders, type ClaimedReminder } from './reminders.ts'

const env = (name: string): string => {
  // @ts-expect-error Deno global (Edge Function runtime)
  const value = Deno.env.get(name) as string | undefined
  if (!value) throw new Error(`send-reminders: ${name} is not set`)
  return value
}

// @ts-expect-error Deno global (Edge Function runtime)
Deno.serve(async (req: Request) => {
  if (req.headers.get('x-cron-secret') !== env('REMINDERS_CRON_SECRET')) return new Response('forbidden', { status: 403 })
  const supabase = createClient(env('SUPABASE_URL'), env('SUPABASE_SERVICE_ROLE_KEY'), { auth: { persistSession: false } })
  webpush.setVapidDetails(env('VAPID_SUBJECT'), env('VAPID_PUBLIC_KEY'), env('VAPID_PRIVATE_KEY'))
  const result = await sendDueReminders({
    claim: async (limit) => {
      const { data, error } = await supabase.rpc('claim_reminders', { p_limit: limit })
      if (error) throw error
      return (data ?? []) as ClaimedReminder[]
    },
    finish: async (results) => {
      const { error } = await supabase.rpc('finish_reminders', { p_results: results })
      if (error) throw error
    },
    // web-push encrypts (aes128gcm) and signs (VAPID); fetch posts it (Deno has no node https agent to rely on).
    sendPush: async (subscription, payload) => {
      const d = webpush.generateRequestDetails(subscription, payload, { TTL: 24 * 3600 })
      const res = await fetch(d.endpoint, { method: d.method, headers: d.headers, body: d.body })
      if (!res.ok) throw new Error(`push service answered ${res.status}`)
    },
    fetch,
    now: () => Date.now(),
    appOrigin: env('APP_ORIGIN'),
  })
  return Response.json(result)
})
