/**
 * Whether this device plainly has no camera (a desk PC, a laptop without one): then the scanner
 * says so at once, without downloading the decoder (~100 kB gzip). Device kinds are listed even
 * before camera permission. Where the browser cannot list devices, the answer is "maybe there is
 * one" and the decoder tries, as before.
 * The browser's first listing is slow (~350 ms while its media service starts): the Scan route
 * starts it while the page downloads, and the scanner then shares that same answer.
 */
let pending: Promise<boolean> | null = null

async function listsNoCamera(): Promise<boolean> {
  const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices
  if (typeof devices?.enumerateDevices !== 'function') return false
  try {
    return !(await devices.enumerateDevices()).some((d) => d.kind === 'videoinput')
  } catch {
    return false
  }
}

/** One listing at a time; each new ask after it has answered lists again (a camera may be plugged in). */
export function cameraMissing(): Promise<boolean> {
  pending ??= listsNoCamera().finally(() => (pending = null))
  return pending
}
