/**
 * What the check-in walk-through needs once it reads: the device db (Dexie) and the data code around
 * it. useCheckIn imports this module when it loads, so the page's frame and hint paint before any of
 * it has downloaded (issue 13: the hint is the page's LCP).
 */
export { getDb } from '@/platform/db'
export { latestTemplate } from '@/features/inspections/data/templates'
export { readTemplate } from '@/features/inspections/domain/templateRead'
export { roomKeys } from '../data/keys'
export { checkInStepIssue, loadCheckInDraft, newCheckInDraft, saveCheckInDraft } from '../data/checkIn'
export { useInventoryAnswers } from './useInventoryAnswers'
export { DORM_INVENTORY_CODE, DORM_INVENTORY_TEMPLATE_ID, DORM_INVENTORY_V1 } from '../domain/checkIn'
