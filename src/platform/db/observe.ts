import { liveQuery } from 'dexie'

/**
 * Re-runs `query` whenever the tables it read change (any tab), and hands each result to
 * `onValue`. Keeps Dexie out of stores and components. Returns the unsubscribe function.
 */
export function observe<T>(
  query: () => Promise<T>,
  onValue: (value: T) => void,
  onError?: (error: unknown) => void,
): () => void {
  const subscription = liveQuery(query).subscribe({
    next: onValue,
    error: (e: unknown) => {
      if (onError) onError(e)
      else console.error('observe query failed', e)
    },
  })
  return () => subscription.unsubscribe()
}
