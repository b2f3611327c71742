/**
 * The scan box html5-qrcode decodes inside. On a 360 px phone the viewfinder is
 * about 328 px wide: a box of 70 % of the short side (~230 px) frames a label
 * at a comfortable 15–25 cm while leaving room to aim.
 */
export const QRBOX_RATIO = 0.7
/** html5-qrcode refuses boxes under 50 px. */
export const QRBOX_MIN = 120
export const QRBOX_MAX = 360

export function qrboxFor(viewfinderWidth: number, viewfinderHeight: number): { width: number; height: number } {
  const short = Math.min(viewfinderWidth, viewfinderHeight)
  const side = Math.round(Math.min(QRBOX_MAX, Math.max(QRBOX_MIN, short * QRBOX_RATIO)))
  // Never larger than the viewfinder itself (tiny test windows).
  const fit = Math.max(50, Math.min(side, Math.floor(short)))
  return { width: fit, height: fit }
}
