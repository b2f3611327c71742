/**
 * An input message that names the field and its limit (issue #12): "升数：超出范围（须在 0 到
 * 2000 之间）" rather than a bare "超出范围". The domain's issue key stays the message; the form
 * knows the field's label and its limits (from the domain's own constants).
 */
export interface FieldLimit {
  min?: number
  max?: number
  /** Characters, for text. */
  maxLength?: number
}

export type Translate = (key: string, values?: Record<string, unknown>) => string

export function fieldIssueText(t: Translate, messageKey: string, field: string | null, limit?: FieldLimit): string {
  const message = t(messageKey)
  let bounds = ''
  if (limit?.maxLength !== undefined) bounds = t('common.limit.maxLength', { max: limit.maxLength })
  else if (limit?.max !== undefined) bounds = t('common.limit.between', { min: limit.min ?? 0, max: limit.max })
  else if (limit?.min !== undefined) bounds = t('common.limit.atLeast', { min: limit.min })
  return field ? t('common.fieldIssue', { field, message, limit: bounds }) : `${message}${bounds}`
}

/** Messages about a value's size or form (too long, out of range, not whole): these carry the limit. */
export const isSizeIssue = (messageKey: string): boolean => /\.(tooLong|range|integer|positive)$/.test(messageKey)

/** The field named, and its limit added when the message is about size (the others only name the field). */
export function namedIssueText(t: Translate, messageKey: string, field: string, limit?: FieldLimit): string {
  return fieldIssueText(t, messageKey, field, isSizeIssue(messageKey) ? limit : undefined)
}
