import type { MessageNamespace } from '@/shared/i18n'

/**
 * What a scan's outcome (ScanOutcome, loaded lazily) shows of other features' messages, besides the
 * scan page's own: loaded with the outcome, not before the page opens (issue 13).
 * tests/unit/app/routeMessages.test.ts checks it against the outcome's code.
 */
export const SCAN_OUTCOME_MESSAGES: readonly MessageNamespace[] = ['requests']
