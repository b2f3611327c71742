/**
 * Whether this device plainly has no camera (a desk PC, a laptop without one): then the scanner
 * says so at once, without downloading the decoder (~100 kB gzip). Device kinds are listed even
 * before camera permission. Where the browser cannot list devices, the answer is "maybe there is
 * one" and the decoder tries, as before.
 */
export async function cameraMissing(): Promise<boolean> {
  const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices
  if (typeof devices?.enumerateDevices !== 'function') return false
  try {
    return !(await devices.enumerateDevices()).some((d) => d.kind === 'videoinput')
  } catch {
    return false
  }
}
