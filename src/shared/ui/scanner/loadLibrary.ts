/**
 * html5-qrcode is ~100 kB gzip: loaded only when a scan starts (camera or file),
 * so it never weighs on the first screen (tests/bench/bundle.bench.ts checks).
 */
import type { Html5Qrcode } from 'html5-qrcode'

export type QrLibrary = typeof import('html5-qrcode')

let loading: Promise<QrLibrary> | null = null

export function loadQrLibrary(): Promise<QrLibrary> {
  loading ??= import('html5-qrcode').catch((e: unknown) => {
    // A failed chunk load (offline before first use) may succeed later.
    loading = null
    throw e
  })
  return loading
}

/** One decoder bound to a DOM element id (html5-qrcode needs one even for files). */
export async function createQrReader(elementId: string): Promise<Html5Qrcode> {
  const lib = await loadQrLibrary()
  return new lib.Html5Qrcode(elementId, {
    verbose: false,
    // QR only: fewer formats, faster decode, no product barcodes mistaken for labels.
    formatsToSupport: [lib.Html5QrcodeSupportedFormats.QR_CODE],
    // Native BarcodeDetector where the browser has it (Chrome on Android), zxing-js otherwise.
    useBarCodeDetectorIfSupported: true,
  })
}
