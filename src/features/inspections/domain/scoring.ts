/**
 * Scoring an inspection against the template version it used. The SQL function that
 * recomputes the score on the server implements the SAME spec and a db test compares the
 * two, so every rule here is spelled out and the percent is computed in integers:
 * - earned: pass → max_points, fail → 0, points → points, na → excluded;
 * - possible: Σ max_points of non-na items; percent null when possible = 0;
 * - percent = floor((2·1000·earned + possible) / (2·possible)) / 10 (half-up, one decimal);
 * - critical_failed: a critical item answered 'fail';
 * - grade: null without a percent; the lowest threshold's when critical_failed; else the
 *   first threshold (highest first) with percent ≥ min;
 * - passed: !critical_failed && percent !== null && percent ≥ pass_mark;
 * - failed items: 'fail', or a points item with 2·points < max_points.
 */
import { readAnswer, type Answer } from './answer'
import { E, type InspectionErrorKey } from './fields'
import { itemIndex, itemRefs, type Grade, type Grading, type TemplateItem, type TemplateVersion } from './template'

export { RESULTS, type Answer, type AnswerResult } from './answer'

/** A validation problem: an i18n key plus the item (or the answer's position) it is about. */
export interface ScoringIssue {
  key: InspectionErrorKey
  item_key?: string
  /** Index in the answers array, for answers that could not be read at all. */
  index?: number
}

export interface FailedItem {
  key: string
  text_zh: string
  text_en: string
  critical: boolean
}

export interface ScoreResult {
  earned: number
  possible: number
  /** One decimal, e.g. 87.5; null when every answered item is N/A (or none answered). */
  percent: number | null
  grade: Grade | null
  critical_failed: boolean
  passed: boolean
  /** Template order; each becomes a rectification. */
  failed_items: FailedItem[]
  /** Empty when the answers are valid (the server refuses them otherwise). */
  issues: ScoringIssue[]
  /** Items with a usable answer / items in the template: the live "12 / 30". */
  answered: number
  total: number
}

export type ValidationResult = { ok: true; answers: Answer[]; issues: [] } | { ok: false; answers: Answer[]; issues: ScoringIssue[] }

/** a / b rounded half-up to an integer, in integers (b > 0): JS and SQL agree exactly. */
export function halfUpDiv(a: number, b: number): number {
  return Math.floor((2 * a + b) / (2 * b))
}

/** The percent for earned/possible, one decimal, half-up; null when nothing is possible. */
export function percentOf(earned: number, possible: number): number | null {
  if (possible <= 0) return null
  return halfUpDiv(1000 * earned, possible) / 10
}

/** The grade for a percent: the lowest grade on a critical fail, else the first threshold reached. */
export function gradeFor(percent: number | null, grading: Grading, criticalFailed: boolean): Grade | null {
  if (percent === null) return null
  const { thresholds } = grading
  if (criticalFailed) return thresholds[thresholds.length - 1]?.grade ?? null
  for (const t of thresholds) if (percent >= t.min) return t.grade
  // Unreachable for a valid grading (last min = 0); the lowest grade is the safe answer.
  return thresholds[thresholds.length - 1]?.grade ?? null
}

/** True when this answer makes the item a failed item (a rectification). */
export function isFailedAnswer(item: TemplateItem, answer: Pick<Answer, 'result' | 'points'>): boolean {
  if (answer.result === 'fail') return true
  return item.mode === 'points' && answer.result === 'points' && answer.points !== undefined && 2 * answer.points < item.max_points
}

interface Checked {
  /** Answers whose result fits the item (these count in the score), by item key. */
  usable: Map<string, Answer>
  /** Every readable answer, first per item, in input order. */
  answers: Answer[]
  issues: ScoringIssue[]
}

