import { computed, type ComputedRef, type WritableComputedRef } from 'vue'
import { useRoute, useRouter } from 'vue-router'

/**
 * The chosen tab of a page with tabs over a list (LineTabs), kept in the address (`?tab=`): a link
 * or a reload opens the same tab. A tab this user does not have (a link from someone else's role)
 * falls back to the first.
 */
export function useQueryTab<T extends string>(tabs: ComputedRef<readonly T[]>): WritableComputedRef<T> {
  const route = useRoute()
  const router = useRouter()
  return computed<T>({
    get: () => {
      const asked = String(route.query.tab ?? '')
      return tabs.value.find((tab) => tab === asked) ?? tabs.value[0]!
    },
    set: (tab) => void router.replace({ query: { ...route.query, tab } }),
  })
}
