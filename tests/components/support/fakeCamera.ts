/**
 * html5-qrcode without a camera: `vi.mock('html5-qrcode', async () => (await import('../support/fakeCamera')).fakeHtml5Qrcode(onStart))`.
 * `onStart` gets the scanner's success callback (a test calls it as the camera would on a label).
 */
export function fakeHtml5Qrcode(onStart: (onSuccess: (text: string) => void) => void = () => undefined) {
  class Html5Qrcode {
    async start(_camera: unknown, _config: unknown, onSuccess: (text: string) => void) {
      onStart(onSuccess)
      return null
    }
    getState() {
      return 2
    }
    async stop() {}
    clear() {}
    getRunningTrackCameraCapabilities() {
      return { torchFeature: () => ({ isSupported: () => false, apply: async () => undefined }) }
    }
  }
  return { Html5Qrcode, Html5QrcodeSupportedFormats: { QR_CODE: 0 } }
}
