/**
 * html5-qrcode is ~100 kB gzip: loaded only when a scan starts (camera or file),
 * so it never weighs on the first screen (tests/bench/bundle.bench.ts checks).
 */
import type { QrReader } from './qrLibrary'

export type { QrReader }

let loading: Promise<typeof import('./qrLibrary')> | null = null

function loadQrLibrary(): Promise<typeof import('./qrLibrary')> {
  loading ??= import('./qrLibrary').catch((e: unknown) => {
    // A failed chunk load (offline before first use) may succeed later.
    loading = null
    throw e
  })
  return loading
}

/** One decoder bound to a DOM element id (html5-qrcode needs one even for files). */
export async function createQrReader(elementId: string): Promise<QrReader> {
  return (await loadQrLibrary()).createReader(elementId)
}