function check(template: TemplateVersion, raw: unknown, requireAll: boolean): Checked {
  const usable = new Map<string, Answer>()
  const answers: Answer[] = []
  const issues: ScoringIssue[] = []
  if (!Array.isArray(raw)) return { usable, answers, issues: [{ key: E.answers }] }
  const index = itemIndex(template)
  const seen = new Set<string>()
  raw.forEach((entry: unknown, i) => {
    const a = readAnswer(entry)
    if (!a) {
      const itemKey = (entry as { item_key?: unknown } | null)?.item_key
      issues.push(typeof itemKey === 'string' ? { key: E.answers, item_key: itemKey, index: i } : { key: E.answers, index: i })
      return
    }
    const item = index.get(a.item_key)?.item
    if (!item) return void issues.push({ key: E.unknownItem, item_key: a.item_key, index: i })
    // Exactly one answer per item: the first counts, a second is an error.
    if (seen.has(a.item_key)) return void issues.push({ key: E.duplicateAnswer, item_key: a.item_key, index: i })
    seen.add(a.item_key)
    answers.push(a)
    const own: InspectionErrorKey[] = []
    if (a.result === 'na') {
      if (!item.allow_na) own.push(E.naNotAllowed)
    } else if (a.result === 'points') {
      if (item.mode !== 'points') own.push(E.wrongResultForMode)
      else if (a.points === undefined) own.push(E.pointsRequired)
      else if (a.points < 0 || a.points > item.max_points) own.push(E.pointsRange)
    } else if (item.mode !== 'pass_fail') {
      own.push(E.wrongResultForMode)
    }
    if (a.result !== 'points' && a.points !== undefined) own.push(E.pointsNotAllowed)
    for (const key of own) issues.push({ key, item_key: a.item_key })
    if (own.length > 0) return
    usable.set(a.item_key, a)
    // A missing photo does not change the score, so the answer still counts live.
    if (item.photo_on_fail && isFailedAnswer(item, a) && (a.photo_ids?.length ?? 0) === 0) {
      issues.push({ key: E.photoRequired, item_key: a.item_key })
    }
  })
  if (requireAll) {
    for (const { item } of itemRefs(template)) if (!seen.has(item.key)) issues.push({ key: E.unanswered, item_key: item.key })
  }
  return { usable, answers, issues }
}

/**
 * Checks a full set of answers: every item answered exactly once, 'na' only where allowed,
 * results matching the item's mode, points in 0..max_points, a photo on a failed
 * photo_on_fail item. `answers` echoes the readable ones (typed) for the caller.
 */
export function validateAnswers(template: TemplateVersion, answers: unknown): ValidationResult {
  const c = check(template, answers, true)
  return c.issues.length === 0 ? { ok: true, answers: c.answers, issues: [] } : { ok: false, answers: c.answers, issues: c.issues }
}

function compute(template: TemplateVersion, usable: Map<string, Answer>, issues: ScoringIssue[]): ScoreResult {
  let earned = 0
  let possible = 0
  let criticalFailed = false
  const failed: FailedItem[] = []
  const refs = itemRefs(template)
  for (const { item } of refs) {
    const a = usable.get(item.key)
    if (!a || a.result === 'na') continue
    possible += item.max_points
    if (a.result === 'pass') earned += item.max_points
    else if (a.result === 'points') earned += a.points ?? 0
    if (a.result === 'fail' && item.critical) criticalFailed = true
    if (isFailedAnswer(item, a)) failed.push({ key: item.key, text_zh: item.text_zh, text_en: item.text_en, critical: item.critical })
  }
  const percent = percentOf(earned, possible)
  const passed = !criticalFailed && percent !== null && percent >= template.grading.pass_mark
  return {
    earned,
    possible,
    percent,
    grade: gradeFor(percent, template.grading, criticalFailed),
    critical_failed: criticalFailed,
    passed,
    failed_items: failed,
    issues,
    answered: usable.size,
    total: refs.length,
  }
}

/**
 * The score of a submitted inspection. Invalid answers still get a score from the
 * answers that fit their items, with `issues` saying what is wrong: the client shows
 * both, and refuses to submit while `issues` is not empty.
 */
export function scoreInspection(template: TemplateVersion, answers: unknown): ScoreResult {
  const c = check(template, answers, true)
  return compute(template, c.usable, c.issues)
}

/**
 * The live score while inspecting: unanswered items are excluded (not an issue yet), so
 * the percent is "so far". Other problems (a missing required photo) are reported.
 */
export function runningScore(template: TemplateVersion, partialAnswers: unknown): ScoreResult {
  const c = check(template, partialAnswers, false)
  return compute(template, c.usable, c.issues)
}
