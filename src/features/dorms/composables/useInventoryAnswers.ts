/**
 * The room inventory answered on the phone (check-in and check-out alike): the answers in a draft, as a
 * checklist run (it provides what ChecklistItem reads through INSPECTION_KEY), the running score and the
 * items still to answer.
 */
import { computed, ref, type Ref } from 'vue'
import type { ProcessedPhoto } from '@/platform/photos'
import { draftToAnswers, emptyAnswer, type DraftAnswer } from '@/features/inspections/data/drafts'
import { passingRest, type TemplateVersion } from '@/features/inspections/domain/template'
import { runningScore, scoreInspection, type ScoringIssue } from '@/features/inspections/domain/scoring'

export function useInventoryAnswers(draft: Ref<{ answers: Record<string, DraftAnswer> } | null>, template: Ref<TemplateVersion>) {
  const issues = ref<ScoringIssue[]>([])
  const answer = (key: string): DraftAnswer => draft.value?.answers[key] ?? emptyAnswer()
  function edit(key: string, change: Partial<DraftAnswer>): void {
    if (!draft.value) return
    draft.value.answers[key] = { ...answer(key), ...change }
    issues.value = issues.value.filter((i) => i.item_key !== key)
  }
  const setResult = (key: string, result: DraftAnswer['result'], points: number | null = null) => edit(key, { result, points })
  const setNote = (key: string, note: string) => edit(key, { note })
  const setPhotos = (key: string, photos: ProcessedPhoto[]) => edit(key, { photos })
  /** "All present and undamaged": every item not answered yet passes (a damage already marked stays); how many. */
  function passUnanswered(): number {
    const rest = passingRest(template.value, (key) => answer(key).result !== null)
    for (const p of rest) setResult(p.key, p.result, p.points)
    return rest.length
  }
  const issueFor = (key: string) => issues.value.find((i) => i.item_key === key)?.key ?? null
  const score = computed(() => runningScore(template.value, draft.value ? draftToAnswers(template.value, draft.value) : []))
  /** Checks every item is answered (a photo with each damage); false and the issues shown otherwise. */
  function complete(): boolean {
    if (!draft.value) return false
    issues.value = scoreInspection(template.value, draftToAnswers(template.value, draft.value)).issues
    return issues.value.length === 0
  }
  return { issues, answer, setResult, setNote, setPhotos, passUnanswered, issueFor, score, complete }
}
