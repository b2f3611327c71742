/**
 * An application's form, from its type's field specs: one description drives the page's fields,
 * the zod validation on the device (formSchema.ts, loaded when a form is checked) and
 * private.request_validate_form on the server.
 */
import { requestTypeDef } from './types'

export type RequestForm = Record<string, string | number | null>

export type FormCheck = { ok: true; form: RequestForm } | { ok: false; issues: Record<string, string> }

/** The application's title in lists: its title field, cut to 60 characters. */
export function requestTitle(type: string, form: RequestForm): string {
  const def = requestTypeDef(type)
  const value = def ? form[def.titleKey] : null
  return String(value ?? '').slice(0, 60)
}

/** A blank form for the page: every field present, empty. */
export function emptyForm(type: string): Record<string, string | number | null> {
  const def = requestTypeDef(type)
  return Object.fromEntries((def?.fields ?? []).map((f) => [f.key, f.kind === 'int' ? (f.min ?? 1) : f.kind === 'choice' ? (f.options?.[0] ?? '') : '']))
}
