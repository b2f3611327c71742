/** A fix or verify message; "too long" names the note field and its limit (issue #12). */
import { namedIssueText, type Translate } from '@/shared/lib/fieldIssue'
import { NOTE_MAX, type RectError } from '../domain/rules'

export function rectErrorText(t: Translate, error: RectError, noteLabel: string): string {
  const key = `rectification.errors.${error}`
  return error === 'tooLong' ? namedIssueText(t, key, t(noteLabel), { maxLength: NOTE_MAX }) : t(key)
}
