/**
 * Everything that touches html5-qrcode. Only ever loaded through loadLibrary.ts's dynamic
 * import, so the library and this factory share one lazy chunk, away from the first screen.
 */
import { Html5Qrcode, Html5QrcodeSupportedFormats } from 'html5-qrcode'

export type QrReader = Html5Qrcode

export function createReader(elementId: string): QrReader {
  return new Html5Qrcode(elementId, {
    verbose: false,
    // QR only: fewer formats, faster decode, no product barcodes mistaken for labels.
    formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
    // Native BarcodeDetector where the browser has it (Chrome on Android), zxing-js otherwise.
    useBarCodeDetectorIfSupported: true,
  })
}
