/**
 * The 用印登记 form as the keeper fills it, and how it becomes a SealUsage input.
 * "Same as last" copies the previous use of this seal, so a repeat is two taps.
 */
import type { SealUsageRow } from '@/platform/db/rows'
import type { DocumentType, SealUsageInput, SealUsageMode } from '@/features/assets/domain/sealUsage'
import { defaultTakeOutDue, fromZonedInput, toZonedInput } from './zonedInput'

export interface SealUsageDraft {
  document_title: string
  document_type: DocumentType | ''
  document_type_note: string
  copies: number
  purpose: string
  requester_id: string | null
  requester_name: string
  requester_department: string
  approver_name: string
  mode: SealUsageMode
  /** `YYYY-MM-DDTHH:mm` in the company zone; used for a take-out only. */
  due_local: string
}

export function emptyDraft(): SealUsageDraft {
  return {
    document_title: '',
    document_type: '',
    document_type_note: '',
    copies: 1,
    purpose: '',
    requester_id: null,
    requester_name: '',
    requester_department: '',
    approver_name: '',
    mode: 'stamp_here',
    due_local: '',
  }
}

/** The previous use, ready to save again; a take-out gets a fresh due time (the old one has passed). */
export function draftFromLast(last: SealUsageRow, now: Date, timeZone: string): SealUsageDraft {
  return {
    document_title: last.document_title,
    document_type: last.document_type as DocumentType,
    document_type_note: last.document_type_note ?? '',
    copies: last.copies,
    purpose: last.purpose,
    requester_id: last.requester_id,
    requester_name: last.requester_name,
    requester_department: last.requester_department,
    approver_name: last.approver_name,
    mode: last.mode,
    due_local: last.mode === 'take_out' ? toZonedInput(defaultTakeOutDue(now, timeZone), timeZone) : '',
  }
}

/** The approved 用印申请's form as the register draft (requester = the applicant; approver = the last to approve). */
export function draftFromApplication(
  form: Record<string, string | number | null>,
  ctx: { applicant?: { id: string; name: string; department: string }; approverName: string; timeZone: string },
): SealUsageDraft {
  const mode = form.mode === 'take_out' ? 'take_out' : 'stamp_here'
  return {
    document_title: String(form.document_title ?? ''),
    document_type: (form.document_type ?? '') as DocumentType | '',
    document_type_note: '',
    copies: Number(form.copies ?? 1),
    purpose: String(form.purpose ?? ''),
    requester_id: ctx.applicant?.id ?? null,
    requester_name: ctx.applicant?.name ?? '',
    requester_department: ctx.applicant?.department ?? '',
    approver_name: ctx.approverName,
    mode,
    due_local: mode === 'take_out' && typeof form.due_at === 'string' ? toZonedInput(form.due_at, ctx.timeZone) : '',
  }
}

export interface DraftContext {
  id: string
  seal_id: string
  recorded_by: string
  used_at: string
  photo_ids: string[]
  timeZone: string
}

/** What sealUsageSchema validates. A stamp-here never carries a due time, even one typed then switched away. */
export function draftToInput(draft: SealUsageDraft, ctx: DraftContext): SealUsageInput {
  const due = draft.mode === 'take_out' ? (fromZonedInput(draft.due_local, ctx.timeZone) ?? (draft.due_local ? draft.due_local : null)) : null
  return {
    id: ctx.id,
    seal_id: ctx.seal_id,
    used_at: ctx.used_at,
    recorded_by: ctx.recorded_by,
    document_title: draft.document_title,
    document_type: draft.document_type as DocumentType,
    document_type_note: draft.document_type_note,
    copies: Number(draft.copies),
    purpose: draft.purpose,
    requester_id: draft.requester_id,
    requester_name: draft.requester_name,
    requester_department: draft.requester_department,
    approver_name: draft.approver_name,
    mode: draft.mode,
    due_at: due,
    photo_ids: ctx.photo_ids,
  }
}

/** First issue per form field, as an i18n key (the domain's messages are keys). */
export function issuesByField(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of issues) {
    const raw = String(issue.path[0] ?? '_')
    // The form edits the due time and the requester as other fields.
    const field = raw === 'due_at' ? 'due_local' : raw
    out[field] ??= issue.message.includes('.') ? issue.message : 'assets.errors.required'
  }
  return out
}
