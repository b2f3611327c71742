/**
 * The form as the page edits it (a draft: text inputs, times as `YYYY-MM-DDTHH:mm` in the company
 * zone) and how it becomes the form validateForm checks, and back for editing a returned application.
 */
import { fromZonedInput, toZonedInput } from '@/shared/lib/zonedInput'
import { requestTypeDef } from './types'
import type { RequestForm } from './form'

export type RequestDraft = Record<string, string>

export function emptyDraft(type: string): RequestDraft {
  const def = requestTypeDef(type)
  return Object.fromEntries(
    (def?.fields ?? []).map((f) => [f.key, f.kind === 'int' ? String(f.min ?? 1) : f.kind === 'choice' && !f.optional ? (f.options?.[0] ?? '') : '']),
  )
}

/** Draft → the input validateForm expects. Unparsable text is passed on as text so the field gets its message. */
export function draftToInput(type: string, draft: RequestDraft, timeZone: string): Record<string, unknown> {
  const def = requestTypeDef(type)
  const out: Record<string, unknown> = {}
  for (const f of def?.fields ?? []) {
    const raw = (draft[f.key] ?? '').trim()
    if (f.kind === 'datetime') out[f.key] = raw === '' ? null : (fromZonedInput(raw, timeZone) ?? raw)
    else if (f.kind === 'int' || f.kind === 'amount') out[f.key] = raw === '' ? null : Number.isFinite(Number(raw)) ? Number(raw) : raw
    else out[f.key] = raw
  }
  return out
}

export function formToDraft(type: string, form: RequestForm, timeZone: string): RequestDraft {
  const def = requestTypeDef(type)
  return Object.fromEntries(
    (def?.fields ?? []).map((f) => {
      const v = form[f.key]
      if (v === null || v === undefined) return [f.key, '']
      return [f.key, f.kind === 'datetime' && typeof v === 'string' ? toZonedInput(v, timeZone) : String(v)]
    }),
  )
}
