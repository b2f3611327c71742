/** "How late" for a badge: the largest whole unit past due (days, hours or minutes). */
export interface LateBy {
  unit: 'days' | 'hours' | 'minutes'
  value: number
}

/** Null when not due yet. */
export function lateBy(dueAt: string, now: number): LateBy | null {
  const minutes = Math.floor((now - Date.parse(dueAt)) / 60_000)
  if (!(minutes >= 1)) return null
  if (minutes >= 1440) return { unit: 'days', value: Math.floor(minutes / 1440) }
  if (minutes >= 60) return { unit: 'hours', value: Math.floor(minutes / 60) }
  return { unit: 'minutes', value: minutes }
}
