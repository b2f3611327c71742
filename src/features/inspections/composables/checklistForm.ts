/**
 * What ChecklistItem reads from the checklist run around it (an area inspection, a dorm check-in or
 * check-out, a vehicle's pre-trip check), apart from useInspection: ChecklistItem and the pages that
 * provide a run import this light module, not the inspection's data layer (issue 13).
 */
import { inject, type InjectionKey } from 'vue'
import type { InspectionForm } from './useInspection'

/** What ChecklistItem needs: any checklist run (an area inspection, a vehicle's pre-trip check) provides it. */
export type ChecklistForm = Pick<InspectionForm, 'answer' | 'setResult' | 'setNote' | 'setPhotos' | 'issueFor' | 'timeZone'>
export const INSPECTION_KEY: InjectionKey<ChecklistForm> = Symbol('inspection')

export function injectInspection(): ChecklistForm {
  const form = inject(INSPECTION_KEY)
  if (!form) throw new Error('inspection form not provided')
  return form
}
