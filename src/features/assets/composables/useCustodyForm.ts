/**
 * The fields an action sheet asks for, preset for the common case (condition good, due
 * tomorrow at this hour, location from the asset), and the event payload they make.
 */
import { reactive } from 'vue'
import type { AssetRow } from '@/platform/db/rows'
import type { CustodyEventType } from '../domain/custodyEvents'
import { newLabelToken } from '../domain/labelToken'

export interface CustodyForm {
  person: string | null
  /** `YYYY-MM-DDTHH:mm` from <input type=datetime-local>, device clock; '' = no due time. */
  due: string
  purpose: string
  condition: 'good' | 'worn' | 'damaged'
  note: string
  location: string
  inPlace: boolean
  status: string
}

/** Which inputs each action shows. */
export const FIELDS_OF: Record<CustodyEventType, readonly (keyof CustodyForm)[]> = {
  check_out: ['person', 'due', 'purpose', 'condition'],
  check_in: ['condition', 'note'],
  transfer: ['person', 'due', 'note'],
  audit_seen: ['location', 'condition', 'inPlace'],
  report_damaged: ['note'],
  report_lost: ['note'],
  send_to_repair: ['note'],
  back_from_repair: ['condition', 'note'],
  retire: ['note'],
  label_replaced: [],
  resolve_conflict: ['status', 'person', 'due', 'note'],
}

/** Actions that take a photo (a hand-over or a finding worth showing). */
export const PHOTO_ACTIONS: readonly CustodyEventType[] = ['check_out', 'check_in', 'audit_seen', 'report_damaged', 'back_from_repair']

export function toLocalInput(d: Date): string {
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 16)
}

/** A datetime-local value is device wall time; stored as UTC ISO. Invalid → the raw text (zod reports it). */
export function fromLocalInput(value: string): string | null {
  if (!value) return null
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? value : new Date(ms).toISOString()
}

type FormAsset = Pick<AssetRow, 'kind' | 'details' | 'label_token'>

function defaultDue(asset: FormAsset, now: Date): string {
  // Uniforms are issued for good; everything else is due back tomorrow at this hour.
  if (asset.kind === 'uniform') return ''
  const d = new Date(now.getTime() + 24 * 3_600_000)
  d.setMinutes(0, 0, 0)
  return toLocalInput(d)
}

function defaultLocation(asset: FormAsset): string {
  const d = asset.details as Record<string, unknown>
  return String(d.cabinet ?? d.location ?? '')
}

export function useCustodyForm(asset: FormAsset, now = new Date()) {
  const form = reactive<CustodyForm>({
    person: null,
    due: defaultDue(asset, now),
    purpose: '',
    condition: 'good',
    note: '',
    location: defaultLocation(asset),
    inPlace: true,
    status: 'in_stock',
  })

  function payload(type: CustodyEventType, conflictIds: readonly string[]): Record<string, unknown> {
    const note = form.note || null
    switch (type) {
      case 'check_out':
        return { to_person: form.person ?? '', due_at: fromLocalInput(form.due), purpose: form.purpose, condition: form.condition }
      case 'transfer':
        return { to_person: form.person ?? '', due_at: fromLocalInput(form.due), note }
      case 'check_in':
      case 'back_from_repair':
        return { condition: form.condition, note }
      case 'audit_seen':
        return { location: form.location, condition: form.condition, in_place: form.inPlace }
      case 'label_replaced':
        return { new_token: newLabelToken(), old_token: asset.label_token }
      case 'resolve_conflict': {
        const out = form.status === 'checked_out'
        return { conflict_ids: [...conflictIds], status: form.status, holder_id: out ? form.person : null, due_at: out ? fromLocalInput(form.due) : null, note }
      }
      default:
        return { note }
    }
  }

  return { form, payload }
}
