/**
 * Resolves once what was just rendered is on screen: in the task after the frame that follows the
 * next one (a frame callback runs before its frame paints, and the paint reaches the screen a little
 * later). At the latest after `timeout` ms: a tab in the background draws no frames.
 */
export function afterPaint(timeout = 1000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeout)
    if (typeof requestAnimationFrame !== 'function') return
    requestAnimationFrame(() =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timer)
          resolve()
        }, 0),
      ),
    )
  })
}
