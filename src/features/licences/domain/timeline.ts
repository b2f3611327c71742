/** 证照办理's steps as lines of the application's timeline (an i18n key and its values; the page translates). */
import type { LicenceWorkEvent } from './work'

export interface TimelineLine {
  id: string
  at: string
  actor: string
  /** i18n key under licences.work.events. */
  key: string
  values: Record<string, string | number>
  /** Error fields found at a collection check (i18n keys), shown after the line. */
  details: string[]
  note: string | null
  flag: string | null
  testid: string
}

const s = (v: unknown): string => (typeof v === 'string' ? v : '')

/** One line per step, by time; `labelOf` names a material code (its label or the app's name). */
export function licenceTimeline(events: readonly LicenceWorkEvent[], labelOf: (code: string, label: string | null) => string): TimelineLine[] {
  return [...events]
    .sort((a, b) => (a.device_time < b.device_time ? -1 : a.device_time > b.device_time ? 1 : 0))
    .map((e): TimelineLine => {
      const d = e.data
      const base = { id: e.id, at: e.device_time, actor: e.actor_id, note: null as string | null, details: [] as string[], flag: e.flagged ? 'licences.work.flags.outOfOrder' : null, testid: `licence-event-${e.type}` }
      if (e.type === 'material') {
        return { ...base, key: d.done === true ? 'licences.work.events.ticked' : 'licences.work.events.unticked', values: { material: labelOf(s(d.code), typeof d.label === 'string' ? d.label : null) } }
      }
      if (e.type === 'collect') {
        const errors = Array.isArray(d.errors) ? (d.errors as { field: string; note: string | null }[]) : []
        return {
          ...base,
          key: d.result === 'pass' ? 'licences.work.events.passed' : 'licences.work.events.errors',
          values: {},
          details: errors.map((x) => `licences.work.errorField.${x.field}|${x.note ?? ''}`),
          note: s(d.note) || null,
        }
      }
      if (e.type === 'file') return { ...base, key: 'licences.work.events.filed', values: { location: s(d.location), copies: Number(d.copies) } }
      return { ...base, key: 'licences.work.events.validity', values: { number: s(d.licence_number), from: s(d.valid_from), to: s(d.valid_to) } }
    })
}
