/**
 * An application's form validated with zod from its type's field specs (the specs: types.ts).
 * Imported where a form is checked; importing it loads zod.
 */
import { z } from 'zod'
import { E } from './fields'
import { choice, dateTime, int, optionalText, text } from './fieldSchemas'
import type { FormCheck, RequestForm } from './form'
import { requestTypeDef, type FieldSpec, type RequestTypeDef } from './types'

const amount = (min: number, max: number) =>
  z
    .number({ error: E.number })
    .min(min, { error: E.range })
    .max(max, { error: E.range })
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { error: E.number })

function fieldSchema(spec: FieldSpec): z.ZodType {
  const conditional = spec.optional === true || spec.requiredIf !== undefined
  let base: z.ZodType
  switch (spec.kind) {
    case 'text':
    case 'textarea':
      return conditional ? optionalText(spec.max) : text(spec.max)
    case 'int':
      base = int(spec.min ?? 1, spec.max)
      break
    case 'amount':
      base = amount(spec.min ?? 0, spec.max)
      break
    case 'choice':
      base = choice((spec.options ?? []) as [string, ...string[]])
      break
    case 'datetime':
      base = dateTime()
      break
  }
  // Conditional fields: empty means "not given"; the cross-field check below decides if that is allowed.
  return conditional ? z.preprocess((v) => (v === '' || v === undefined ? null : v), base.nullable()) : base
}

function formSchema(def: RequestTypeDef) {
  const shape = Object.fromEntries(def.fields.map((f) => [f.key, fieldSchema(f)]))
  return z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? E.unknownField : E.required) })
}

const given = (v: unknown) => v !== null && v !== undefined && v !== ''

/** Rules across fields, checked on the raw input so they show together with the per-field ones. */
function crossFieldIssues(def: RequestTypeDef, input: Record<string, unknown>): Record<string, string> {
  const issues: Record<string, string> = {}
  for (const f of def.fields) {
    const value = input[f.key]
    if (f.requiredIf && input[f.requiredIf[0]] === f.requiredIf[1] && !given(value)) issues[f.key] = E.required
    const before = f.after ? input[f.after] : null
    if (typeof value === 'string' && typeof before === 'string' && Date.parse(value) <= Date.parse(before)) issues[f.key] = E.notAfter
  }
  return issues
}

const schemas = new Map<string, ReturnType<typeof formSchema>>()

/** Validates a form for its type; issues are i18n keys by field ('_' for the form as a whole). */
export function validateForm(type: string, input: Record<string, unknown>): FormCheck {
  const def = requestTypeDef(type)
  if (!def) return { ok: false, issues: { _: E.unknownType } }
  let schema = schemas.get(type)
  if (!schema) schemas.set(type, (schema = formSchema(def)))
  const parsed = schema.safeParse(input)
  const issues = crossFieldIssues(def, input)
  if (parsed.success && Object.keys(issues).length === 0) {
    // Conditional fields left empty are stored as null, every field present.
    const form: RequestForm = Object.fromEntries(def.fields.map((f) => [f.key, (parsed.data[f.key] as string | number | null | undefined) ?? null]))
    return { ok: true, form }
  }
  for (const issue of parsed.error?.issues ?? []) {
    const key = issue.code === 'unrecognized_keys' ? '_' : String(issue.path[0] ?? '_')
    issues[key] ??= issue.message.startsWith('requests.') ? issue.message : E.required
  }
  return { ok: false, issues }
}
