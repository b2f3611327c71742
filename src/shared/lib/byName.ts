/**
 * People (or anything named) in the order the pickers list them: Chinese collation (pinyin). The first
 * collator a page builds pays ICU's start-up (25–60 ms, ×4 on a slow phone; issue 13), so sort when a
 * list is shown, not when a screen only looks names up. One collator for every sort:
 * `localeCompare(…, 'zh-CN')` builds one per call.
 */
let collator: Intl.Collator | null = null

/** Compares two named rows by name (zh-CN collation). */
export function byName(a: { name: string }, b: { name: string }): number {
  collator ??= new Intl.Collator('zh-CN')
  return collator.compare(a.name, b.name)
}

export function sortByName<T extends { name: string }>(rows: readonly T[]): T[] {
  return [...rows].sort(byName)
}
