/**
 * Resolves in the task after the next frame: what was rendered before has been styled, laid out and
 * painted, so the work after it does not share that frame's style and layout (issue 13). At the
 * latest after `timeout` ms: a tab in the background draws no frames.
 */
export function afterFrame(timeout = 100): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeout)
    if (typeof requestAnimationFrame !== 'function') return
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer)
        resolve()
      }, 0),
    )
  })
}
