/**
 * The fields an action sheet asks for, preset for the common case (condition good, due
 * tomorrow at this hour, location from the asset), and the event payload they make.
 */
import { reactive, watch } from 'vue'
import type { AssetRow } from '@/platform/db/rows'
import { fromZonedInput, toZonedInput } from '@/shared/lib/zonedInput'
import type { CustodyEventType } from '../domain/custodyEvents'
import { newLabelToken } from '../domain/labelToken'

export interface CustodyForm {
  person: string | null
  /** `YYYY-MM-DDTHH:mm` from <input type=datetime-local>, company time zone; '' = no due time. */
  due: string
  purpose: string
  condition: 'good' | 'worn' | 'damaged'
  note: string
  location: string
  inPlace: boolean
  status: string
  /** The approved application a seal's retirement or a licence's lending carries out. */
  requestId: string | null
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
  return_claimed: ['condition', 'note'],
}

/** Actions that take a photo (a hand-over or a finding worth showing). */
export const PHOTO_ACTIONS: readonly CustodyEventType[] = ['check_out', 'check_in', 'audit_seen', 'report_damaged', 'back_from_repair', 'return_claimed']

/**
 * A datetime-local value is wall time in the company zone (not the phone's), stored as UTC ISO.
 * Empty → null; invalid → the raw text, so zod reports it under the field.
 */
export function dueFromInput(value: string, timeZone: string): string | null {
  if (!value) return null
  return fromZonedInput(value, timeZone) ?? value
}

type FormAsset = Pick<AssetRow, 'kind' | 'details' | 'label_token'>

/** Uniforms are issued for good; everything else is due back tomorrow at this hour, company time. */
export function defaultDueInput(asset: Pick<AssetRow, 'kind'>, now: Date, timeZone: string): string {
  if (asset.kind === 'uniform') return ''
  const tomorrow = toZonedInput(now.getTime() + 24 * 3_600_000, timeZone)
  return `${tomorrow.slice(0, 14)}00`
}

function defaultLocation(asset: FormAsset): string {
  const d = asset.details as Record<string, unknown>
  return String(d.cabinet ?? d.location ?? '')
}

/** `timeZone`: the company's (the directory store's); due inputs are read and preset in it. */
export function useCustodyForm(asset: FormAsset, timeZone: () => string, now = new Date()) {
  const form = reactive<CustodyForm>({
    person: null,
    due: defaultDueInput(asset, now, timeZone()),
    purpose: '',
    condition: 'good',
    note: '',
    location: defaultLocation(asset),
    inPlace: true,
    status: 'in_stock',
    requestId: null,
  })

  // The company row may load after the sheet opens: move an untouched default to its zone.
  watch(timeZone, (zone, previous) => {
    if (form.due && form.due === defaultDueInput(asset, now, previous)) form.due = defaultDueInput(asset, now, zone)
  })

  function payload(type: CustodyEventType, conflictIds: readonly string[]): Record<string, unknown> {
    const note = form.note || null
    const due = () => dueFromInput(form.due, timeZone())
    const request = form.requestId ? { request_id: form.requestId } : {}
    switch (type) {
      case 'check_out':
        return { to_person: form.person ?? '', due_at: due(), purpose: form.purpose, condition: form.condition, ...request }
      case 'retire':
        return { note, ...request }
      case 'transfer':
        return { to_person: form.person ?? '', due_at: due(), note }
      case 'check_in':
      case 'back_from_repair':
      case 'return_claimed':
        return { condition: form.condition, note }
      case 'audit_seen':
        return { location: form.location, condition: form.condition, in_place: form.inPlace }
      case 'label_replaced':
        return { new_token: newLabelToken(), old_token: asset.label_token }
      case 'resolve_conflict': {
        const out = form.status === 'checked_out'
        return { conflict_ids: [...conflictIds], status: form.status, holder_id: out ? form.person : null, due_at: out ? due() : null, note }
      }
      default:
        return { note }
    }
  }

  return { form, payload }
}
