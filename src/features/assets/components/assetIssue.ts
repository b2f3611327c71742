/** An asset form message that names the field and states its limit (issue #12), from the domain's limits. */
import { fieldIssueText, namedIssueText, type FieldLimit, type Translate } from '@/shared/lib/fieldIssue'
import { ASSET_NUMBER_RANGE, ASSET_TEXT_MAX } from '../domain/assetKinds'
import { CUSTODY_TEXT_MAX } from '../domain/custodyEvents'

const LIMITS: Record<string, FieldLimit> = {
  ...Object.fromEntries(Object.entries(ASSET_TEXT_MAX).map(([k, max]) => [k, { maxLength: max }])),
  ...ASSET_NUMBER_RANGE,
}

/** The form's field → its label key (the schema's site_id is labelled 厂区, and so on). */
const LABEL: Record<string, string> = { site_id: 'site', keeper_id: 'keeper' }

/** The characters a text field takes (its counter), if it has a limit. */
export const textMax = (field: string): number | undefined => LIMITS[field]?.maxLength

export function assetIssueText(t: Translate, field: string, messageKey: string | undefined): string {
  if (!messageKey) return ''
  const label = t(`assets.fields.${LABEL[field] ?? field}`)
  // The tank size's own message says when it is needed; its range is the limit.
  if (messageKey === 'assets.errors.tankSize') return fieldIssueText(t, messageKey, label, LIMITS[field])
  return namedIssueText(t, messageKey, label, LIMITS[field])
}

const SHEET_LABEL: Record<string, string> = { to_person: 'person', due_at: 'due', holder_id: 'resolveHolder', status: 'resolveStatus' }

/** An action sheet's message: the field named (its label on the sheet) and, for text, its length. */
export function custodyIssueText(t: Translate, field: string, messageKey: string | undefined): string {
  if (!messageKey) return ''
  const label = SHEET_LABEL[field] ?? (field in CUSTODY_TEXT_MAX || field === 'condition' ? field : null)
  // The application picker shows its own message; a field the sheet has no label for, the bare one.
  if (!label) return t(messageKey)
  const max = CUSTODY_TEXT_MAX[field as keyof typeof CUSTODY_TEXT_MAX]
  return namedIssueText(t, messageKey, t(`assets.sheet.${label}`), max === undefined ? undefined : { maxLength: max })
}
