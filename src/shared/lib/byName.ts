/**
 * People (or anything named) in the order the pickers list them: Chinese collation (pinyin). The first
 * collator a page builds pays ICU's start-up (25–60 ms, ×4 on a slow phone; issue 13), so sort when a
 * list is shown, not when a screen only looks names up.
 */
export function sortByName<T extends { name: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}
