/**
 * Resolves once `element` comes within `margin` of the viewport: work for what is below the fold
 * (a chart's first draw) waits until someone scrolls to it. At once where the browser has no
 * IntersectionObserver. `cancel` stops watching (an unmounted component); `seen` then never settles.
 */
export interface NearViewport {
  seen: Promise<void>
  cancel: () => void
}

export function whenNearViewport(element: Element, margin = '0px'): NearViewport {
  if (typeof IntersectionObserver !== 'function') return { seen: Promise.resolve(), cancel: () => undefined }
  let observer: IntersectionObserver | undefined
  const seen = new Promise<void>((resolve) => {
    observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return
        observer?.disconnect()
        resolve()
      },
      { rootMargin: `0px 0px ${margin} 0px` },
    )
    observer.observe(element)
  })
  return { seen, cancel: () => observer?.disconnect() }
}
