/**
 * Resolves in the task after `frames` more frames: what was rendered before has been styled, laid
 * out and painted. At the latest after `timeout` ms: a tab in the background draws no frames.
 */
export function afterFrames(frames: number, timeout: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeout)
    if (typeof requestAnimationFrame !== 'function') return
    const frame = (left: number): void => {
      if (left > 0) {
        requestAnimationFrame(() => frame(left - 1))
        return
      }
      setTimeout(() => {
        clearTimeout(timer)
        resolve()
      }, 0)
    }
    frame(frames)
  })
}

/**
 * Once what was just rendered is on screen: after the frame that follows the next one (a frame
 * callback runs before its frame paints, and the paint reaches the screen a little later).
 */
export const afterPaint = (timeout = 1000): Promise<void> => afterFrames(2, timeout)

/**
 * After the next frame: work after it does not share that frame's style and layout (issue 13: a
 * page's first render in parts, useMountStages).
 */
export const afterFrame = (timeout = 100): Promise<void> => afterFrames(1, timeout)
